import type { ValidationIssue } from '@sluice/topology';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { errorBodySchema, liveSnapshotSchema, pipelineDetailSchema, tappedRecordSchema, type ApiIssue } from './index.js';

const detail = {
  id: 'p1',
  name: 'extreme-weather',
  status: 'running',
  restarts: 0,
  desiredState: 'running',
  valid: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  definition: { schemaVersion: 1 },
  issues: [],
  pendingChanges: false,
};

describe('the contract', () => {
  it('carries validation issues as they are', () => {
    expectTypeOf<ValidationIssue>().toExtend<ApiIssue>();
    const issue = { code: 'expression', path: 'nodes[1].config.expression', nodeId: 'hot', message: 'm', position: { line: 1, column: 2, offset: 1, length: 3 } };
    expect(errorBodySchema.parse({ error: 'invalid pipeline', issues: [issue] }).issues).toEqual([issue]);
  });

  it('reads a pipeline, and refuses a status it does not know', () => {
    expect(pipelineDetailSchema.parse(detail)).toEqual(detail);
    expect(pipelineDetailSchema.safeParse({ ...detail, status: 'paused' }).success).toBe(false);
  });

  it('reads a live snapshot, counts a missing number as zero', () => {
    const snapshot = liveSnapshotSchema.parse({
      at: 'now',
      pipelines: [{ id: 'p1', name: 'w', status: 'running', metrics: { pipelineId: 'p1', name: 'w', at: 'now', nodes: { raw: { recordsIn: 3 } } } }],
    });
    expect(snapshot.pipelines[0]?.metrics?.nodes.raw).toMatchObject({ recordsIn: 3, recordsOut: 0 });
    expect(snapshot.pipelines[0]?.metrics?.latencyMs.p99).toBe(0);
  });

  it('reads a tapped record with its payload formats', () => {
    const record = { key: { format: 'null', value: null }, value: { format: 'json', value: { t: 41 } }, headers: {}, timestamp: 1, topic: 't', partition: 0, offset: 5 };
    expect(tappedRecordSchema.parse(record)).toEqual(record);
    expect(tappedRecordSchema.safeParse({ ...record, key: { format: 'text', value: 'k' } }).success).toBe(false);
  });
});
