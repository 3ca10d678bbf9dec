export { KStream, type Branch, type BranchedStreams } from './kstream.js';
export { type Named, type NamedOptions, type StreamOptions, type ToOptions } from './options.js';
export { StreamsBuilder } from './streams-builder.js';
