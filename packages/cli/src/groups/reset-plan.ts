/** How `--reset-offsets` picks each partition's new offset. */
export type ResetScenario =
  | { kind: 'to-earliest' }
  | { kind: 'to-latest' }
  | { kind: 'to-current' }
  | { kind: 'to-offset'; offset: bigint }
  | { kind: 'shift-by'; shift: bigint };

/** What is known about one partition when planning. */
export interface PartitionState {
  topic: string;
  partition: number;
  earliest: bigint;
  latest: bigint;
  /** The group's committed offset, if any. */
  committed?: bigint;
}

export interface PlannedOffset {
  topic: string;
  partition: number;
  offset: bigint;
}

export interface ResetPlan {
  offsets: PlannedOffset[];
  /** Kafka's warnings for requested offsets moved into the log's range. */
  warnings: string[];
}

/**
 * New offsets per partition, sorted by topic then partition. Requested offsets outside
 * [earliest, latest] are moved to the nearest end, with Kafka's warning. Throws when --shift-by
 * meets a partition without a committed offset (Kafka refuses that too).
 */
export function planReset(scenario: ResetScenario, partitions: readonly PartitionState[]): ResetPlan {
  const warnings: string[] = [];
  const clamp = (p: PartitionState, requested: bigint): bigint => {
    if (requested > p.latest) {
      warnings.push(
        `New offset (${requested}) is higher than latest offset for topic partition ${p.topic}-${p.partition}. Value will be set to ${p.latest}.`,
      );
      return p.latest;
    }
    if (requested < p.earliest) {
      warnings.push(
        `New offset (${requested}) is lower than earliest offset for topic partition ${p.topic}-${p.partition}. Value will be set to ${p.earliest}.`,
      );
      return p.earliest;
    }
    return requested;
  };
  const sorted = [...partitions].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const offsets = sorted.map((p): PlannedOffset => {
    switch (scenario.kind) {
      case 'to-earliest':
        return { topic: p.topic, partition: p.partition, offset: p.earliest };
      case 'to-latest':
        return { topic: p.topic, partition: p.partition, offset: p.latest };
      case 'to-current':
        return { topic: p.topic, partition: p.partition, offset: p.committed ?? p.latest };
      case 'to-offset':
        return { topic: p.topic, partition: p.partition, offset: clamp(p, scenario.offset) };
      case 'shift-by':
        if (p.committed === undefined) {
          throw new Error(
            `Cannot shift offset for partition ${p.topic}-${p.partition} since there is no current committed offset`,
          );
        }
        return { topic: p.topic, partition: p.partition, offset: clamp(p, p.committed + scenario.shift) };
    }
  });
  return { offsets, warnings };
}

/** A `--topic` argument of `--reset-offsets`: `T` (all partitions) or `T:0,2`. */
export interface TopicArg {
  topic: string;
  partitions?: number[];
}

export function parseTopicArg(arg: string): TopicArg {
  if (!arg.includes(':')) return { topic: arg };
  const parts = arg.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new Error(`Invalid topic arg '${arg}', expected topic name and partitions`);
  }
  const partitions = parts[1].split(',').map((p) => {
    if (!/^\d+$/.test(p.trim())) throw new Error(`Invalid partition '${p}' specified in topic arg '${arg}'`);
    return Number(p.trim());
  });
  return { topic: parts[0], partitions };
}
