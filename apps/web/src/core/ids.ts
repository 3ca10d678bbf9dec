import type { NodeType } from '@sluice/topology';

/** The first free `<type>-<n>`: ids read well in metrics, dead-letter headers and URLs. */
export function uniqueNodeId(type: NodeType, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n++) {
    const id = `${type}-${n}`;
    if (!taken.has(id)) return id;
  }
}

/** `<source>-<target>`, or `<source>.<output>-<target>` for a branch output, made unique. */
export function uniqueEdgeId(source: string, sourceHandle: string | null | undefined, target: string, taken: ReadonlySet<string>): string {
  const base = sourceHandle ? `${source}.${sourceHandle}-${target}` : `${source}-${target}`;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.has(id)) return id;
  }
}
