import { defineProject } from 'vitest/config';

export default defineProject({
  // The integration test drives a real broker process; this bounds hangs, it is no performance limit.
  test: { name: 'kafka-codecs', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
