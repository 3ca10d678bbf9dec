import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { parseClipboard } from '../../core/index.js';
import { usePipelineStoreApi } from '../../infrastructure/store/index.js';
import { isTyping } from '../../ui/index.js';
import { lastCopiedNodes, rememberCopy } from './app-clipboard.js';

export interface ShortcutHandlers {
  onSave(): void;
  onHelp(): void;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

type Shortcut = 'undo' | 'redo' | 'select-all' | 'duplicate' | 'save' | 'copy' | 'cut' | 'paste' | 'delete' | 'deselect' | 'layout' | 'fit' | 'help';

/** Which shortcut a key press is: Ctrl on Linux and Windows, Cmd on macOS. */
export function shortcutOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>, mac = isMac): Shortcut | null {
  const mod = mac ? event.metaKey : event.ctrlKey;
  const key = event.key.toLowerCase();
  if (mod) {
    if (key === 'z') return event.shiftKey ? 'redo' : 'undo';
    const withMod: Record<string, Shortcut> = { y: 'redo', a: 'select-all', d: 'duplicate', s: 'save', c: 'copy', x: 'cut', v: 'paste' };
    return withMod[key] ?? null;
  }
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.key === '?') return 'help';
  const plain: Record<string, Shortcut> = { delete: 'delete', backspace: 'delete', escape: 'deselect', l: 'layout', f: 'fit' };
  return plain[key] ?? null;
}

/**
 * Editing shortcuts for the open pipeline; listed in the help dialog. They stay out of the way
 * while the person types in a field, where the browser's own undo and clipboard apply.
 */
export function useCanvasShortcuts({ onSave, onHelp }: ShortcutHandlers): void {
  const store = usePipelineStoreApi();
  const flow = useReactFlow();

  useEffect(() => {
    let pasteFallback: ReturnType<typeof setTimeout> | undefined;

    const copy = () => {
      const payload = store.getState().copySelection();
      return payload ? rememberCopy(payload) : null;
    };

    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.defaultPrevented) return;
      const state = store.getState();
      switch (shortcutOf(event)) {
        case 'undo':
          state.undo();
          break;
        case 'redo':
          state.redo();
          break;
        case 'select-all':
          state.selectAll();
          break;
        case 'duplicate':
          state.duplicateSelection();
          break;
        case 'save':
          onSave();
          break;
        case 'delete':
          state.deleteSelection();
          break;
        case 'deselect':
          state.select([]);
          break;
        case 'layout':
          state.autoLayout();
          requestAnimationFrame(() => void flow.fitView({ duration: 200 }));
          break;
        case 'fit':
          void flow.fitView({ duration: 200 });
          break;
        case 'help':
          onHelp();
          break;
        // Clipboard keys also raise copy/cut/paste events; the browser's default must go on.
        case 'copy':
          copy();
          return;
        case 'cut':
          if (copy() !== null) state.deleteSelection();
          return;
        case 'paste':
          // The paste event carries the system clipboard; if the browser sends none, use ours.
          clearTimeout(pasteFallback);
          pasteFallback = setTimeout(() => {
            const payload = lastCopiedNodes();
            if (payload) store.getState().paste(payload);
          }, 60);
          return;
        default:
          return;
      }
      event.preventDefault();
    };

    const onCopy = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const text = copy();
      if (text && event.clipboardData) {
        event.clipboardData.setData('text/plain', text);
        event.preventDefault();
      }
    };

    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target)) return;
      const text = event.clipboardData?.getData('text/plain') ?? '';
      const payload = text ? parseClipboard(text) : null;
      if (!payload) return; // the fallback timer pastes our own copy, if any
      clearTimeout(pasteFallback);
      event.preventDefault();
      store.getState().paste(payload);
    };

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    document.addEventListener('paste', onPaste);
    return () => {
      clearTimeout(pasteFallback);
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, flow, onSave, onHelp]);
}
