/** A short, human description of a value for error messages ("an object", "number 3"). */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return 'bytes';
  if (value instanceof Map) return 'a map';
  if (typeof value === 'object') return 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return `${typeof value} ${text.length > 40 ? text.slice(0, 40) + '…' : text}`;
}
