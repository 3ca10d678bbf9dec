export { JsonView } from './JsonView.js';
