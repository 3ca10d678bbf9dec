export { HelpDialog } from './HelpDialog.js';
export { SHORTCUTS } from './shortcuts.js';
