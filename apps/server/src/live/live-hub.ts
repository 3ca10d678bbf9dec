import { LIVE_SNAPSHOT_EVENT } from '@sluice/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { SseClient, sseEvent, type SseLimits } from './sse-client.js';

export interface LiveHubOptions {
  /** Builds the snapshot sent to every client; called once per tick, not per client. */
  readonly snapshot: () => unknown;
  readonly logger: Logger;
  readonly everyMs?: number;
  readonly heartbeatEveryMs?: number;
  readonly limits?: Partial<SseLimits>;
}

const DEFAULT_LIMITS: SseLimits = { maxBufferedBytes: 1024 * 1024, maxSkippedSnapshots: 30 };

/**
 * `GET /api/live`: server-sent events with one `snapshot` event per second for every client and a
 * heartbeat comment now and then. The clock runs only while someone listens.
 */
export class LiveHub {
  private readonly clients = new Set<SseClient>();
  private readonly limits: SseLimits;
  private tick: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private sequence = 0;

  constructor(private readonly options: LiveHubOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  get clientCount(): number {
    return this.clients.size;
  }

  attach(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const client = new SseClient(res, this.limits, (dropped, reason) => {
      this.options.logger.warn(`live: dropped a slow client (${reason})`);
      this.detach(dropped);
    });
    this.clients.add(client);
    req.socket.setNoDelay(true);
    res.once('close', () => this.detach(client));
    client.snapshot(this.frame());
    this.startClock();
  }

  /** Ends every stream (server shutdown). */
  close(): void {
    for (const client of this.clients) client.end();
    this.clients.clear();
    this.stopClock();
  }

  private frame(): string {
    return sseEvent(LIVE_SNAPSHOT_EVENT, this.options.snapshot(), ++this.sequence);
  }

  private detach(client: SseClient): void {
    this.clients.delete(client);
    if (this.clients.size === 0) this.stopClock();
  }

  private startClock(): void {
    this.tick ??= setInterval(() => {
      const frame = this.frame();
      for (const client of this.clients) client.snapshot(frame);
    }, this.options.everyMs ?? 1_000);
    this.heartbeat ??= setInterval(() => {
      for (const client of this.clients) client.heartbeat();
    }, this.options.heartbeatEveryMs ?? 15_000);
  }

  private stopClock(): void {
    clearInterval(this.tick);
    clearInterval(this.heartbeat);
    this.tick = this.heartbeat = undefined;
  }
}
