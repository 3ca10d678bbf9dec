import type { Socket } from 'node:net';
import type { Logger } from '../logger.js';
import type { SaslSession, SecurityProtocol } from '../security/index.js';
import { FrameError, FrameReader } from './frame-reader.js';

/** Answers one request frame: the response's chunks (size prefix included), or null for none. */
export type RequestDispatcher = (frame: Buffer, connection: ConnectionInfo) => Promise<Buffer[] | null>;

/** The listener a connection came in on: its protocol, and the address clients are told to use. */
export interface ListenerInfo {
  protocol: SecurityProtocol;
  advertised: { host: string; port: number };
}

export interface ConnectionInfo {
  id: number;
  remote: string;
  listener: ListenerInfo;
  /** The connection's SASL state on a SASL listener; null elsewhere. */
  sasl: SaslSession | null;
  /** Aborted when the connection closes, so long polls stop waiting. */
  closed: AbortSignal;
}

interface Slot {
  done: boolean;
  chunks: Buffer[] | null;
}

/** Requests a connection may have in flight before we stop reading from it (bounded memory). */
const MAX_IN_FLIGHT = 100;
/** Response bytes queued on the socket before we stop reading from it. */
const MAX_QUEUED_BYTES = 64 * 1024 * 1024;

/**
 * One client connection: frames requests, lets them run concurrently, and writes the responses in
 * request order, as every Kafka client requires. A dispatcher that throws closes the connection.
 */
export class Connection {
  private readonly reader: FrameReader;
  private readonly slots: Slot[] = [];
  private readonly abort = new AbortController();
  readonly info: ConnectionInfo;
  private paused = false;

  constructor(
    private readonly socket: Socket,
    id: number,
    listener: ListenerInfo,
    sasl: SaslSession | null,
    private readonly dispatch: RequestDispatcher,
    maxFrameBytes: number,
    private readonly logger: Logger,
  ) {
    this.reader = new FrameReader(maxFrameBytes);
    this.info = { id, remote: `${socket.remoteAddress}:${socket.remotePort}`, listener, sasl, closed: this.abort.signal };
    socket.setNoDelay(true);
    socket.on('data', (data) => this.onData(data));
    socket.on('drain', () => this.maybeResume());
    socket.on('error', () => {}); // a reset by the peer ends up in 'close'
    socket.on('close', () => this.onClose());
  }

  private onData(data: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.reader.push(data);
    } catch (e) {
      this.fail(e instanceof FrameError ? e.message : String(e));
      return;
    }
    for (const frame of frames) this.startRequest(frame);
    if (this.slots.length >= MAX_IN_FLIGHT) this.pause();
  }

  private startRequest(frame: Buffer): void {
    const slot: Slot = { done: false, chunks: null };
    this.slots.push(slot);
    this.dispatch(frame, this.info).then(
      (chunks) => {
        slot.done = true;
        slot.chunks = chunks;
        this.flush();
      },
      (err: unknown) => this.fail(err instanceof Error ? err.message : String(err)),
    );
  }

  /** Writes every finished response at the head of the queue. */
  private flush(): void {
    if (this.socket.destroyed) return;
    let corked = false;
    while (this.slots.length > 0 && this.slots[0].done) {
      const { chunks } = this.slots.shift()!;
      if (!chunks) continue; // acks=0 produce: no response at all
      if (!corked) {
        this.socket.cork();
        corked = true;
      }
      for (const c of chunks) this.socket.write(c);
    }
    if (corked) this.socket.uncork();
    if (this.socket.writableLength > MAX_QUEUED_BYTES) this.pause();
    else this.maybeResume();
  }

  private pause(): void {
    if (!this.paused) {
      this.paused = true;
      this.socket.pause();
    }
  }

  private maybeResume(): void {
    if (this.paused && this.slots.length < MAX_IN_FLIGHT && this.socket.writableLength <= MAX_QUEUED_BYTES) {
      this.paused = false;
      this.socket.resume();
    }
  }

  private fail(reason: string): void {
    if (this.socket.destroyed) return;
    this.logger.warn(`closing connection ${this.info.remote}: ${reason}`);
    this.socket.destroy();
  }

  private onClose(): void {
    if (this.reader.pendingBytes > 0) {
      this.logger.info(`connection ${this.info.remote} closed in the middle of a request (${this.reader.pendingBytes} bytes unread)`);
    }
    this.abort.abort();
  }

  close(): void {
    this.socket.destroy();
  }
}
