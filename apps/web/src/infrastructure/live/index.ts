export { createLiveStore, type LiveActions, type LiveState, type LiveStore, type LiveStoreApi } from './live-store.js';
export { LiveConnection, reconnectDelay, type ConnectionState, type EventSourceFactory, type EventSourceLike, type LiveConnectionOptions, type Timers } from './live-connection.js';
export { connectLive, liveStatusSource, liveStore, useLive, useLiveStream } from './live-stream.js';
export { entryNodeIds, HISTORY_SECONDS, historyPoint, lagByTopic, PipelineHistory, type HistoryPoint } from './history.js';
export { RingBuffer } from './ring-buffer.js';
export { readSnapshot, type EdgeMetrics, type LatencySummary, type LivePipeline, type LiveSnapshot, type NodeMetrics, type PipelineMetrics, type SourceLag } from './live-schema.js';
