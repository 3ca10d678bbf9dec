/** A frame that cannot be a Kafka request: the connection is closed and the reason logged. */
export class FrameError extends Error {}

/**
 * Cuts a TCP byte stream into Kafka request frames (int32 size + body). Holds at most one frame's
 * bytes, and refuses a size that is negative or over the limit before buffering any of it.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private need = -1; // body size of the frame being read, or -1 while reading the size

  constructor(private readonly maxFrameBytes: number) {}

  /** Adds bytes and returns every frame body they complete. */
  push(data: Buffer): Buffer[] {
    this.chunks.push(data);
    this.buffered += data.length;
    const frames: Buffer[] = [];
    for (;;) {
      if (this.need < 0) {
        if (this.buffered < 4) break;
        const size = this.take(4).readInt32BE(0);
        if (size < 0) throw new FrameError(`negative request size ${size}`);
        if (size > this.maxFrameBytes) {
          const http = size === 0x47455420 || size === 0x504f5354 || size === 0x48454144 || size === 0x50555420;
          // A TLS record header (0x16 0x03 …) read as a size: a TLS client on a plaintext listener.
          const tls = size >>> 16 === 0x1603;
          throw new FrameError(
            tls
              ? 'a TLS handshake arrived on a plaintext listener (the client uses security.protocol=SSL or SASL_SSL; connect it to the SSL listener)'
              : http
              ? 'an HTTP request arrived on the Kafka port (point HTTP clients at the Sluice server instead)'
              : `request size ${size} is over socket.request.max.bytes (${this.maxFrameBytes})`,
          );
        }
        this.need = size;
      }
      if (this.buffered < this.need) break;
      frames.push(this.take(this.need));
      this.need = -1;
    }
    return frames;
  }

  /** Bytes held for a frame not yet complete (a truncated frame at close). */
  get pendingBytes(): number {
    return this.buffered;
  }

  private take(n: number): Buffer {
    const first = this.chunks[0];
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.chunks.shift();
      else this.chunks[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const c = this.chunks[0];
        const part = Math.min(c.length, n - filled);
        c.copy(out, filled, 0, part);
        filled += part;
        if (part === c.length) this.chunks.shift();
        else this.chunks[0] = c.subarray(part);
      }
    }
    this.buffered -= n;
    return out;
  }
}
