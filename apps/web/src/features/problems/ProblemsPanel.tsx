import { nodeTypeInfo } from '@sluice/topology';
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import type { DesignerIssue } from '../../core/index.js';
import { selectIssues, usePipelineStore } from '../../infrastructure/store/index.js';
import './problems.css';

/**
 * Every problem in the pipeline, from checking as you edit and from the server. Clicking one
 * selects the node (or connection) it concerns and brings it into view.
 */
export function ProblemsPanel() {
  const issues = usePipelineStore(selectIssues);
  const nodes = usePipelineStore((s) => s.doc.nodes);
  const select = usePipelineStore((s) => s.select);
  const flow = useReactFlow();
  const [open, setOpen] = useState(true);

  const nameOf = (id: string) => {
    const node = nodes.find((n) => n.id === id);
    return node ? `${nodeTypeInfo(node.type).label} ${node.data.label || node.id}` : id;
  };

  const reveal = (issue: DesignerIssue) => {
    if (issue.nodeId !== undefined) {
      select([issue.nodeId]);
      void flow.fitView({ nodes: [{ id: issue.nodeId }], duration: 250, maxZoom: 1.2, padding: 0.6 });
    } else if (issue.edgeId !== undefined) {
      select([], [issue.edgeId]);
    }
  };

  return (
    <section className={`problems${open ? ' is-open' : ''}`} aria-label="Problems">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems-title">Problems</span>
        <span className={`problems-count${issues.length > 0 ? ' has-problems' : ''}`}>{issues.length}</span>
        <span className="spacer" />
        <span aria-hidden="true">{open ? '▾' : '▴'}</span>
      </button>
      {open ? (
        issues.length === 0 ? (
          <p className="problems-none">No problems: the pipeline can be deployed.</p>
        ) : (
          <ul className="problems-list">
            {issues.map((issue, index) => (
              <li key={`${issue.path}-${index}`}>
                <button type="button" className="problem" onClick={() => reveal(issue)} disabled={issue.nodeId === undefined && issue.edgeId === undefined}>
                  <span className="problem-where">
                    {issue.nodeId !== undefined ? nameOf(issue.nodeId) : issue.edgeId !== undefined ? `Connection ${issue.edgeId}` : 'Pipeline'}
                  </span>
                  <span className="problem-message">{issue.message}</span>
                  <code className="problem-path">{issue.path || '(document)'}</code>
                  {issue.origin === 'server' ? <span className="problem-origin">server</span> : null}
                </button>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
