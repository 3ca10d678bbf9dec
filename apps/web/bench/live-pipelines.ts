/** Pipeline documents for the live benchmark. */

/** source → filter → map → sink on its own topics. */
export function smallPipeline(name: string, input: string, output: string) {
  return {
    schemaVersion: 1,
    name,
    nodes: [
      { id: 'in', type: 'source', position: { x: 0, y: 0 }, config: { topic: input, format: 'json', startFrom: 'latest' } },
      { id: 'keep', type: 'filter', position: { x: 260, y: 0 }, config: { expression: 'value.n >= 0' } },
      { id: 'shape', type: 'map', position: { x: 520, y: 0 }, config: { expression: '{"n": value.n, "at": value.at}' } },
      { id: 'out', type: 'sink', position: { x: 780, y: 0 }, config: { topic: output, format: 'json' } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'keep' },
      { id: 'e2', source: 'keep', target: 'shape' },
      { id: 'e3', source: 'shape', target: 'out' },
    ],
  };
}

/**
 * `count` nodes in one chain (a source, count − 2 filters, a sink) laid out as a snake of rows, so
 * every node and edge carries live numbers that change every second.
 */
export function chainPipeline(name: string, input: string, output: string, count = 200) {
  const perRow = 20;
  const nodes = Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const col = row % 2 === 0 ? i % perRow : perRow - 1 - (i % perRow);
    const position = { x: col * 260, y: row * 220 };
    if (i === 0) return { id: 'n0', type: 'source', position, config: { topic: input, format: 'json', startFrom: 'latest' } };
    if (i === count - 1) return { id: `n${i}`, type: 'sink', position, config: { topic: output, format: 'json' } };
    return { id: `n${i}`, type: 'filter', position, config: { expression: `value.n >= ${i % 3}` } };
  });
  const edges = nodes.slice(1).map((node, i) => ({ id: `e${i + 1}`, source: nodes[i]!.id, target: node.id }));
  return { schemaVersion: 1, name, nodes, edges };
}
