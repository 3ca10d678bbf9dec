export {
  formatRecord,
  formatterOptionsFrom,
  FORMATTER_PROPERTIES,
  type FormatterOptions,
  type ConsumedRecord,
} from './record-formatter.js';
export { planConsumer, type ConsumerPlan, type ConsumerFlags, type StartOffset } from './consumer-plan.js';
export { ConsumeSession, type SessionEnd } from './consume-session.js';
