export { KStream, type Branch, type BranchedStreams } from './kstream.js';
export { StreamsBuilder, type Named, type NamedOptions, type StreamOptions, type ToOptions } from './streams-builder.js';
