export { TapHub, type TapControl, type TapHubOptions, type TapOpening } from './tap-hub.js';
export { TapStream, type TapStreamLimits } from './tap-stream.js';
export { payloadView, tapKey, tappedRecord, type TappedBatch, type TappedRecord } from './tapped-record.js';
