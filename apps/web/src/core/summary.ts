import { summarizeNode } from '@sluice/topology';
import type { DesignerNode } from './document.js';

/** One line that tells nodes of the same type apart on the canvas (each node type says what). */
export function nodeSummary(node: Pick<DesignerNode, 'type' | 'data'>): string {
  return summarizeNode(node.type, node.data.config);
}
