import { isNodeType, nodeTypeInfo } from '../catalogue.js';
import { DEFAULT_BRANCH_OUTPUT } from '../nodes/index.js';
import type { WiredNode } from './can-connect.js';

/**
 * A node of a document or a canvas, read for wiring. The config may be a draft's: outputs named
 * by predicates are known only when every name can be read.
 */
export function wiredNode(node: { id: string; type: unknown; config: unknown }, name: string): WiredNode {
  if (!isNodeType(node.type)) return { id: node.id, name, outputs: 'single' };
  const outputs = nodeTypeInfo(node.type).outputs;
  const wired: WiredNode = { id: node.id, type: node.type, name, outputs };
  if (outputs === 'per-predicate') {
    const names = predicateNames(node.config);
    if (names) wired.outputNames = [...names, DEFAULT_BRANCH_OUTPUT];
  }
  return wired;
}

function predicateNames(config: unknown): string[] | undefined {
  const predicates = typeof config === 'object' && config !== null ? (config as { predicates?: unknown }).predicates : undefined;
  if (!Array.isArray(predicates)) return undefined;
  const names = predicates.map((p: unknown) => (typeof p === 'object' && p !== null ? (p as { name?: unknown }).name : undefined));
  return names.every((n): n is string => typeof n === 'string') ? names : undefined;
}
