import type { ServerResponse } from 'node:http';

export interface SseLimits {
  /** Bytes a client may have waiting in its socket buffer; beyond that it is dropped. */
  readonly maxBufferedBytes: number;
  /** Snapshots in a row a congested client may miss before it is dropped. */
  readonly maxSkippedSnapshots: number;
}

/**
 * One server-sent-events stream. Snapshots carry the whole state, so a client that cannot keep up
 * misses some rather than having them queued for it; one that stays behind, or whose buffer grows
 * past the limit, is disconnected and may reconnect.
 */
export class SseClient {
  private skipped = 0;
  private closed = false;
  /** The last write went over the socket's high-water mark and no 'drain' has come since. */
  private congested = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly limits: SseLimits,
    private readonly onDrop: (client: SseClient, reason: string) => void,
  ) {
    res.once('close', () => (this.closed = true));
    res.on('drain', () => (this.congested = false));
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** Sends a snapshot event unless the client is still busy with earlier ones. */
  snapshot(frame: string): void {
    if (this.closed) return;
    if (this.congested) {
      this.skipped++;
      if (this.skipped > this.limits.maxSkippedSnapshots) this.drop(`missed ${this.skipped} snapshots in a row`);
      return;
    }
    this.skipped = 0;
    this.write(frame);
  }

  /** Comment lines that keep proxies from closing an idle stream. */
  heartbeat(): void {
    if (!this.closed && !this.congested) this.write(': heartbeat\n\n');
  }

  /** Ends the stream (server shutdown). */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.res.end();
  }

  private write(frame: string): void {
    if (!this.res.write(frame)) this.congested = true;
    if (this.res.writableLength > this.limits.maxBufferedBytes) this.drop(`more than ${this.limits.maxBufferedBytes} bytes waiting`);
  }

  private drop(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.res.destroy();
    this.onDrop(this, reason);
  }
}

/** One SSE event: `event:` and `data:` lines, ended by a blank line. */
export function sseEvent(event: string, data: unknown, id?: number): string {
  const lines = JSON.stringify(data).split('\n').map((line) => `data: ${line}`);
  return `${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\n${lines.join('\n')}\n\n`;
}
