export interface BatcherOptions<T> {
  /** Send once this many records are buffered. */
  maxRecords: number;
  /** …or once the buffered records reach this many bytes. */
  maxBytes: number;
  /** …or once the oldest buffered record has waited this long (Kafka's linger.ms). */
  lingerMs: number;
  sizeOf(record: T): number;
  /** Sends one batch; resolves when the cluster acknowledged it. */
  send(batch: T[]): Promise<void>;
}

/**
 * Groups records into batches the way the Kafka producer does (size or linger, whichever comes
 * first) and sends them one batch at a time, in order. One batch may be in flight while the next
 * one fills; `add` waits when both are taken, so a fast stdin cannot outrun the broker. After a
 * failed send nothing more is sent and the failure is rethrown from `add` and `flush`.
 */
export class RecordBatcher<T> {
  private buffer: T[] = [];
  private bufferedBytes = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private acked = 0;
  private inFlightCount = 0;

  constructor(private readonly opts: BatcherOptions<T>) {}

  /** Records the cluster has acknowledged so far. */
  get acknowledged(): number {
    return this.acked;
  }

  /** Records buffered or in flight, not yet acknowledged. */
  get pending(): number {
    return this.buffer.length + this.inFlightCount;
  }

  async add(record: T): Promise<void> {
    this.throwIfFailed();
    this.buffer.push(record);
    this.bufferedBytes += this.opts.sizeOf(record);
    if (this.buffer.length >= this.opts.maxRecords || this.bufferedBytes >= this.opts.maxBytes) {
      await this.dispatch();
    } else if (this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        // A failure here surfaces from the next add() or flush().
        this.dispatch().catch(() => undefined);
      }, this.opts.lingerMs);
    }
  }

  /** Sends whatever is buffered and resolves once every record handed to `add` is acknowledged. */
  async flush(): Promise<void> {
    await this.dispatch();
    await this.inFlight;
    this.throwIfFailed();
  }

  /** Stops the linger timer without sending (after a failure, or when giving up). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async dispatch(): Promise<void> {
    this.cancel();
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    this.bufferedBytes = 0;
    this.inFlightCount += batch.length;
    const previous = this.inFlight;
    this.inFlight = previous.then(async () => {
      try {
        if (this.failure) return;
        await this.opts.send(batch);
        this.acked += batch.length;
      } catch (error) {
        this.failure ??= { error };
      } finally {
        this.inFlightCount -= batch.length;
      }
    });
    await previous;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) {
      this.cancel();
      throw this.failure.error;
    }
  }
}
