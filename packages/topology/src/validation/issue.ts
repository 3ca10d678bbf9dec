import type { SourcePosition } from '../cel.js';

/** Stable names for each kind of problem, so callers can react without parsing messages. */
export type IssueCode =
  | 'not-an-object'
  | 'unsupported-version'
  | 'required'
  | 'invalid-type'
  | 'invalid-value'
  | 'unknown-field'
  | 'unknown-node-type'
  | 'expression'
  | 'duplicate-node-id'
  | 'duplicate-edge-id'
  | 'duplicate-edge'
  | 'missing-node'
  | 'source-with-input'
  | 'sink-with-output'
  | 'missing-output'
  | 'unknown-output'
  | 'unexpected-output'
  | 'cycle'
  | 'no-source'
  | 'no-sink'
  | 'not-fed'
  | 'dead-end'
  | 'disconnected'
  | 'topic-loop';

/**
 * One problem a person can act on. `path` points into the document the way they would read it
 * ("nodes[1].config.expression"; "" for the document itself), `nodeId`/`edgeId` name the element
 * so a canvas can highlight it, and `position` places expression errors inside the expression.
 */
export interface ValidationIssue {
  code: IssueCode;
  path: string;
  nodeId?: string;
  edgeId?: string;
  message: string;
  position?: SourcePosition;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["nodes", 1, "config", "expression"] → "nodes[1].config.expression". */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** "nodes[1].config.expression: undeclared reference to 'temp' …" — one line for a terminal. */
export function formatIssue(issue: ValidationIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** Reads a value from untrusted input by path, without throwing. */
export function valueAt(root: unknown, segments: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

/** The node or edge id an issue under nodes[i] / edges[i] belongs to, when the input has one. */
export function ownerOf(root: unknown, segments: readonly PropertyKey[]): { nodeId?: string; edgeId?: string } {
  const [collection, index] = segments;
  if (typeof index !== 'number') return {};
  const id = valueAt(root, [collection, index, 'id']);
  if (typeof id !== 'string' || id === '') return {};
  if (collection === 'nodes') return { nodeId: id };
  if (collection === 'edges') return { edgeId: id };
  return {};
}
