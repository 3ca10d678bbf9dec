import type { NodeType } from '@sluice/topology';
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { DEFAULT_NODE_SIZE } from '../../core/index.js';
import { usePipelineStoreApi } from '../../infrastructure/store/index.js';

/**
 * Adds a node in the middle of what the canvas shows (for keyboard and click adds), moved down
 * below any node already there so repeated adds stay readable.
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
      // Below whatever node already covers the spot (as measured: a branch is taller than most).
      const { width, height } = DEFAULT_NODE_SIZE;
      for (let moved = true; moved; ) {
        moved = false;
        for (const node of store.getState().doc.nodes) {
          const w = node.measured?.width ?? width;
          const h = node.measured?.height ?? height;
          const overlaps = position.x < node.position.x + w && node.position.x < position.x + width && position.y < node.position.y + h && node.position.y < position.y + height;
          if (overlaps) {
            position.y = node.position.y + h + 24;
            moved = true;
          }
        }
      }
      return store.getState().addNode(type, position);
    },
    [flow, store],
  );
}
