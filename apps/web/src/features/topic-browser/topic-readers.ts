import type { TopicReaders } from '../../infrastructure/api/index.js';

export function hasReaders(readers: TopicReaders): boolean {
  return readers.pipelines.length > 0 || readers.groups.length > 0;
}

/** "pipeline extreme-weather (running) and consumer group audit", for the delete warning. */
export function readersSentence(readers: TopicReaders): string {
  const names = [
    ...readers.pipelines.map((p) => `pipeline ${p.name} (${p.status})`),
    ...readers.groups.map((g) => `consumer group ${g.groupId}`),
  ];
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
