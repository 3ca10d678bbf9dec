import { weatherPipeline } from '@sluice/topology';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyDocument, fromPipelineJson, toPipelineJson, type PipelineJson } from '../../core/index.js';
import { createPipelineStore } from './pipeline-store.js';
import { selectCanRedo, selectCanUndo, selectFocusedNode, selectIssueCountOfNode, selectIssues, selectUndeployed, selectUnsaved } from './selectors.js';
import { pipelineDetail } from '../api/test-pipelines.js';

const weather = () => fromPipelineJson(structuredClone(weatherPipeline) as unknown as PipelineJson);
const storeWith = (doc = emptyDocument('p')) => createPipelineStore({ pipelineId: 'p1', doc, validationDelayMs: 0 });

afterEach(() => vi.useRealTimers());

describe('pipeline store', () => {
  it('builds the weather pipeline from an empty canvas and undoes it step by step', () => {
    const store = storeWith();
    const s = () => store.getState();
    const src = s().addNode('source', { x: 0, y: 0 });
    const filter = s().addNode('filter', { x: 250, y: 0 });
    const sink = s().addNode('sink', { x: 500, y: 0 });
    expect(s().connect({ source: src, target: filter })).toEqual({ ok: true });
    expect(s().connect({ source: filter, target: sink })).toEqual({ ok: true });
    s().setConfigField(src, 'topic', 'raw_weather_topic');
    s().setConfigField(sink, 'topic', 'processed_weather_topic');
    s().validateNow();
    expect(selectIssues(s())).toEqual([]);
    const built = toPipelineJson(s().doc);

    for (let i = 0; i < 7; i++) s().undo();
    expect(s().doc.nodes).toEqual([]);
    expect(selectCanUndo(s())).toBe(false);
    for (let i = 0; i < 7; i++) s().redo();
    expect(toPipelineJson(s().doc)).toEqual(built);
    expect(selectCanRedo(s())).toBe(false);
  });

  it('makes a burst of typing in one field a single undo step', () => {
    const store = storeWith(weather());
    for (const text of ['v', 'va', 'val', 'value.x > 1']) store.getState().setConfigField('extreme', 'expression', text);
    store.getState().setConfigField('raw', 'topic', 'other');
    store.getState().undo();
    expect(store.getState().doc.nodes[0].data.config.topic).toBe('raw_weather_topic');
    store.getState().undo();
    expect(store.getState().doc.nodes[1].data.config.expression).toBe((weatherPipeline.nodes[1].config as { expression: string }).expression);
  });

  it('records a drag once, at its start, and ignores selection and size changes', () => {
    const store = storeWith(weather());
    const s = () => store.getState();
    s().onNodesChange([{ type: 'select', id: 'raw', selected: true }]);
    s().onNodesChange([{ type: 'dimensions', id: 'raw', dimensions: { width: 200, height: 80 } }]);
    expect(selectCanUndo(s())).toBe(false);
    expect(selectUnsaved(s())).toBe(false);
    expect(selectFocusedNode(s())?.id).toBe('raw');

    for (const x of [10, 20, 30]) s().onNodesChange([{ type: 'position', id: 'raw', position: { x, y: 0 }, dragging: true }]);
    s().onNodesChange([{ type: 'position', id: 'raw', position: { x: 30, y: 0 }, dragging: false }]);
    expect(s().history.past).toHaveLength(1);
    expect(selectUnsaved(s())).toBe(true);
    s().undo();
    expect(s().doc.nodes[0].position).toEqual({ x: 0, y: 0 });
  });

  it('deletes the selection with its edges in one step', () => {
    const store = storeWith(weather());
    store.getState().select(['extreme']);
    store.getState().deleteSelection();
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['raw', 'processed']);
    expect(store.getState().doc.edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().doc.edges).toHaveLength(2);
  });

  it('copies and pastes between two open pipelines, and duplicates', () => {
    const a = storeWith(weather());
    const b = storeWith(emptyDocument('other'));
    a.getState().selectAll();
    const payload = a.getState().copySelection()!;
    b.getState().paste(payload, { x: 0, y: 300 });
    expect(b.getState().doc.nodes.map((n) => n.id)).toEqual(['raw', 'extreme', 'processed']);
    expect(b.getState().doc.edges).toHaveLength(2);

    a.getState().select(['extreme']);
    a.getState().duplicateSelection();
    expect(a.getState().doc.nodes.map((n) => n.id)).toEqual(['raw', 'extreme', 'processed', 'filter-1']);
    expect(selectFocusedNode(a.getState())?.id).toBe('filter-1');
  });

  it('refuses a forbidden connection and says why', () => {
    const store = storeWith(weather());
    const check = store.getState().connect({ source: 'processed', target: 'raw' });
    expect(check.ok).toBe(false);
    expect(store.getState().notice).toBe('Source "Raw readings" reads from Kafka and takes no input');
    expect(store.getState().doc.edges).toHaveLength(2);
  });

  it('validates shortly after edits and marks the nodes concerned', () => {
    vi.useFakeTimers();
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), validationDelayMs: 100 });
    store.getState().setConfigField('extreme', 'expression', 'value.temperature >');
    expect(selectIssueCountOfNode('extreme')(store.getState())).toBe(0);
    vi.advanceTimersByTime(100);
    expect(selectIssueCountOfNode('extreme')(store.getState())).toBe(1);
    expect(selectIssues(store.getState())[0].path).toBe('nodes[1].config.expression');
  });

  it('shows the server issues on the nodes they name, and tracks what is saved', () => {
    const store = storeWith(weather());
    store.getState().setConfigField('raw', 'topic', 'elsewhere');
    expect(selectUnsaved(store.getState())).toBe(true);
    store.getState().markSaved(store.getState().revision, [{ path: 'nodes[2].config.topic', message: 'not allowed here' }]);
    expect(selectUnsaved(store.getState())).toBe(false);
    expect(selectIssueCountOfNode('processed')(store.getState())).toBe(1);
    expect(selectIssues(store.getState())[0]).toMatchObject({ origin: 'server', nodeId: 'processed' });
  });

  it("marks undeployed edits on a running pipeline as the server judges them", () => {
    const store = createPipelineStore({ pipelineId: 'p1', doc: weather(), record: pipelineDetail({ name: 'w', status: 'running', pendingChanges: false }) });
    store.getState().onNodesChange([{ type: 'position', id: 'raw', position: { x: 5, y: 5 } }]);
    expect(selectUnsaved(store.getState())).toBe(true);
    expect(selectUndeployed(store.getState())).toBe(false);
    store.getState().setRecord(pipelineDetail({ name: 'w', status: 'running', pendingChanges: true }));
    expect(selectUndeployed(store.getState())).toBe(true);
    store.getState().setRecord(pipelineDetail({ name: 'w', status: 'stopped', pendingChanges: true }));
    expect(selectUndeployed(store.getState())).toBe(false);
  });

  it('replaces the document from JSON as one undoable edit', () => {
    const store = storeWith(weather());
    store.getState().replaceDocument(emptyDocument('blank'));
    expect(store.getState().doc.nodes).toEqual([]);
    store.getState().undo();
    expect(toPipelineJson(store.getState().doc)).toEqual(weatherPipeline);
  });
});
