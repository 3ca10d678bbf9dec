import { connect, type Socket } from 'node:net';
import { decodeResponse, encodeRequest, type ApiKey, type RequestInput, type ResponseOf } from '@sluice/kafka-protocol';

interface Pending {
  apiKey: number;
  version: number;
  resolve: (body: unknown) => void;
  reject: (e: Error) => void;
}

/**
 * A bare Kafka-protocol connection for tests that must send exactly the request a misbehaving
 * client would (wrong generation, unknown member…), which real clients never do on purpose.
 */
export class WireClient {
  private buffered = Buffer.alloc(0);
  private readonly pending: Pending[] = [];
  private nextCorrelationId = 1;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (d) => this.onData(d));
    socket.on('close', () => {
      for (const p of this.pending.splice(0)) p.reject(new Error('connection closed by the broker'));
    });
    socket.on('error', () => {});
  }

  static connect(host: string, port: number): Promise<WireClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new WireClient(s)));
      s.once('error', reject);
    });
  }

  /** Sends one request and resolves with the decoded response body. Held requests wait. */
  request<K extends ApiKey>(apiKey: K, version: number, body: RequestInput<K>): Promise<ResponseOf<K>> {
    return new Promise((resolve, reject) => {
      this.pending.push({ apiKey, version, resolve: resolve as (b: unknown) => void, reject });
      for (const chunk of encodeRequest(apiKey, version, this.nextCorrelationId++, 'wire-test', body as never)) this.socket.write(chunk);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(data: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, data]);
    while (this.buffered.length >= 4) {
      const size = this.buffered.readInt32BE(0);
      if (this.buffered.length < 4 + size) return;
      const frame = this.buffered.subarray(4, 4 + size);
      this.buffered = this.buffered.subarray(4 + size);
      const p = this.pending.shift();
      if (!p) throw new Error('a response nobody asked for');
      p.resolve(decodeResponse(p.apiKey, p.version, frame).body);
    }
  }
}
