import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useTheme } from '../theme/index.js';
import { visibleSpan, type Columns } from './dashboard-series.js';

export interface ChartSeries {
  label: string;
  /** A CSS colour or a design-token variable, e.g. `var(--accent)`. */
  color: string;
}

interface Props {
  title: string;
  series: readonly ChartSeries[];
  data: Columns;
  /** Formats the y values (axis and legend). */
  format?: (value: number) => string;
  /** Seconds of time the x axis spans, ending now. */
  windowSeconds: number;
  height?: number;
}

/** Resolves `var(--token)` against the document, since canvas strokes cannot read CSS variables. */
function resolveColor(color: string): string {
  const token = /^var\((--[\w-]+)\)$/.exec(color);
  if (!token) return color;
  return getComputedStyle(document.documentElement).getPropertyValue(token[1]!).trim() || '#888';
}

/**
 * A uPlot time chart. The chart is made once per theme and series list; new data only calls
 * setData, which is what keeps 15 minutes of one-second points cheap to redraw every second.
 */
export function TimeChart({ title, series, data, format, windowSeconds, height = 200 }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const theme = useTheme();
  const seriesKey = series.map((s) => `${s.label}:${s.color}`).join('|');
  const latest = useRef({ data, windowSeconds, format });
  latest.current = { data, windowSeconds, format };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const text = resolveColor('var(--text-muted)');
    const grid = resolveColor('var(--border)');
    const fmt = (v: number | null) => (v === null ? '–' : (latest.current.format ?? String)(v));
    const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const opts: uPlot.Options = {
      width: Math.max(200, el.clientWidth),
      height,
      series: [
        { label: 'time' },
        ...series.map((s) => ({ label: s.label, stroke: resolveColor(s.color), width: 1.5, value: (_u: uPlot, v: number | null) => fmt(v), spanGaps: false })),
      ],
      scales: {
        x: { time: true, range: (_u, _min, max) => windowOf(latest.current.data, latest.current.windowSeconds, max) },
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [axis, { ...axis, size: 56, values: (_u, splits) => splits.map((v) => fmt(v)) }],
      legend: { show: true, live: true },
      cursor: { drag: { x: false, y: false } },
    };
    const chart = new uPlot(opts, latest.current.data as uPlot.AlignedData, el);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(200, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // Rebuilt only when what the chart looks like changes; data flows through setData below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [theme, seriesKey, height]);

  useEffect(() => {
    plot.current?.setData(data as uPlot.AlignedData);
  }, [data]);

  const points = data[0].length;
  const hasValues = data.slice(1).some((column) => column.some((v) => typeof v === 'number' && v > 0));
  return (
    <figure className="dash-chart" aria-label={title} data-points={points} data-has-values={hasValues}>
      <figcaption>{title}</figcaption>
      <div ref={box} className="dash-chart-plot" />
    </figure>
  );
}

/** The x range: what there is, at least a minute and at most `windowSeconds`, ending at the newest point. */
function windowOf(data: Columns, windowSeconds: number, max: number | null): [number, number] {
  const newest = data[0].at(-1) ?? max ?? Date.now() / 1000;
  return [newest - visibleSpan(data[0], windowSeconds), newest];
}
