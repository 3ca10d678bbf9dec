// @vitest-environment happy-dom
import { catalogue, NODE_TYPES } from '@sluice/topology';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { addNode, emptyDocument } from '../../core/index.js';
import { createPipelineStore, PipelineStoreProvider, usePipelineStore } from '../../infrastructure/store/index.js';
import { CelField } from './fields/CelField.js';
import { NodeConfigPanel } from './NodeConfigPanel.js';

afterEach(cleanup);

function renderPanel(type: (typeof NODE_TYPES)[number]) {
  const { doc, id } = addNode(emptyDocument('p'), type, { x: 0, y: 0 });
  const store = createPipelineStore({ pipelineId: 'p', doc, validationDelayMs: 0 });
  const node = () => store.getState().doc.nodes.find((n) => n.id === id)!;
  // As in the side panel, the form follows the node in the store.
  function LivePanel() {
    const current = usePipelineStore((s) => s.doc.nodes.find((n) => n.id === id)!);
    return <NodeConfigPanel node={current} topics={['raw_weather_topic']} refreshTopics={() => undefined} />;
  }
  const view = render(
    <PipelineStoreProvider store={store}>
      <LivePanel />
    </PipelineStoreProvider>,
  );
  return { store, node, view };
}

describe('NodeConfigPanel', () => {
  it.each(NODE_TYPES)('gives every control of a %s node a label and help from the catalogue', (type) => {
    const { view } = renderPanel(type);
    const controls = view.container.querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(2);
    for (const control of controls) {
      const id = control.getAttribute('id');
      expect(id, control.outerHTML).toBeTruthy();
      expect(view.container.querySelector(`label[for="${id}"]`), `label for ${id}`).not.toBeNull();
      expect(control.getAttribute('aria-describedby'), `help for ${id}`).toBeTruthy();
    }
    const info = catalogue.nodeTypes.find((t) => t.type === type)!;
    for (const field of info.fields) if (field.type !== 'predicates') expect(screen.getAllByText(field.help).length).toBeGreaterThan(0);
  });

  it('writes edits to the store as the person types', () => {
    const { node } = renderPanel('source');
    fireEvent.change(screen.getByRole('combobox', { name: 'Topic' }), { target: { value: 'raw_weather_topic' } });
    expect(node().data.config.topic).toBe('raw_weather_topic');
    fireEvent.change(screen.getByLabelText('Label'), { target: { value: 'Readings' } });
    expect(node().data.label).toBe('Readings');
  });

  it('adds and renames branch outputs', () => {
    const { node } = renderPanel('branch');
    fireEvent.click(screen.getByRole('button', { name: 'Add output' }));
    expect((node().data.config.predicates as { name: string }[]).map((p) => p.name)).toEqual(['matched', 'output_2']);
    fireEvent.change(screen.getAllByRole('textbox', { name: 'Output name' })[1], { target: { value: 'cold' } });
    expect((node().data.config.predicates as { name: string }[]).map((p) => p.name)).toEqual(['matched', 'cold']);
  });
});

describe('CelField', () => {
  it('checks as you type and marks the error at its line and column', () => {
    const { rerender } = render(<CelField id="e" label="Keep when" help="h" required kind="bool" value="value.t > 40.0" onChange={() => undefined} />);
    expect(screen.getByText('Valid expression')).toBeTruthy();
    rerender(<CelField id="e" label="Keep when" help="h" required kind="bool" value={'value.t > 40.0 &&\n  valu.x'} onChange={() => undefined} />);
    const error = screen.getByRole('alert');
    expect(error.dataset.line).toBe('2');
    expect(error.dataset.column).toBe('3');
    expect(error.textContent).toContain('Line 2, column 3:');
    expect(error.querySelector('mark')?.textContent).toBe('valu');
    expect(screen.getByRole('textbox', { name: 'Keep when' }).getAttribute('aria-invalid')).toBe('true');
  });

  it('says when a filter expression does not return bool', () => {
    render(<CelField id="e" label="Keep when" help="h" required kind="bool" value="value.t + 1.0" onChange={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toContain('must return bool');
  });
});
