import { useShallow } from 'zustand/react/shallow';
import { selectFocusedNode, selectSelectedNodeIds, usePipelineStore } from '../../infrastructure/store/index.js';
import { NodeConfigPanel } from './NodeConfigPanel.js';
import { PipelineSettingsPanel } from './PipelineSettingsPanel.js';
import { SelectionPanel } from './SelectionPanel.js';
import { TopicOptions } from './fields/TopicField.js';
import { useTopics } from './use-topics.js';
import './node-config.css';

/** The side panel's settings view: the selected node's form, the selection, or the pipeline's. */
export function ConfigSidebar() {
  const node = usePipelineStore(selectFocusedNode);
  const selected = usePipelineStore(useShallow(selectSelectedNodeIds));
  const { topics, refresh } = useTopics();
  return (
    <div className="config-sidebar">
      <TopicOptions topics={topics} />
      {node ? (
        <NodeConfigPanel key={node.id} node={node} topics={topics} refreshTopics={refresh} />
      ) : selected.length > 1 ? (
        <SelectionPanel count={selected.length} />
      ) : (
        <PipelineSettingsPanel topics={topics} refreshTopics={refresh} />
      )}
    </div>
  );
}
