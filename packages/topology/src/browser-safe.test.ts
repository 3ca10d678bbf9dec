import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The designer bundles this package for the browser: its sources must not reach for Node.
const root = new URL('.', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('browser safety', () => {
  it('uses no Node-only modules or globals, and no eval', () => {
    const files = sources(root);
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const found = [/from 'node:/, /\bBuffer\b/, /\bprocess\./, /\brequire\(/, /\beval\(/, /new Function\(/].filter((re) => re.test(text));
      return found.map((re) => `${relative(root, file)}: ${re.source}`);
    });
    expect(offenders).toEqual([]);
  });
});
