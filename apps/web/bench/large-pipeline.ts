/**
 * A valid pipeline of `nodes` nodes and `edges` edges, laid out in columns: sources on the left,
 * sinks on the right, filters and maps between, every edge pointing one or two columns right (so
 * there is no cycle), every node fed and feeding.
 */
export function largePipeline(name: string, nodeCount = 500, edgeCount = 600) {
  const columns = 20;
  const perColumn = Math.ceil(nodeCount / columns);
  const nodes: { id: string; type: string; position: { x: number; y: number }; config: Record<string, unknown> }[] = [];
  const column: string[][] = Array.from({ length: columns }, () => []);
  for (let i = 0; i < nodeCount; i++) {
    const c = Math.min(columns - 1, Math.floor(i / perColumn));
    const row = column[c].length;
    const id = `n${i}`;
    column[c].push(id);
    const type = c === 0 ? 'source' : c === columns - 1 ? 'sink' : i % 2 === 0 ? 'filter' : 'map';
    const config =
      type === 'source' || type === 'sink'
        ? { topic: `bench-${type}-${i}` }
        : type === 'filter'
          ? { expression: `value.temperature > ${i % 50}.0` }
          : { expression: `{"station": value.station, "n": ${i}}` };
    nodes.push({ id, type, position: { x: c * 280, y: row * 110 }, config });
  }
  const edges: { id: string; source: string; target: string }[] = [];
  const seen = new Set<string>();
  const add = (source: string, target: string) => {
    const key = `${source}->${target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, source, target });
    return true;
  };
  // First a chain through every column, so each node has an input and an output.
  for (let c = 0; c < columns - 1; c++) {
    column[c].forEach((id, r) => add(id, column[c + 1][r % column[c + 1].length]));
    column[c + 1].forEach((id, r) => add(column[c][r % column[c].length], id));
  }
  // Then extra links one or two columns ahead until the edge count is reached.
  let k = 0;
  while (edges.length < edgeCount) {
    const c = k % (columns - 1);
    const span = c < columns - 2 && k % 3 === 0 ? 2 : 1;
    const from = column[c][(k * 7) % column[c].length];
    const to = column[c + span][(k * 13) % column[c + span].length];
    add(from, to);
    k++;
  }
  return { schemaVersion: 1, name, nodes, edges: edges.slice(0, edgeCount) };
}
