import { logLevel, type logCreator } from 'kafkajs';

// Answers the group protocol gives while members come and go; kafkajs rejoins on its own.
const EXPECTED_IN_REBALANCE = /rebalanc|member id is not known|generation|not the correct coordinator|coordinator is loading/i;

/**
 * kafkajs logging for a runner: warnings and errors to stderr, one JSON line each, without the
 * error lines kafkajs prints for every heartbeat during a normal rebalance.
 */
export const runnerLogCreator: logCreator = () => ({ namespace, level, log }) => {
  if (level > logLevel.WARN) return;
  const { message, ...extra } = log;
  if (namespace === 'Connection' && typeof extra.error === 'string' && EXPECTED_IN_REBALANCE.test(extra.error)) return;
  const name = level === logLevel.ERROR ? 'ERROR' : 'WARN';
  process.stderr.write(JSON.stringify({ level: name, logger: 'kafkajs', namespace, message, ...extra }) + '\n');
};
