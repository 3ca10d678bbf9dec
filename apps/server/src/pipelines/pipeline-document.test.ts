import { weatherPipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { InvalidRequestError } from '../errors.js';
import { checkDocument, runtimeShape } from './pipeline-document.js';

describe('checkDocument', () => {
  it('accepts a valid pipeline, with defaults filled in', () => {
    const { schemaVersion: _v, ...withoutDefaults } = structuredClone(weatherPipeline);
    const checked = checkDocument({ ...withoutDefaults, schemaVersion: 1 }, { draft: false });
    expect(checked.name).toBe('extreme-weather');
    expect(checked.pipeline).toEqual(weatherPipeline);
    expect(checked.issues).toEqual([]);
  });

  it('refuses an invalid pipeline to deploy, with every issue', () => {
    const bad = structuredClone(weatherPipeline) as unknown as { nodes: Array<{ config: Record<string, unknown> }> };
    bad.nodes[1]!.config = { expression: 'value.temperature >' };
    bad.nodes[2]!.config = { topic: '' };
    try {
      checkDocument(bad, { draft: false });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InvalidRequestError);
      const e = err as InvalidRequestError;
      expect(e.message).toMatch(/^pipeline "extreme-weather" is not valid: nodes\[2\]\.config\.topic: .* \(and 1 more issue\)$/);
      expect(e.issues?.map((i) => [i.path, i.nodeId])).toEqual([
        ['nodes[2].config.topic', 'processed'],
        ['nodes[1].config.expression', 'extreme'],
      ]);
    }
  });

  it('keeps an invalid draft as written, but not one without a name', () => {
    const draft = { schemaVersion: 1, name: 'sketch', nodes: [{ id: 'a', type: 'mystery' }] };
    const checked = checkDocument(draft, { draft: true });
    expect(checked).toMatchObject({ name: 'sketch', definition: draft });
    expect(checked.pipeline).toBeUndefined();
    expect(checked.issues[0]).toMatchObject({ code: 'unknown-node-type', nodeId: 'a' });
    expect(() => checkDocument({ nodes: [] }, { draft: true })).toThrow(/a draft needs a name/);
    expect(() => checkDocument('text', { draft: true })).toThrow(/must be a pipeline document/);
  });
});

describe('runtimeShape', () => {
  it('ignores positions, labels and descriptions, but not configuration', () => {
    const moved = structuredClone(weatherPipeline);
    moved.nodes[0]!.position = { x: 99, y: 99 };
    moved.nodes[0]!.label = 'elsewhere';
    moved.description = 'new words';
    expect(runtimeShape(moved)).toBe(runtimeShape(weatherPipeline));
    const changed = structuredClone(weatherPipeline);
    changed.nodes[1]!.config = { expression: 'value.temperature > 30.0' };
    expect(runtimeShape(changed)).not.toBe(runtimeShape(weatherPipeline));
  });
});
