import { UsageError } from './errors.js';

export const DEFAULT_BOOTSTRAP_SERVER = '127.0.0.1:9092';
export const BOOTSTRAP_ENV = 'SLUICE_BOOTSTRAP_SERVER';

/**
 * The brokers a command talks to: `--bootstrap-server h:p[,h:p]`, else $SLUICE_BOOTSTRAP_SERVER,
 * else 127.0.0.1:9092. Each entry must be host:port so a typo fails here, not as a timeout.
 */
export function resolveBootstrap(
  command: string,
  flag: string | undefined,
  env: Record<string, string | undefined>,
): string[] {
  const raw = flag ?? env[BOOTSTRAP_ENV] ?? DEFAULT_BOOTSTRAP_SERVER;
  const source = flag !== undefined ? '--bootstrap-server' : env[BOOTSTRAP_ENV] !== undefined ? `$${BOOTSTRAP_ENV}` : 'default';
  const brokers = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (brokers.length === 0) throw new UsageError(`${source} is empty; give host:port[,host:port]`, command);
  for (const b of brokers) {
    const m = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(b);
    const port = m ? Number(m[2]) : NaN;
    if (!m || port < 1 || port > 65535) {
      throw new UsageError(`${source} '${b}' is not host:port (for example 127.0.0.1:9092)`, command);
    }
  }
  return brokers;
}
