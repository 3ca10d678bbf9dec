import { describe, expect, it } from 'vitest';
import { describeReaders, hasReaders, topicReaders } from './topic-readers.js';

describe('topic readers', () => {
  it('names pipelines and the groups that are not a listed pipeline’s own', async () => {
    const readers = await topicReaders('raw_x', {
      pipelinesReading: () => [{ id: 'p1', name: 'extreme-weather', status: 'running' }],
      groupsReading: async () => [
        { groupId: 'sluice-p1', state: 'Stable', members: 1, pipelineId: 'p1' },
        { groupId: 'audit', state: 'Empty', members: 0 },
      ],
    });
    expect(readers.groups.map((g) => g.groupId)).toEqual(['audit']);
    expect(hasReaders(readers)).toBe(true);
    expect(describeReaders(readers)).toBe('pipeline "extreme-weather" (running) and consumer group "audit"');
  });

  it('has no readers for a topic nobody reads', async () => {
    const readers = await topicReaders('quiet', { pipelinesReading: () => [], groupsReading: async () => [] });
    expect(hasReaders(readers)).toBe(false);
  });
});
