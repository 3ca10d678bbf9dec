export { LiveCanvasLayer } from './LiveCanvasLayer.js';
export { LiveEdge, liveEdgeTypes } from './LiveEdge.js';
export { NodeLiveStats, useNodeLiveErrors } from './NodeLiveStats.js';
export { followInApp } from './in-app-link.js';
export { catchUpEstimate, describeCatchUp, formatCount, formatDuration, formatLatency, formatRate, rateBand, strokeWidthForRate, type CatchUp, type LagSample, type RateBand } from './live-format.js';
export { firstRunPipeline, takeFirstRun } from './first-run.js';
