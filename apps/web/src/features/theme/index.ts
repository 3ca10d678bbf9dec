export { ThemeToggle, useTheme } from './ThemeToggle.js';
export { applyThemeToDocument, themeStore, type Theme } from './theme-store.js';
