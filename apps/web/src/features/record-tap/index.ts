export { RecordTapPanel } from './RecordTapPanel.js';
export { closeTap, openTap, useIsTapped, useTapTarget, type TapTarget } from './tap-target.js';
export { inferShape, type FieldShape, type JsonType } from './value-shape.js';
export { readTapRecord, type TapRecord } from './tap-record.js';
