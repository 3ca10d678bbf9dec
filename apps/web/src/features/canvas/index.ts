export { Canvas, NODE_TYPE_MIME } from './Canvas.js';
export { useAddNodeInView } from './use-add-node.js';
export { shortcutOf } from './use-canvas-shortcuts.js';
export { nodeTypes } from './node-types.js';
