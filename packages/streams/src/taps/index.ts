export { RecordSampler, type SampledRecords } from './record-sampler.js';
export { DEFAULT_TAP_CAPACITY, RecordTaps, type TapBatch, type TapTarget } from './record-taps.js';
