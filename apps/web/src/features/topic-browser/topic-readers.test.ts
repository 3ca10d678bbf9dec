import { describe, expect, it } from 'vitest';
import type { TopicReaders } from '../../infrastructure/api/index.js';
import { hasReaders, readersSentence } from './topic-readers.js';

const readers = (pipelines: TopicReaders['pipelines'], groups: TopicReaders['groups']): TopicReaders => ({ topic: 't', pipelines, groups });

describe('topic readers sentence', () => {
  it('names every pipeline with its status, then every group', () => {
    const r = readers(
      [{ id: 'a', name: 'extreme-weather', status: 'running' }, { id: 'b', name: 'archive', status: 'stopped' }],
      [{ groupId: 'audit', state: 'Empty', members: 0 }],
    );
    expect(hasReaders(r)).toBe(true);
    expect(readersSentence(r)).toBe('pipeline extreme-weather (running), pipeline archive (stopped) and consumer group audit');
  });

  it('says nothing when nobody reads the topic', () => {
    expect(hasReaders(readers([], []))).toBe(false);
    expect(readersSentence(readers([], []))).toBe('');
  });
});
