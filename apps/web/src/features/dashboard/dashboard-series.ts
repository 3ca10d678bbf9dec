import type { HistoryPoint } from '../../infrastructure/live/index.js';

/** Columns as uPlot takes them: x (unix seconds) first, then one array per series. */
export type Columns = [number[], ...(number | null)[][]];

export interface DashboardSeries {
  throughput: Columns;
  errors: Columns;
  /** One series per source topic, in `lagTopics` order. */
  lag: Columns;
  lagTopics: string[];
  latency: Columns;
}

/** The dashboard's chart columns from a pipeline's history (oldest first). */
export function dashboardSeries(points: readonly HistoryPoint[]): DashboardSeries {
  const t = points.map((p) => p.t);
  const topics = [...new Set(points.flatMap((p) => Object.keys(p.lagByTopic)))].sort();
  return {
    throughput: [t, points.map((p) => p.in), points.map((p) => p.out)],
    errors: [t, points.map((p) => p.errors)],
    // A topic that was not read at a moment has no lag there: a gap, not a zero.
    lag: [t, ...topics.map((topic) => points.map((p) => p.lagByTopic[topic] ?? null))],
    lagTopics: topics,
    latency: [t, points.map((p) => p.p50), points.map((p) => p.p99)],
  };
}

/** Seconds a chart spans: the history there is, but at least a minute (so a fresh page is not one dot) and at most `maxSeconds`. */
export function visibleSpan(times: readonly number[], maxSeconds: number, minSeconds = 60): number {
  const span = times.length > 1 ? times.at(-1)! - times[0]! : 0;
  return Math.min(maxSeconds, Math.max(minSeconds, span));
}

/** Points for a sparkline: the `in` rate over the last `seconds`, scaled into a width × height box. */
export function sparklinePoints(points: readonly HistoryPoint[], seconds: number, width: number, height: number): string {
  const newest = points.at(-1);
  if (!newest) return '';
  const span = visibleSpan(points.map((p) => p.t), seconds);
  const from = newest.t - span;
  const shown = points.filter((p) => p.t >= from);
  const max = Math.max(1, ...shown.map((p) => p.in));
  const x = (t: number) => ((t - from) / span) * width;
  const y = (v: number) => height - 1 - (v / max) * (height - 2);
  return shown.map((p) => `${x(p.t).toFixed(1)},${y(p.in).toFixed(1)}`).join(' ');
}
