import type { TapRecord } from './tap-record.js';

export const TAP_CAPACITY = 50;

/** What a tap panel shows: the newest records first, capped, frozen while paused. */
export interface TapBuffer {
  /** Newest first, at most TAP_CAPACITY. */
  shown: TapRecord[];
  /** Arrived while paused, newest first, capped too; shown on resume. */
  held: TapRecord[];
  paused: boolean;
  /** Records the server said it dropped (over its rate limit), plus those the cap pushed out while paused. */
  dropped: number;
}

export const emptyTapBuffer: TapBuffer = { shown: [], held: [], paused: false, dropped: 0 };

function prepend(newestFirst: TapRecord[], arrivals: readonly TapRecord[]): { list: TapRecord[]; overflow: number } {
  const seen = new Set(newestFirst.map((r) => r.uid));
  const fresh = arrivals.filter((r) => !seen.has(r.uid)).reverse();
  const all = [...fresh, ...newestFirst];
  return { list: all.slice(0, TAP_CAPACITY), overflow: Math.max(0, all.length - TAP_CAPACITY) };
}

/** Adds arrivals (oldest first, as they come). */
export function addRecords(buffer: TapBuffer, arrivals: readonly TapRecord[]): TapBuffer {
  if (arrivals.length === 0) return buffer;
  if (buffer.paused) {
    const { list, overflow } = prepend(buffer.held, arrivals);
    return { ...buffer, held: list, dropped: buffer.dropped + overflow };
  }
  return { ...buffer, shown: prepend(buffer.shown, arrivals).list };
}

/** Replaces everything shown (a topic peek answers the newest records as a whole). */
export function replaceRecords(buffer: TapBuffer, newestFirst: readonly TapRecord[]): TapBuffer {
  if (buffer.paused) return buffer;
  return { ...buffer, shown: newestFirst.slice(0, TAP_CAPACITY) };
}

export function addDropped(buffer: TapBuffer, count: number): TapBuffer {
  return count > 0 ? { ...buffer, dropped: buffer.dropped + count } : buffer;
}

export function pause(buffer: TapBuffer): TapBuffer {
  return buffer.paused ? buffer : { ...buffer, paused: true };
}

export function resume(buffer: TapBuffer): TapBuffer {
  if (!buffer.paused) return buffer;
  const merged = prepend(buffer.shown, [...buffer.held].reverse()).list;
  return { ...buffer, paused: false, held: [], shown: merged };
}
