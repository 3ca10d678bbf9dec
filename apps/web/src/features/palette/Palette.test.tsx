// @vitest-environment happy-dom
import { catalogue } from '@sluice/topology';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyDocument } from '../../core/index.js';
import { createPipelineStore, PipelineStoreProvider } from '../../infrastructure/store/index.js';
import { Palette } from './Palette.js';

afterEach(cleanup);

function renderPalette() {
  const store = createPipelineStore({ pipelineId: 'p', doc: emptyDocument('p'), validationDelayMs: 0 });
  render(
    <PipelineStoreProvider store={store}>
      <ReactFlowProvider>
        <Palette />
      </ReactFlowProvider>
    </PipelineStoreProvider>,
  );
  return store;
}

describe('Palette', () => {
  it('lists every catalogue type as a button named by its label, grouped by category', () => {
    renderPalette();
    for (const info of catalogue.nodeTypes) {
      const group = screen.getByRole('region', { name: info.category });
      expect(within(group).getByRole('button', { name: info.label })).toBeTruthy();
    }
  });

  it('adds a node when an entry is activated (Enter on a focused button is a click)', () => {
    const store = renderPalette();
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['filter-1', 'filter-2']);
    // Repeated adds do not land on top of each other.
    const [a, b] = store.getState().doc.nodes;
    expect(a.position).not.toEqual(b.position);
  });

  it('filters by the search box', () => {
    renderPalette();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search node types' }), { target: { value: 'topic' } });
    expect(screen.queryByRole('button', { name: 'Filter' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Source' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sink' })).toBeTruthy();
  });
});
