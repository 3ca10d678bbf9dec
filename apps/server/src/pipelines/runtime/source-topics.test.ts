import type { Pipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { deletedSourcesMessage, topicsRead } from './source-topics.js';

describe('source topics', () => {
  it('are the topics of the source nodes, once each', () => {
    const pipeline = {
      nodes: [
        { id: 'a', type: 'source', config: { topic: 'raw_x' } },
        { id: 'b', type: 'source', config: { topic: 'raw_x' } },
        { id: 'c', type: 'sink', config: { topic: 'out' } },
      ],
    } as unknown as Pipeline;
    expect(topicsRead(pipeline)).toEqual(['raw_x']);
  });

  it('say which were deleted', () => {
    expect(deletedSourcesMessage(['raw_x'])).toBe('source topic raw_x was deleted');
    expect(deletedSourcesMessage(['a', 'b', 'c'])).toBe('source topics a, b and c were deleted');
  });
});
