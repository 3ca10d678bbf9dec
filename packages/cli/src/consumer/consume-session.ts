export type SessionEnd =
  | { reason: 'max-messages' | 'timeout' | 'signal' }
  | { reason: 'error'; error: unknown };

/**
 * When a console consumer stops: after --max-messages records, after --timeout-ms without a new
 * record, on a signal, or on a client failure — whichever comes first. Counts what was printed.
 */
export class ConsumeSession {
  readonly done: Promise<SessionEnd>;
  private resolveDone!: (end: SessionEnd) => void;
  private ended: SessionEnd | undefined;
  private printed = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private idleArmed = false;

  constructor(
    private readonly maxMessages?: number,
    private readonly timeoutMs?: number,
  ) {
    this.done = new Promise((resolve) => (this.resolveDone = resolve));
    if (maxMessages === 0) this.end({ reason: 'max-messages' });
  }

  get count(): number {
    return this.printed;
  }

  get finished(): boolean {
    return this.ended !== undefined;
  }

  /** Starts the --timeout-ms clock; called once the consumer is ready to receive. */
  startIdleTimer(): void {
    this.idleArmed = true;
    this.rearm();
  }

  /** True while one more record may be printed. */
  wantsMore(): boolean {
    return !this.finished;
  }

  /** One record was printed. */
  recordPrinted(): void {
    if (this.finished) return;
    this.printed++;
    this.rearm();
    if (this.maxMessages !== undefined && this.printed >= this.maxMessages) this.end({ reason: 'max-messages' });
  }

  stop(): void {
    this.end({ reason: 'signal' });
  }

  fail(error: unknown): void {
    this.end({ reason: 'error', error });
  }

  private rearm(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (!this.idleArmed || this.timeoutMs === undefined || this.finished) return;
    this.idleTimer = setTimeout(() => this.end({ reason: 'timeout' }), this.timeoutMs);
  }

  private end(end: SessionEnd): void {
    if (this.ended) return;
    this.ended = end;
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.resolveDone(end);
  }
}
