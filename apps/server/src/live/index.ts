export { LiveHub, type LiveHubOptions } from './live-hub.js';
export { liveSnapshot, type LiveSnapshot } from './live-snapshot.js';
export { SseClient, sseEvent, type SseLimits } from './sse-client.js';
