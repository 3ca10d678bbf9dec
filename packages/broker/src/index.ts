export { startBroker, type BrokerOptions, type RunningBroker } from './broker.js';
export { brokerMain } from './main.js';
export type { BrokerState } from './broker-state.js';
export type { Logger } from './logger.js';
