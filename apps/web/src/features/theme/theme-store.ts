import { createStore } from 'zustand/vanilla';

export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'sluice.theme';

function initialTheme(): Theme {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'light' || saved === 'dark') return saved;
  } catch {
    // Storage can be blocked; fall back to the system preference.
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

interface ThemeState {
  theme: Theme;
  setTheme(theme: Theme): void;
  toggle(): void;
}

/** The one theme for the whole app, remembered in this browser. */
export const themeStore = createStore<ThemeState>()((set, get) => ({
  theme: initialTheme(),
  setTheme(theme) {
    set({ theme });
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Not remembered, still applied.
    }
  },
  toggle() {
    get().setTheme(get().theme === 'dark' ? 'light' : 'dark');
  },
}));

/** Keeps <html data-theme> in step with the store, so CSS variables switch. */
export function applyThemeToDocument(): () => void {
  const apply = (theme: Theme) => document.documentElement.setAttribute('data-theme', theme);
  apply(themeStore.getState().theme);
  return themeStore.subscribe((state) => apply(state.theme));
}
