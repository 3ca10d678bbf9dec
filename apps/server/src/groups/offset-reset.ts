/** Where `POST /api/groups/:id/reset-offsets` moves each partition. */
export type ResetTo =
  | { readonly to: 'earliest' }
  | { readonly to: 'latest' }
  | { readonly to: 'offset'; readonly value: number }
  | { readonly to: 'shift'; readonly value: number };

export interface PartitionPosition {
  readonly partition: number;
  readonly earliestOffset: number;
  readonly endOffset: number;
  /** The group's committed offset; null when it has none. */
  readonly committed: number | null;
}

export interface PlannedReset {
  readonly partition: number;
  readonly previousOffset: number | null;
  readonly newOffset: number;
}

/**
 * New committed offsets for a topic's partitions, as kafka-consumer-groups.sh plans them: an
 * offset outside the log moves to its nearest end (with a warning), and a shift needs a committed
 * offset to start from.
 */
export function planOffsetReset(topic: string, reset: ResetTo, partitions: readonly PartitionPosition[]): { partitions: PlannedReset[]; warnings: string[] } {
  const warnings: string[] = [];
  const withinLog = (p: PartitionPosition, wanted: number): number => {
    if (wanted > p.endOffset) {
      warnings.push(`${topic}[${p.partition}]: offset ${wanted} is past the end of the log; set to ${p.endOffset}`);
      return p.endOffset;
    }
    if (wanted < p.earliestOffset) {
      warnings.push(`${topic}[${p.partition}]: offset ${wanted} is before the start of the log; set to ${p.earliestOffset}`);
      return p.earliestOffset;
    }
    return wanted;
  };
  const planned = [...partitions]
    .sort((a, b) => a.partition - b.partition)
    .map((p): PlannedReset => {
      const previousOffset = p.committed;
      switch (reset.to) {
        case 'earliest':
          return { partition: p.partition, previousOffset, newOffset: p.earliestOffset };
        case 'latest':
          return { partition: p.partition, previousOffset, newOffset: p.endOffset };
        case 'offset':
          return { partition: p.partition, previousOffset, newOffset: withinLog(p, reset.value) };
        case 'shift':
          if (p.committed === null) {
            throw new ShiftWithoutOffsetError(`${topic}[${p.partition}] has no committed offset to shift from; reset it to earliest, latest or an offset instead`);
          }
          return { partition: p.partition, previousOffset, newOffset: withinLog(p, p.committed + reset.value) };
      }
    });
  return { partitions: planned, warnings };
}

export class ShiftWithoutOffsetError extends Error {
  override name = 'ShiftWithoutOffsetError';
}
