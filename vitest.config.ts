import { defineConfig } from 'vitest/config';

// One run over every workspace package, so `pnpm test` ends with vitest's own summary.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*'],
  },
});
