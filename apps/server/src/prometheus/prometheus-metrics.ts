import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { KafkaConnection } from '../kafka/kafka-connection.js';
import type { PipelineManager, PipelineMetrics, PipelineStatus } from '../pipelines/index.js';

/** What the exposition reads at scrape time. */
export interface PrometheusSources {
  readonly manager: PipelineManager;
  readonly connection: KafkaConnection;
}

interface Deployed {
  readonly pipelineId: string;
  readonly name: string;
  readonly status: PipelineStatus;
  readonly restarts: number;
  readonly metrics: PipelineMetrics;
}

const STATUSES: readonly PipelineStatus[] = ['deploying', 'running', 'stopped', 'failed'];

/**
 * `GET /metrics`: Sluice's counters in Prometheus text format, `sluice_` names, labelled by
 * pipeline (its id), node, edge and topic. Values are read from the pipelines at scrape time;
 * totals count every run since the server started. A registry of its own per server, so that
 * several servers in one process (tests) do not clash.
 */
export function createPrometheusRegistry(sources: PrometheusSources): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sluice_' });

  // Read once per scrape; every collector below uses the same picture.
  let scrape: { at: number; deployed: Deployed[] } | undefined;
  const deployed = (): Deployed[] => {
    const now = Date.now();
    if (!scrape || now - scrape.at > 100) {
      scrape = {
        at: now,
        deployed: [...sources.manager.deployed()].map((d) => ({
          pipelineId: d.pipelineId,
          name: d.pipeline.name,
          status: d.state.status,
          restarts: d.state.restarts,
          metrics: d.metrics,
        })),
      };
    }
    return scrape.deployed;
  };

  /** A counter whose value is read from the pipelines rather than incremented here. */
  const readCounter = <L extends string>(name: string, help: string, labelNames: readonly L[], read: (counter: Counter<L>) => void) =>
    new Counter<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        read(this);
      },
    });
  const readGauge = <L extends string>(name: string, help: string, labelNames: readonly L[], read: (gauge: Gauge<L>) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        this.reset();
        read(this);
      },
    });

  readGauge('sluice_broker_up', '1 when the server reaches the Kafka cluster, else 0.', [], (g) =>
    g.set(sources.connection.health().state === 'connected' ? 1 : 0),
  );
  readGauge('sluice_pipeline_info', 'Deployed pipelines: their id and name.', ['pipeline', 'name'], (g) => {
    for (const d of deployed()) g.set({ pipeline: d.pipelineId, name: d.name }, 1);
  });
  readGauge('sluice_pipeline_status', 'The status of each deployed pipeline (1 for its current status).', ['pipeline', 'status'], (g) => {
    for (const d of deployed()) for (const status of STATUSES) g.set({ pipeline: d.pipelineId, status }, d.status === status ? 1 : 0);
  });
  readCounter('sluice_pipeline_restarts_total', 'Restarts after crashes since the pipeline was started.', ['pipeline'], (c) => {
    for (const d of deployed()) c.inc({ pipeline: d.pipelineId }, d.restarts);
  });

  const perNode = (name: string, help: string, pick: (n: PipelineMetrics['nodes'][string]) => number) =>
    readCounter(name, help, ['pipeline', 'node'], (c) => {
      for (const d of deployed()) for (const [node, n] of Object.entries(d.metrics.nodes)) c.inc({ pipeline: d.pipelineId, node }, pick(n));
    });
  perNode('sluice_node_records_in_total', 'Records that entered the node.', (n) => n.recordsIn);
  perNode('sluice_node_records_out_total', 'Records the node forwarded.', (n) => n.recordsOut);
  perNode('sluice_node_errors_total', 'Records the node failed on.', (n) => n.errors);
  perNode('sluice_node_dead_letters_total', 'Records the node sent to its dead-letter topic.', (n) => n.deadLetters);

  readCounter('sluice_edge_records_total', 'Records that crossed the edge.', ['pipeline', 'edge'], (c) => {
    for (const d of deployed()) for (const [edge, e] of Object.entries(d.metrics.edges)) c.inc({ pipeline: d.pipelineId, edge }, e.records);
  });
  readGauge('sluice_source_lag', 'Records in a source partition not consumed yet.', ['pipeline', 'topic', 'partition'], (g) => {
    for (const d of deployed()) {
      for (const s of d.metrics.sources) if (s.lag !== undefined) g.set({ pipeline: d.pipelineId, topic: s.topic, partition: String(s.partition) }, s.lag);
    }
  });
  readCounter('sluice_records_produced_total', 'Records the pipeline wrote to its sink topics.', ['pipeline'], (c) => {
    for (const d of deployed()) c.inc({ pipeline: d.pipelineId }, d.metrics.recordsProduced);
  });
  readCounter('sluice_dead_letters_produced_total', 'Records the pipeline wrote to dead-letter topics.', ['pipeline'], (c) => {
    for (const d of deployed()) c.inc({ pipeline: d.pipelineId }, d.metrics.deadLettersProduced);
  });
  readGauge(
    'sluice_pipeline_latency_seconds',
    'End-to-end latency (record timestamp to output acknowledged) of the current run, by quantile.',
    ['pipeline', 'quantile'],
    (g) => {
      for (const d of deployed()) {
        if (d.metrics.latencyMs.count === 0) continue;
        g.set({ pipeline: d.pipelineId, quantile: '0.5' }, d.metrics.latencyMs.p50 / 1000);
        g.set({ pipeline: d.pipelineId, quantile: '0.99' }, d.metrics.latencyMs.p99 / 1000);
      }
    },
  );
  return registry;
}
