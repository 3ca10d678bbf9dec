import { NODE_TYPES } from '@sluice/topology';
import type { NodeTypes } from '@xyflow/react';
import { PipelineNodeView } from './PipelineNodeView.js';

/** Defined once at module scope: a new object per render would remount every node. */
export const nodeTypes: NodeTypes = Object.fromEntries(NODE_TYPES.map((type) => [type, PipelineNodeView]));
