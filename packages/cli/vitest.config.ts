import { defineProject } from 'vitest/config';

export default defineProject({
  // Integration suites drive real broker processes and clients; on a busy 2-core machine a step
  // can take seconds. These bound hangs, they are not performance limits.
  test: { name: 'cli', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
