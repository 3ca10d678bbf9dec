// Pure mappings from live numbers to what the canvas shows: label text, stroke width, colour band,
// and how long a source needs to catch up.

/** "0/s", "0.4/s", "12/s", "1.2k/s", "3.4M/s". */
export function formatRate(perSecond: number): string {
  return `${formatCount(perSecond)}/s`;
}

/** A count in at most four characters or so: 7, 0.4, 12, 1.2k, 45k, 3.4M. */
export function formatCount(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  if (n < 1) return n.toFixed(1);
  if (n < 1000) return String(Math.round(n));
  if (n < 10_000) return `${(n / 1000).toFixed(1)}k`;
  if (n < 1_000_000) return `${Math.round(n / 1000)}k`;
  if (n < 10_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  return `${Math.round(n / 1_000_000)}M`;
}

export function formatLatency(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return '0 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return formatDuration(ms / 1000);
}

/** "8 s", "3 min", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

export const MIN_STROKE = 1.5;
export const MAX_STROKE = 7;

/**
 * Edge stroke width for a rate: thin when idle, growing with the order of magnitude so that
 * 10/s and 10k/s look different without the busy edge swallowing the canvas.
 */
export function strokeWidthForRate(perSecond: number): number {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return MIN_STROKE;
  return Math.min(MAX_STROKE, MIN_STROKE + 1.1 * Math.log10(1 + perSecond));
}

export type RateBand = 'idle' | 'low' | 'medium' | 'high';

/** The colour band of an edge: nothing, a trickle (<10/s), steady (<1000/s), busy. */
export function rateBand(perSecond: number): RateBand {
  if (!Number.isFinite(perSecond) || perSecond <= 0) return 'idle';
  if (perSecond < 10) return 'low';
  if (perSecond < 1000) return 'medium';
  return 'high';
}

export type CatchUp =
  | { kind: 'caught-up' }
  | { kind: 'draining'; seconds: number; drainPerSec: number }
  | { kind: 'falling-behind'; growthPerSec: number }
  | { kind: 'unknown' };

/** A source's lag at one moment (seconds since epoch). */
export interface LagSample {
  t: number;
  lag: number;
}

/**
 * Time until a source's lag reaches zero at the rate it has been shrinking: lag divided by the
 * net drain rate (records consumed minus records arriving, which is how fast lag falls) over the
 * samples given, oldest first. Zero lag is caught up; lag that holds or grows never catches up.
 */
export function catchUpEstimate(samples: readonly LagSample[]): CatchUp {
  const newest = samples.at(-1);
  if (!newest) return { kind: 'unknown' };
  if (newest.lag <= 0) return { kind: 'caught-up' };
  const oldest = samples[0]!;
  const span = newest.t - oldest.t;
  if (span <= 0) return { kind: 'unknown' };
  const drainPerSec = (oldest.lag - newest.lag) / span;
  if (drainPerSec > 0) return { kind: 'draining', seconds: newest.lag / drainPerSec, drainPerSec };
  return { kind: 'falling-behind', growthPerSec: -drainPerSec };
}

export function describeCatchUp(estimate: CatchUp): string {
  switch (estimate.kind) {
    case 'caught-up':
      return 'caught up';
    case 'draining':
      return `catch-up ~${formatDuration(estimate.seconds)}`;
    case 'falling-behind':
      return estimate.growthPerSec > 0 ? `falling behind ${formatRate(estimate.growthPerSec)}` : 'not catching up';
    case 'unknown':
      return 'catch-up …';
  }
}
