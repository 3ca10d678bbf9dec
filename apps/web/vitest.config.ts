import { defineProject } from 'vitest/config';

// Model and store tests run in node; component tests opt into happy-dom with a file comment.
export default defineProject({
  test: { name: 'web', include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] },
});
