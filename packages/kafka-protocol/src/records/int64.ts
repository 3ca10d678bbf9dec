/**
 * int64 fields as JS numbers. Offsets, timestamps and producer ids stay far below 2^53, and two
 * 32-bit reads are cheaper than a BigInt round trip on the hot path.
 */
const TWO_32 = 0x1_0000_0000;

export function readInt64(buf: Buffer, pos: number): number {
  return buf.readInt32BE(pos) * TWO_32 + buf.readUInt32BE(pos + 4);
}

export function writeInt64(buf: Buffer, pos: number, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`int64 value ${value} is not a safe integer`);
  const high = Math.floor(value / TWO_32);
  buf.writeInt32BE(high, pos);
  buf.writeUInt32BE(value - high * TWO_32, pos + 4);
}
