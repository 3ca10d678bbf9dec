import type { Logger } from '../logger.js';

/** How many distinct refusals are remembered; past it the memory starts over rather than grows. */
const REMEMBERED = 1000;

/**
 * Logs each refused client once per reason and origin or host, so a page that retries every
 * second cannot flood the log, and the user still learns what was refused and from where.
 */
export class RefusalLog {
  private readonly seen = new Set<string>();

  constructor(private readonly logger: Logger) {}

  refused(client: string | undefined, what: string, reason: string): void {
    const key = `${client ?? '?'}\n${reason}`;
    if (this.seen.has(key)) return;
    if (this.seen.size >= REMEMBERED) this.seen.clear();
    this.seen.add(key);
    this.logger.warn(`refused ${what} from ${client ?? 'an unknown address'}: ${reason}`);
  }
}
