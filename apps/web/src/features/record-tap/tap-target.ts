import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Where a tap panel reads from: a node or an edge of a running pipeline, or a topic (dead letters). */
export type TapTarget =
  | { kind: 'node'; pipelineId: string; nodeId: string; label: string }
  | { kind: 'edge'; pipelineId: string; edgeId: string; label: string }
  | { kind: 'topic'; topic: string; label: string };

interface TapTargetState {
  target: TapTarget | null;
}

const store = createStore<TapTargetState>()(() => ({ target: null }));

/** Opens the record panel on a place (replacing the one open). */
export function openTap(target: TapTarget): void {
  store.setState({ target });
}

export function closeTap(): void {
  store.setState({ target: null });
}

export function useTapTarget(): TapTarget | null {
  return useStore(store, (s) => s.target);
}

/** Whether the panel shows this exact place, so its opener can look pressed. */
export function useIsTapped(kind: TapTarget['kind'], id: string): boolean {
  return useStore(store, (s) => {
    const t = s.target;
    if (!t || t.kind !== kind) return false;
    return (t.kind === 'node' ? t.nodeId : t.kind === 'edge' ? t.edgeId : t.topic) === id;
  });
}

export function tapKey(target: TapTarget): string {
  switch (target.kind) {
    case 'node':
      return `node:${target.pipelineId}:${target.nodeId}`;
    case 'edge':
      return `edge:${target.pipelineId}:${target.edgeId}`;
    case 'topic':
      return `topic:${target.topic}`;
  }
}
