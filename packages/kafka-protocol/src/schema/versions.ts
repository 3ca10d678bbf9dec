/**
 * Kafka's version-range strings: "3+" (3 and up), "0-4" (inclusive), "5" (only 5), "none".
 */
export interface VersionRange {
  readonly min: number;
  /** Inclusive; Infinity for open ranges. */
  readonly max: number;
}

const NONE: VersionRange = { min: 1, max: 0 };

export function parseVersions(text: string): VersionRange {
  if (text === 'none') return NONE;
  const open = /^(\d+)\+$/.exec(text);
  if (open) return { min: Number(open[1]), max: Infinity };
  const closed = /^(\d+)-(\d+)$/.exec(text);
  if (closed) return { min: Number(closed[1]), max: Number(closed[2]) };
  if (/^\d+$/.test(text)) return { min: Number(text), max: Number(text) };
  throw new Error(`invalid version range "${text}": expected "N+", "N-M", "N" or "none"`);
}

export function inRange(range: VersionRange, version: number): boolean {
  return version >= range.min && version <= range.max;
}
