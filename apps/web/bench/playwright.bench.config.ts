import { defineConfig } from '@playwright/test';
import base from '../playwright.config.js';

/** `pnpm bench:web`: the canvas benchmark, in the same Chromium, against the same real server. */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.bench.ts',
  globalSetup: '../e2e/global-setup.ts',
  timeout: 180_000,
  use: { ...base.use, trace: 'off', screenshot: 'off' },
});
