import type { Admin } from 'kafkajs';
import type { Topology } from '../topology/index.js';

/**
 * Checks that the source topics exist and creates missing sink and dead-letter topics, with as
 * many partitions as the widest source (so keyed output keeps the input's parallelism).
 */
export async function ensureTopics(admin: Admin, topology: Topology): Promise<string[]> {
  const sources = topology.sourceTopics();
  const { topics } = await admin.fetchTopicMetadata();
  const existing = new Map(topics.map((t) => [t.name, t.partitions.length]));
  const missingSources = sources.filter((t) => !existing.has(t));
  if (missingSources.length > 0) {
    const list = missingSources.map((t) => `"${t}"`).join(', ');
    throw new Error(
      `source topic ${list} does not exist; create it (sluice topics --create --topic ${missingSources[0]}) or change the pipeline's source`,
    );
  }
  const outputs = [...new Set([...topology.sinkTopics(), ...topology.deadLetterTopics()])];
  const missing = outputs.filter((t) => !existing.has(t));
  if (missing.length === 0) return [];
  const numPartitions = Math.max(1, ...sources.map((t) => existing.get(t)!));
  const { brokers } = await admin.describeCluster();
  const replicationFactor = Math.max(1, Math.min(3, brokers.length));
  try {
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions, replicationFactor })), waitForLeaders: true });
  } catch (err) {
    // Another instance of the pipeline may have created them first; anything else is real.
    const { topics: now } = await admin.fetchTopicMetadata();
    const names = new Set(now.map((t) => t.name));
    if (missing.some((t) => !names.has(t))) {
      throw new Error(`could not create output topics ${missing.join(', ')}: ${(err as Error).message}`);
    }
  }
  return missing;
}
