import { logLevel, type logCreator } from 'kafkajs';
import type { Logger } from '../logger.js';

const REPEAT_AFTER_MS = 60_000;

/**
 * kafkajs warnings and errors into the server's log. While a broker is down kafkajs repeats the
 * same line on every retry, so each distinct line is written at most once a minute.
 */
export function kafkaLogCreator(logger: Logger, now: () => number = Date.now): logCreator {
  const lastWritten = new Map<string, number>();
  return () =>
    ({ namespace, level, log }) => {
      if (level > logLevel.WARN) return;
      const detail = typeof log.error === 'string' ? `: ${log.error}` : '';
      const line = `kafka ${namespace}: ${log.message}${detail}`;
      const at = now();
      const last = lastWritten.get(line);
      if (last !== undefined && at - last < REPEAT_AFTER_MS) return;
      if (lastWritten.size > 500) lastWritten.clear();
      lastWritten.set(line, at);
      logger.warn(line);
    };
}
