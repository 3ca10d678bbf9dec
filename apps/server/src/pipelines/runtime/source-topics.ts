import type { Pipeline } from '@sluice/topology';

/** The topics a pipeline reads: its sources'. */
export function topicsRead(pipeline: Pipeline): string[] {
  const topics = new Set<string>();
  for (const node of pipeline.nodes) {
    if (node.type === 'source') topics.add(node.config.topic);
  }
  return [...topics];
}

/** "source topic raw_x was deleted", or the plural for several. */
export function deletedSourcesMessage(topics: readonly string[]): string {
  return topics.length === 1
    ? `source topic ${topics[0]} was deleted`
    : `source topics ${topics.slice(0, -1).join(', ')} and ${topics[topics.length - 1]} were deleted`;
}
