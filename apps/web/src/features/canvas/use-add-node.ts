import type { NodeType } from '@sluice/topology';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { DEFAULT_NODE_SIZE } from '../../core/index.js';
import { usePipelineStoreApi } from '../../infrastructure/store/index.js';

/**
 * Adds a node in the middle of what the canvas shows (for keyboard and click adds), nudged down
 * when that spot is taken so repeated adds do not stack exactly.
 */
export function useAddNodeInView(): (type: NodeType) => string {
  const store = usePipelineStoreApi();
  const flow = useReactFlow();
  return useCallback(
    (type: NodeType) => {
      const pane = document.querySelector('.react-flow')?.getBoundingClientRect();
      const centre = pane
        ? flow.screenToFlowPosition({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 })
        : { x: 0, y: 0 };
      const position = { x: Math.round(centre.x - DEFAULT_NODE_SIZE.width / 2), y: Math.round(centre.y - DEFAULT_NODE_SIZE.height / 2) };
      const taken = (y: number) => store.getState().doc.nodes.some((n) => Math.abs(n.position.x - position.x) < 24 && Math.abs(n.position.y - y) < 24);
      while (taken(position.y)) position.y += DEFAULT_NODE_SIZE.height + 24;
      return store.getState().addNode(type, position);
    },
    [flow, store],
  );
}
