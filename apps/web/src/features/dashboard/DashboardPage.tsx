import { useMemo } from 'react';
import { liveStore, useLive, useLiveStream, HISTORY_SECONDS } from '../../infrastructure/live/index.js';
import { StatusBadge, Notice } from '../../ui/index.js';
import { followInApp, formatCount, formatLatency, formatRate } from '../live/index.js';
import { ThemeToggle } from '../theme/index.js';
import { dashboardSeries } from './dashboard-series.js';
import { TimeChart, type ChartSeries } from './TimeChart.js';
import './dashboard.css';

const THROUGHPUT: ChartSeries[] = [
  { label: 'in', color: 'var(--cat-sources)' },
  { label: 'out', color: 'var(--cat-sinks)' },
];
const ERRORS: ChartSeries[] = [{ label: 'errors', color: 'var(--danger)' }];
const LATENCY: ChartSeries[] = [
  { label: 'p50', color: 'var(--accent)' },
  { label: 'p99', color: 'var(--cat-processors)' },
];
const LAG_COLORS = ['var(--cat-sources)', 'var(--accent)', 'var(--cat-sinks)', 'var(--cat-processors)', 'var(--warning)'];

const perSecond = (v: number) => formatRate(v);
const ms = (v: number) => formatLatency(v);

/**
 * One pipeline's last 15 minutes: throughput in and out, errors, lag per source topic, and
 * end-to-end latency. The history is what this browser has seen on the live stream since it
 * opened the app (the server keeps no history).
 */
export function DashboardPage({ pipelineId }: { pipelineId: string }) {
  useLiveStream();
  const pipeline = useLive((s) => s.pipelines[pipelineId]);
  const version = useLive((s) => s.historyVersion);
  const connection = useLive((s) => s.connection);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const series = useMemo(() => dashboardSeries(liveStore.getState().historyOf(pipelineId).toArray()), [pipelineId, version]);
  const lagSeries = useMemo(() => series.lagTopics.map((topic, i) => ({ label: topic, color: LAG_COLORS[i % LAG_COLORS.length]! })), [series.lagTopics.join('|')]); // eslint-disable-line react-hooks/exhaustive-deps
  const metrics = pipeline?.metrics;
  const inRate = series.throughput[1].at(-1) ?? 0;

  return (
    <div className="dashboard-page">
      <header className="app-bar">
        <a href="/" className="brand" onClick={followInApp}>
          <span className="brand-mark" aria-hidden="true" />
          Sluice
        </a>
        <span className="muted">/</span>
        <h1 className="dash-name">{pipeline?.name ?? pipelineId}</h1>
        {pipeline ? <StatusBadge status={pipeline.status} /> : null}
        <span className="spacer" />
        {connection !== 'open' && connection !== 'idle' ? <span className="muted small">Reconnecting…</span> : null}
        <a className="btn" href={`/pipelines/${encodeURIComponent(pipelineId)}`} onClick={followInApp}>
          Open canvas
        </a>
        <ThemeToggle />
      </header>
      <main className="dashboard-main">
        {pipeline === undefined && connection === 'open' ? (
          <p role="alert">There is no pipeline {pipelineId} on this server. It may have been deleted.</p>
        ) : null}
        {pipeline && !metrics ? <Notice>The pipeline is {pipeline.status}; its charts continue once it runs.</Notice> : null}
        <dl className="dash-totals" aria-label="Now">
          <Total label="Read" value={formatRate(inRate)} />
          <Total label="Written" value={formatRate(metrics?.recordsProducedPerSec ?? 0)} />
          <Total label="Lag" value={formatCount(metrics?.lag ?? 0)} />
          <Total label="Latency p99" value={formatLatency(metrics?.latencyMs.p99 ?? 0)} />
          <Total label="Dead letters" value={formatCount(metrics?.deadLettersProduced ?? 0)} />
        </dl>
        <div className="dash-grid">
          <TimeChart title="Throughput (records/s)" series={THROUGHPUT} data={series.throughput} format={perSecond} windowSeconds={HISTORY_SECONDS} />
          <TimeChart title="Errors (records/s)" series={ERRORS} data={series.errors} format={perSecond} windowSeconds={HISTORY_SECONDS} />
          <TimeChart title="Consumer lag per source topic (records)" series={lagSeries} data={series.lag} format={formatCount} windowSeconds={HISTORY_SECONDS} />
          <TimeChart title="End-to-end latency" series={LATENCY} data={series.latency} format={ms} windowSeconds={HISTORY_SECONDS} />
        </div>
        <p className="muted small">The last 15 minutes this browser has seen, one point a second.</p>
      </main>
    </div>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <div className="dash-total">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
