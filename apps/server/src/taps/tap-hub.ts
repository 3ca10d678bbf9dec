import { TAP_EVENTS } from '@sluice/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TapTarget } from '@sluice/streams';
import { sseEvent } from '../live/index.js';
import type { Logger } from '../logger.js';
import { tapKey, type TappedBatch, type TappedRecord } from './tapped-record.js';
import { TapStream, type TapStreamLimits } from './tap-stream.js';

/** Where the hub turns sampling on and off (the PipelineManager). */
export interface TapControl {
  tap(pipelineId: string, target: TapTarget, on: boolean): void;
  onTapped(listener: (pipelineId: string, batches: readonly TappedBatch[]) => void): () => void;
}

export interface TapHubOptions {
  readonly control: TapControl;
  readonly logger: Logger;
  /** Records kept per tapped place for clients that join; default 50. */
  readonly capacity?: number;
  readonly limits?: Partial<TapStreamLimits>;
  readonly heartbeatEveryMs?: number;
  /** Length of a rate-limit window; default 1 s. */
  readonly windowMs?: number;
}

/** What the first event of a tap stream says. */
export interface TapOpening {
  readonly pipelineId: string;
  readonly target: TapTarget;
  readonly status: string;
}

interface Session {
  readonly pipelineId: string;
  readonly target: TapTarget;
  /** The last records seen here, oldest first, each with its event id. */
  readonly recent: Array<{ id: number; record: TappedRecord }>;
  readonly streams: Set<TapStream>;
}

const DEFAULT_LIMITS: TapStreamLimits = { maxEventsPerSecond: 20, maxBufferedBytes: 1024 * 1024 };

/**
 * `GET /api/pipelines/:id/taps`: server-sent events with the records passing a node or edge. The
 * pipeline's worker samples a place only while at least one client watches it; the last client to
 * leave turns sampling off and frees the place's buffer. Clocks run only while someone watches.
 */
export class TapHub {
  private readonly sessions = new Map<string, Session>();
  private readonly limits: TapStreamLimits;
  private readonly capacity: number;
  private readonly unsubscribe: () => void;
  private window: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  /** Event ids grow across sessions, so a reconnect's Last-Event-ID is never mistaken. */
  private sequence = 0;

  constructor(private readonly options: TapHubOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.capacity = options.capacity ?? 50;
    this.unsubscribe = options.control.onTapped((pipelineId, batches) => this.received(pipelineId, batches));
  }

  /** Open streams, over all places. */
  get clientCount(): number {
    let n = 0;
    for (const s of this.sessions.values()) n += s.streams.size;
    return n;
  }

  /** Places being sampled. */
  get sessionCount(): number {
    return this.sessions.size;
  }

  attach(req: IncomingMessage, res: ServerResponse, opening: TapOpening): void {
    const key = `${opening.pipelineId}\u0000${tapKey(opening.target)}`;
    let session = this.sessions.get(key);
    if (!session) {
      session = { pipelineId: opening.pipelineId, target: opening.target, recent: [], streams: new Set() };
      this.sessions.set(key, session);
      this.options.control.tap(opening.pipelineId, opening.target, true);
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    req.socket.setNoDelay(true);
    const owner = session;
    const stream = new TapStream(res, this.limits, (gone) => this.detach(key, owner, gone));
    session.streams.add(stream);
    stream.send('retry: 3000\n\n');
    stream.send(
      sseEvent(TAP_EVENTS.opened, {
        pipelineId: opening.pipelineId,
        ...opening.target,
        capacity: this.capacity,
        maxEventsPerSecond: this.limits.maxEventsPerSecond,
        status: opening.status,
      }),
    );
    const after = lastEventId(req);
    for (const { id, record } of session.recent) if (id > after) stream.send(sseEvent(TAP_EVENTS.record, record, id));
    this.startClocks();
  }

  /** Ends every stream and stops listening to workers (server shutdown). */
  close(): void {
    for (const session of [...this.sessions.values()]) for (const stream of [...session.streams]) stream.end();
    this.sessions.clear();
    this.stopClocks();
    this.unsubscribe();
  }

  private received(pipelineId: string, batches: readonly TappedBatch[]): void {
    for (const batch of batches) {
      const session = this.sessions.get(`${pipelineId}\u0000${tapKey(batch.target)}`);
      if (!session) continue;
      if (batch.missed > 0) for (const stream of session.streams) stream.missed(batch.missed);
      for (const record of batch.records) {
        const id = ++this.sequence;
        session.recent.push({ id, record });
        if (session.recent.length > this.capacity) session.recent.shift();
        if (session.streams.size === 0) continue;
        const frame = sseEvent(TAP_EVENTS.record, record, id);
        for (const stream of session.streams) stream.offer(frame);
      }
    }
  }

  private detach(key: string, session: Session, stream: TapStream): void {
    session.streams.delete(stream);
    if (session.streams.size > 0 || this.sessions.get(key) !== session) return;
    this.sessions.delete(key);
    this.options.control.tap(session.pipelineId, session.target, false);
    if (this.sessions.size === 0) this.stopClocks();
  }

  private startClocks(): void {
    this.window ??= setInterval(() => {
      for (const session of this.sessions.values()) for (const stream of session.streams) stream.tick((count) => sseEvent(TAP_EVENTS.dropped, { count }));
    }, this.options.windowMs ?? 1_000);
    this.heartbeat ??= setInterval(() => {
      for (const session of this.sessions.values()) for (const stream of session.streams) stream.heartbeat();
    }, this.options.heartbeatEveryMs ?? 15_000);
  }

  private stopClocks(): void {
    clearInterval(this.window);
    clearInterval(this.heartbeat);
    this.window = this.heartbeat = undefined;
  }
}

function lastEventId(req: IncomingMessage): number {
  const raw = req.headers['last-event-id'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) ? value : 0;
}
