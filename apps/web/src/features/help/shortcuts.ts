const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
const mod = mac ? '⌘' : 'Ctrl';

/** The designer's keyboard shortcuts, as the help dialog lists them. */
export const SHORTCUTS: readonly { keys: readonly string[]; what: string }[] = [
  { keys: ['Enter'], what: 'Add the focused palette entry to the canvas' },
  { keys: [mod, 'Z'], what: 'Undo' },
  { keys: [mod, 'Shift', 'Z'], what: 'Redo (also Ctrl+Y)' },
  { keys: [mod, 'C'], what: 'Copy the selected nodes (paste them here or in another pipeline)' },
  { keys: [mod, 'X'], what: 'Cut the selected nodes' },
  { keys: [mod, 'V'], what: 'Paste nodes, or a whole pipeline JSON' },
  { keys: [mod, 'D'], what: 'Duplicate the selected nodes' },
  { keys: [mod, 'A'], what: 'Select everything' },
  { keys: ['Delete'], what: 'Delete the selection (also Backspace)' },
  { keys: ['Shift', 'drag'], what: 'Select with a box' },
  { keys: [mod, 'click'], what: 'Add to or remove from the selection' },
  { keys: ['L'], what: 'Arrange the pipeline left to right' },
  { keys: ['F'], what: 'Fit the pipeline in view' },
  { keys: ['Escape'], what: 'Clear the selection' },
  { keys: [mod, 'S'], what: 'Save the draft now (it also saves by itself)' },
  { keys: ['?'], what: 'Show this list' },
];
