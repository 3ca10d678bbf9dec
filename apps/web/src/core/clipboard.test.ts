import { weatherPipeline } from '@sluice/topology';
import { describe, expect, it } from 'vitest';
import { clipboardText, copyNodes, parseClipboard, pasteNodes, PASTE_OFFSET } from './clipboard.js';
import { emptyDocument, fromPipelineJson, toPipelineJson, type PipelineJson } from './document.js';

const weather = () => fromPipelineJson(structuredClone(weatherPipeline) as unknown as PipelineJson);

describe('clipboard', () => {
  it('copies the chosen nodes with only the edges among them', () => {
    const payload = copyNodes(weather(), new Set(['extreme', 'processed']))!;
    expect(payload.nodes.map((n) => n.id)).toEqual(['extreme', 'processed']);
    expect(payload.edges.map((e) => e.id)).toEqual(['extreme-processed']);
    expect(copyNodes(weather(), new Set())).toBeNull();
  });

  it('pastes copies with fresh ids, rewired edges, offset positions, and selects only them', () => {
    const doc = weather();
    const payload = parseClipboard(clipboardText(copyNodes(doc, new Set(['extreme', 'processed']))!))!;
    const { doc: after, pastedIds } = pasteNodes(doc, payload);
    expect(pastedIds).toEqual(['filter-1', 'sink-1']);
    const copies = after.nodes.slice(3);
    expect(copies.map((n) => n.position)).toEqual([
      { x: 250 + PASTE_OFFSET, y: PASTE_OFFSET },
      { x: 500 + PASTE_OFFSET, y: PASTE_OFFSET },
    ]);
    expect(copies.every((n) => n.selected)).toBe(true);
    expect(after.nodes.slice(0, 3).some((n) => n.selected)).toBe(false);
    expect(after.edges.slice(2)).toEqual([{ id: 'filter-1-sink-1', source: 'filter-1', target: 'sink-1' }]);
    expect(copies[0].data).toEqual(doc.nodes[1].data);
    expect(copies[0].data).not.toBe(doc.nodes[1].data);
  });

  it('keeps original ids when they are free (pasting into another pipeline)', () => {
    const payload = copyNodes(weather(), new Set(['raw', 'extreme']))!;
    const { doc } = pasteNodes(emptyDocument('other'), payload, { x: 100, y: 100 });
    expect(doc.nodes.map((n) => [n.id, n.position])).toEqual([
      ['raw', { x: 100, y: 100 }],
      ['extreme', { x: 350, y: 100 }],
    ]);
    expect(doc.edges.map((e) => e.id)).toEqual(['raw-extreme']);
  });

  it('accepts a whole pipeline document as pasted text, and refuses other text', () => {
    const payload = parseClipboard(JSON.stringify(weatherPipeline))!;
    expect(payload.nodes.length).toBe(3);
    expect(toPipelineJson(pasteNodes(emptyDocument('x'), payload, { x: 0, y: 0 }).doc).edges.length).toBe(2);
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"nodes": [{"id": "a", "type": "nope"}]}')).toBeNull();
    expect(parseClipboard('[]')).toBeNull();
  });
});
