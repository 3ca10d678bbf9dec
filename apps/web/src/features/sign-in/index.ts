export { SessionGate } from './SessionGate.js';
