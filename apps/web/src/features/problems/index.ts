export { ProblemsPanel } from './ProblemsPanel.js';
