export { DesignerPage } from './DesignerPage.js';
