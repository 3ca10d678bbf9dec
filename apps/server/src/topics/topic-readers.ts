import type { GroupReader } from '../groups/index.js';
import type { PipelineStatus } from '../pipelines/index.js';

export interface PipelineReader {
  readonly id: string;
  readonly name: string;
  readonly status: PipelineStatus;
}

/** `GET /api/topics/:name/readers`: who would stop reading if the topic were deleted. */
export interface TopicReaders {
  readonly topic: string;
  readonly pipelines: readonly PipelineReader[];
  /** Consumer groups other than the pipelines' own. */
  readonly groups: readonly GroupReader[];
}

export interface ReaderSources {
  pipelinesReading(topic: string): readonly PipelineReader[];
  groupsReading(topic: string): Promise<readonly GroupReader[]>;
}

export async function topicReaders(topic: string, sources: ReaderSources): Promise<TopicReaders> {
  const pipelines = sources.pipelinesReading(topic);
  const groups = (await sources.groupsReading(topic)).filter((g) => !g.pipelineId || !pipelines.some((p) => p.id === g.pipelineId));
  return { topic, pipelines, groups };
}

export function hasReaders(readers: TopicReaders): boolean {
  return readers.pipelines.length > 0 || readers.groups.length > 0;
}

/** `pipeline "extreme-weather" (running) and consumer group "audit"`. */
export function describeReaders(readers: TopicReaders): string {
  const names = [
    ...readers.pipelines.map((p) => `pipeline "${p.name}" (${p.status})`),
    ...readers.groups.map((g) => `consumer group "${g.groupId}"`),
  ];
  return names.length <= 1 ? (names[0] ?? 'nothing') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
