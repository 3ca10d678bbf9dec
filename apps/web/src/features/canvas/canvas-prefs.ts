import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

const KEY = 'sluice.canvas';

interface CanvasPrefs {
  snapToGrid: boolean;
  showMinimap: boolean;
  toggleSnap(): void;
  toggleMinimap(): void;
}

function load(): Pick<CanvasPrefs, 'snapToGrid' | 'showMinimap'> {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<CanvasPrefs>;
    return { snapToGrid: saved.snapToGrid ?? true, showMinimap: saved.showMinimap ?? true };
  } catch {
    return { snapToGrid: true, showMinimap: true };
  }
}

/** Canvas preferences that follow the person across pipelines, kept in this browser. */
const canvasPrefs = createStore<CanvasPrefs>()((set, get) => {
  const persist = () => {
    try {
      const { snapToGrid, showMinimap } = get();
      localStorage.setItem(KEY, JSON.stringify({ snapToGrid, showMinimap }));
    } catch {
      // Preferences then last for this page only.
    }
  };
  return {
    ...load(),
    toggleSnap() {
      set({ snapToGrid: !get().snapToGrid });
      persist();
    },
    toggleMinimap() {
      set({ showMinimap: !get().showMinimap });
      persist();
    },
  };
});

export function useCanvasPrefs<T>(selector: (prefs: CanvasPrefs) => T): T {
  return useStore(canvasPrefs, selector);
}

export const GRID = 16;
