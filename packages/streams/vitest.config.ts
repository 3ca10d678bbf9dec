import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'streams', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
