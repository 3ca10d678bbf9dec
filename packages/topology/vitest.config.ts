import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'topology', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
