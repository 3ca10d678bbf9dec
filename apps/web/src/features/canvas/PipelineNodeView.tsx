import { nodeTypeInfo, outputsOf, type NodeShape, type NodeType } from '@sluice/topology';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { nodeSummary, type DesignerNodeData } from '../../core/index.js';
import { selectIssuesOfNode, usePipelineStore } from '../../infrastructure/store/index.js';
import { NodeLiveStats, useNodeLiveErrors } from '../live/index.js';

/**
 * One pipeline node on the canvas: its type, name, a one-line summary of its config, one input
 * handle (unless it is a source), one output handle per output (none for a sink, one per
 * predicate plus default for a branch), and a badge when it has problems.
 */
export type FlowNode = Node<DesignerNodeData, NodeType>;

function PipelineNodeViewImpl({ id, type, data, selected }: NodeProps<FlowNode>) {
  const info = nodeTypeInfo(type);
  const issues = usePipelineStore(selectIssuesOfNode(id));
  const outputs = outputsOf({ type, config: data.config } as NodeShape);
  const title = data.label || id;
  const category = info.category.toLowerCase();
  const summary = nodeSummary({ type, data });
  const liveErrors = useNodeLiveErrors(id);

  return (
    <div
      className={`pipeline-node category-${category}${selected ? ' is-selected' : ''}${issues.length > 0 ? ' has-issues' : ''}${liveErrors ? ' has-live-errors' : ''}`}
      data-node-id={id}
      data-node-type={type}
      aria-label={`${info.label} ${title}`}
    >
      {info.inputs.max !== 0 ? <Handle type="target" position={Position.Left} className="node-handle node-handle-in" /> : null}
      <div className="node-head">
        <span className="node-type">{info.label}</span>
        {issues.length > 0 ? (
          <span
            className="node-badge"
            role="img"
            aria-label={`${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`}
            title={issues.map((i) => i.message).join('\n')}
          >
            {issues.length}
          </span>
        ) : null}
      </div>
      <div className="node-title" title={title}>
        {title}
      </div>
      <div className="node-summary" title={summary}>
        {summary}
      </div>
      {outputs.length === 1 && outputs[0].handle === null ? (
        <Handle type="source" position={Position.Right} className="node-handle node-handle-out" />
      ) : outputs.length > 0 ? (
        <ul className="node-outputs" aria-label="Outputs">
          {outputs.map((output) => (
            <li key={output.handle} className="node-output">
              <span>{output.label}</span>
              <Handle
                type="source"
                id={output.handle ?? undefined}
                position={Position.Right}
                className="node-handle node-handle-out"
                data-output={output.handle}
              />
            </li>
          ))}
        </ul>
      ) : null}
      <NodeLiveStats nodeId={id} type={type} topic={typeof data.config.topic === 'string' ? data.config.topic : undefined} />
    </div>
  );
}

export const PipelineNodeView = memo(PipelineNodeViewImpl);
