export { Palette } from './Palette.js';
