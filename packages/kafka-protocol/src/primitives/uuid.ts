// UUIDs travel as 16 raw bytes. In JavaScript they are strings in Kafka's own text form
// (Uuid.toString): unpadded base64url, 22 characters. They compare with === and work as map keys.

export const UUID_BYTES = 16;

/** Kafka's Uuid.ZERO_UUID, the default of every uuid field. */
export const ZERO_UUID = 'AAAAAAAAAAAAAAAAAAAAAA';

export function uuidToString(bytes: Buffer): string {
  return bytes.toString('base64url');
}

/** Returns the 16 bytes, or undefined when `text` is not a 22-character base64url UUID. */
export function uuidFromString(text: string): Buffer | undefined {
  if (text.length !== 22) return undefined;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.length === UUID_BYTES && bytes.toString('base64url') === text ? bytes : undefined;
}
