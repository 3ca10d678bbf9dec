import { LIVE_SNAPSHOT_EVENT } from '@sluice/api';
import { readSnapshot, type LiveSnapshot } from './live-schema.js';

/** The part of the browser's EventSource this client uses, so tests can drive a fake one. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export type EventSourceFactory = (url: string) => EventSourceLike;

export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface LiveConnectionOptions {
  url: string;
  createSource: EventSourceFactory;
  onSnapshot(snapshot: LiveSnapshot): void;
  onState(state: ConnectionState): void;
  timers?: Timers;
  /** First wait before reconnecting; doubles on every failure in a row up to maxDelayMs. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** Snapshots come every second: this long without one means the stream is dead even if the socket is not. */
  staleAfterMs?: number;
}

const CLOSED = 2;

/** The wait before reconnect attempt `attempt` (0-based): 1 s, 2 s, 4 s … capped. */
export function reconnectDelay(attempt: number, initialMs = 1000, maxMs = 15_000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The `GET /api/live` stream with reconnects. EventSource retries by itself after a dropped
 * connection, but gives up for good on an HTTP error, and never notices a stream that stalls with
 * the socket open (a server that is paused, a proxy that buffers); both end here in a fresh
 * connection after a growing wait.
 */
export class LiveConnection {
  private source: EventSourceLike | null = null;
  private retryTimer: unknown = null;
  private staleTimer: unknown = null;
  private attempts = 0;
  private running = false;
  private readonly timers: Timers;

  constructor(private readonly options: LiveConnectionOptions) {
    this.timers = options.timers ?? realTimers;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.open('connecting');
  }

  stop(): void {
    this.running = false;
    this.closeSource();
    this.clear('retryTimer');
    this.options.onState('idle');
  }

  private open(state: ConnectionState): void {
    this.options.onState(state);
    const source = this.options.createSource(this.options.url);
    this.source = source;
    source.addEventListener(LIVE_SNAPSHOT_EVENT, (event) => {
      if (this.source !== source) return;
      const snapshot = readSnapshot(event.data);
      if (!snapshot) return;
      this.attempts = 0;
      this.watch();
      this.options.onState('open');
      this.options.onSnapshot(snapshot);
    });
    source.onopen = () => {
      if (this.source === source) this.watch();
    };
    source.onerror = () => {
      if (this.source !== source) return;
      if (source.readyState === CLOSED) this.retryLater();
      else this.options.onState('reconnecting'); // the browser is retrying on its own
    };
    this.watch();
  }

  /** (Re)arms the watchdog that replaces a stream gone quiet. */
  private watch(): void {
    this.clear('staleTimer');
    this.staleTimer = this.timers.setTimeout(() => {
      this.staleTimer = null;
      this.retryLater();
    }, this.options.staleAfterMs ?? 10_000);
  }

  private retryLater(): void {
    this.closeSource();
    if (!this.running) return;
    this.options.onState('reconnecting');
    const delay = reconnectDelay(this.attempts++, this.options.initialDelayMs, this.options.maxDelayMs);
    this.clear('retryTimer');
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = null;
      if (this.running) this.open('reconnecting');
    }, delay);
  }

  private closeSource(): void {
    this.clear('staleTimer');
    if (!this.source) return;
    const source = this.source;
    this.source = null;
    source.onopen = source.onerror = null;
    source.close();
  }

  private clear(timer: 'retryTimer' | 'staleTimer'): void {
    if (this[timer] !== null) this.timers.clearTimeout(this[timer]);
    this[timer] = null;
  }
}
