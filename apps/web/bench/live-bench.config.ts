import { defineConfig } from '@playwright/test';
import base from '../playwright.config.js';

/** `pnpm bench:live`: starts its own broker and server (as processes, to measure them), no global setup. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'live-bench.ts',
  globalSetup: undefined,
  timeout: 600_000,
  use: { ...base.use, trace: 'off', screenshot: 'off' },
});
