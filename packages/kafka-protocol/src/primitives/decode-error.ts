/**
 * Thrown when bytes on the wire cannot be decoded: a truncated frame, a length or count that points
 * past the end, a malformed varint. The broker answers it by closing the connection, as Kafka does.
 */
export class ProtocolDecodeError extends Error {
  override readonly name = 'ProtocolDecodeError';
  /** Byte offset in the input where decoding failed. */
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(`${message} (at byte ${offset})`);
    this.offset = offset;
  }
}

/**
 * Thrown when a value cannot be encoded for the requested version: a null where the field is not
 * nullable, a number out of range, a UUID that is not 16 bytes. Always a programming error in the
 * caller; `path` names the field (e.g. `topics[].partitions[].errorCode`).
 */
export class ProtocolEncodeError extends Error {
  override readonly name = 'ProtocolEncodeError';
  path: string;
  readonly reason: string;

  constructor(reason: string, path = '') {
    super(path ? `${path}: ${reason}` : reason);
    this.reason = reason;
    this.path = path;
  }

  /** Re-labels the error with an outer field name, so the message names the full path. */
  within(segment: string): ProtocolEncodeError {
    this.path = this.path ? `${segment}.${this.path}` : segment;
    this.message = `${this.path}: ${this.reason}`;
    return this;
  }
}
