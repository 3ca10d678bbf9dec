export { PipelinesPage } from './PipelinesPage.js';
