import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type IsValidConnection,
  type OnConnectEnd,
  type OnEdgesChange,
  type OnNodesChange,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { isNodeType, nodeTypeInfo } from '@sluice/topology';
import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { checkConnection, DEFAULT_NODE_SIZE } from '../../core/index.js';
import { usePipelineStore, usePipelineStoreApi } from '../../infrastructure/store/index.js';
import { LiveCanvasLayer, liveEdgeTypes } from '../live/index.js';
import { useTheme } from '../theme/index.js';
import { CanvasToolbar } from './CanvasToolbar.js';
import { GRID, useCanvasPrefs } from './canvas-prefs.js';
import { nodeTypes } from './node-types.js';
import type { FlowNode } from './PipelineNodeView.js';
import { useCanvasShortcuts, type ShortcutHandlers } from './use-canvas-shortcuts.js';
import './canvas.css';

/** What the palette puts in a drag, so a drop knows which node type to add. */
export const NODE_TYPE_MIME = 'application/x-sluice-node-type';

const SNAP: [number, number] = [GRID, GRID];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.25 };
const DEFAULT_EDGE_OPTIONS = { interactionWidth: 16 };

/** The editing surface of one pipeline, wired to its store. */
export function Canvas(handlers: ShortcutHandlers) {
  const store = usePipelineStoreApi();
  const nodes = usePipelineStore((s) => s.doc.nodes) as FlowNode[];
  const edges = usePipelineStore((s) => s.doc.edges) as Edge[];
  // The store's nodes are React Flow nodes with the designer's data; the changes fit them as they are.
  const onNodesChange = usePipelineStore((s) => s.onNodesChange) as unknown as OnNodesChange<FlowNode>;
  const onEdgesChange = usePipelineStore((s) => s.onEdgesChange) as unknown as OnEdgesChange<Edge>;
  const snapToGrid = useCanvasPrefs((p) => p.snapToGrid);
  const showMinimap = useCanvasPrefs((p) => p.showMinimap);
  const theme = useTheme();
  const flow = useReactFlow();
  // Fit a loaded pipeline into view once; an empty one keeps the default zoom, so the first
  // node dropped on it does not make the view jump.
  const [fitOnOpen] = useState(() => store.getState().doc.nodes.length > 0);
  useCanvasShortcuts(handlers);

  // Refused while dragging: React Flow marks the hovered handle invalid and won't connect.
  const isValidConnection = useCallback<IsValidConnection>(
    (connection) => checkConnection(store.getState().doc, connection).ok,
    [store],
  );

  const onConnect = useCallback((connection: Connection) => void store.getState().connect(connection), [store]);

  // Say why a connection was refused, rather than letting the line just snap back.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_event, state) => {
      if (state.isValid !== false || !state.fromNode || !state.toNode || !state.fromHandle) return;
      const fromSource = state.fromHandle.type === 'source';
      const attempt = fromSource
        ? { source: state.fromNode.id, sourceHandle: state.fromHandle.id, target: state.toNode.id }
        : { source: state.toNode.id, sourceHandle: state.toHandle?.id, target: state.fromNode.id };
      const check = checkConnection(store.getState().doc, attempt);
      if (!check.ok) store.getState().showNotice(check.reason);
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_TYPE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_TYPE_MIME);
      if (!isNodeType(type)) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The node lands centred under the pointer, as it was "held" in the middle.
      store.getState().addNode(type, { x: at.x - DEFAULT_NODE_SIZE.width / 2, y: at.y - DEFAULT_NODE_SIZE.height / 2 });
    },
    [flow, store],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop} data-testid="canvas">
      <ReactFlow<FlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={liveEdgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        colorMode={theme}
        snapToGrid={snapToGrid}
        snapGrid={SNAP}
        deleteKeyCode={null}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.05}
        maxZoom={2}
        onlyRenderVisibleElements
        proOptions={{ hideAttribution: false }}
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.2} color="var(--canvas-dots)" />
        <Controls showInteractive={false} position="bottom-left" />
        {showMinimap ? <MiniMap pannable zoomable position="bottom-right" ariaLabel="Minimap" nodeClassName={minimapClass} nodeBorderRadius={6} /> : null}
        <Panel position="top-left">
          <CanvasToolbar onHelp={handlers.onHelp} />
        </Panel>
        <Panel position="top-center">
          <Notice />
        </Panel>
        <LiveCanvasLayer />
        {nodes.length === 0 ? (
          <Panel position="top-center" className="canvas-empty">
            <strong>An empty pipeline</strong>
            <span>Drag a Source, processors and a Sink from the palette, or focus an entry and press Enter.</span>
          </Panel>
        ) : null}
      </ReactFlow>
    </div>
  );
}

const minimapClass = (node: FlowNode) => `minimap-node-${nodeTypeInfo(node.type ?? 'map').category.toLowerCase()}`;

/** A passing message (why a connection was refused, what was imported) that fades on its own. */
function Notice() {
  const notice = usePipelineStore((s) => s.notice);
  const showNotice = usePipelineStore((s) => s.showNotice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => showNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice, showNotice]);
  if (!notice) return null;
  return (
    <div className="canvas-notice" role="status">
      {notice}
    </div>
  );
}
