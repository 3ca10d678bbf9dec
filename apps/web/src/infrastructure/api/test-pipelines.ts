import type { PipelineDetail } from '@sluice/api';
import type { SluiceApi } from './client.js';

// For unit tests that stand in for the server: answers shaped as the contract says.

export function pipelineDetail(over: Partial<PipelineDetail> = {}): PipelineDetail {
  return {
    id: 'p1',
    name: 'extreme-weather',
    status: 'stopped',
    restarts: 0,
    desiredState: 'stopped',
    valid: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    definition: {},
    issues: [],
    pendingChanges: false,
    ...over,
  };
}

/** A client whose every call fails the test; override the calls a test expects. */
export function unusedApi(): SluiceApi {
  const refuse = (name: string) => () => Promise.reject(new Error(`${name} was not expected in this test`));
  return {
    listPipelines: refuse('listPipelines'),
    getPipeline: refuse('getPipeline'),
    createPipeline: refuse('createPipeline'),
    updatePipeline: refuse('updatePipeline'),
    stopPipeline: refuse('stopPipeline'),
    deployPipeline: refuse('deployPipeline'),
    deletePipeline: refuse('deletePipeline'),
    tapRefusal: refuse('tapRefusal'),
    listTopics: refuse('listTopics'),
    getTopic: refuse('getTopic'),
    createTopic: refuse('createTopic'),
    deleteTopic: refuse('deleteTopic'),
    topicReaders: refuse('topicReaders'),
    peek: refuse('peek'),
    produce: refuse('produce'),
    listGroups: refuse('listGroups'),
    getGroup: refuse('getGroup'),
    resetOffsets: refuse('resetOffsets'),
    deleteGroup: refuse('deleteGroup'),
    health: refuse('health'),
  };
}
