import type { ServerResponse } from 'node:http';

export interface TapStreamLimits {
  /** `record` events a client gets per second once the buffered ones are sent. */
  readonly maxEventsPerSecond: number;
  /** Bytes that may wait in a client's socket buffer; beyond that it is disconnected. */
  readonly maxBufferedBytes: number;
}

/**
 * One client of a record tap. Records over the client's rate, or arriving while its socket is
 * congested, are dropped and counted rather than queued; the count goes out as a `dropped` event
 * on the next second.
 */
export class TapStream {
  private sentThisSecond = 0;
  private dropped = 0;
  private congested = false;
  private closed = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly limits: TapStreamLimits,
    private readonly onGone: (stream: TapStream) => void,
  ) {
    res.once('close', () => this.gone());
    res.on('drain', () => (this.congested = false));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a frame that is not rate-limited (the opening events and the buffered records). */
  send(frame: string): void {
    if (!this.closed) this.write(frame);
  }

  /** Sends one live record, or counts it as dropped. */
  offer(frame: string): void {
    if (this.closed) return;
    if (this.congested || this.sentThisSecond >= this.limits.maxEventsPerSecond) {
      this.dropped++;
      return;
    }
    this.sentThisSecond++;
    this.write(frame);
  }

  /** Records that passed but that this client will never see (the worker could not keep them). */
  missed(count: number): void {
    this.dropped += count;
  }

  /** A new second: the rate allowance refills and the drop count (if any) is reported. */
  tick(droppedFrame: (count: number) => string): void {
    if (this.closed) return;
    this.sentThisSecond = 0;
    if (this.dropped > 0 && !this.congested) {
      const count = this.dropped;
      this.dropped = 0;
      this.write(droppedFrame(count));
    }
  }

  heartbeat(): void {
    if (!this.closed && !this.congested) this.write(': heartbeat\n\n');
  }

  /** Ends the stream (server shutdown). */
  end(): void {
    if (this.closed) return;
    this.res.end();
    this.gone();
  }

  private write(frame: string): void {
    if (!this.res.write(frame)) this.congested = true;
    if (this.res.writableLength > this.limits.maxBufferedBytes) {
      this.res.destroy();
      this.gone();
    }
  }

  private gone(): void {
    if (this.closed) return;
    this.closed = true;
    this.onGone(this);
  }
}
