import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'kafka-protocol', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
