import { describe, expect, it } from 'vitest';
import { createMigrator, migratePipeline, type Migration } from './migrations.js';
import { CURRENT_SCHEMA_VERSION } from './pipeline.js';

describe('migratePipeline', () => {
  it('leaves a current document as it is', () => {
    const doc = { schemaVersion: CURRENT_SCHEMA_VERSION, name: 'p', nodes: [] };
    expect(migratePipeline(doc)).toEqual({ ok: true, document: doc, fromVersion: 1, toVersion: 1 });
  });

  it('upgrades a document without schemaVersion (version 0), without touching the input', () => {
    const doc = { name: 'p', nodes: [] };
    const result = migratePipeline(doc);
    expect(result).toEqual({ ok: true, document: { name: 'p', nodes: [], schemaVersion: 1 }, fromVersion: 0, toVersion: 1 });
    expect(doc).toEqual({ name: 'p', nodes: [] });
  });

  it('refuses a newer version with a clear error', () => {
    expect(migratePipeline({ schemaVersion: 2, name: 'p' })).toEqual({
      ok: false,
      issue: {
        code: 'unsupported-version',
        path: 'schemaVersion',
        message: 'schemaVersion 2 is newer than this Sluice understands (up to 1): upgrade Sluice to open this pipeline',
      },
    });
  });

  it.each([['1'], [1.5], [-1], [null]])('refuses schemaVersion %j', (version) => {
    const result = migratePipeline({ schemaVersion: version });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issue.message).toMatch(/^schemaVersion must be a whole number such as 1, not /);
  });

  it.each([[null], [[]], ['pipeline'], [3]])('refuses %j as a document', (input) => {
    const result = migratePipeline(input);
    expect(!result.ok && result.issue).toMatchObject({ code: 'not-an-object', path: '' });
  });
});

describe('createMigrator', () => {
  // A made-up history: v1 named the filter expression `condition`, v2 added `labels`.
  const steps: Migration[] = [
    { from: 1, description: 'rename condition', up: (d) => ({ ...d, schemaVersion: 2, renamed: true, order: [...((d.order as string[]) ?? []), '1→2'] }) },
    { from: 2, description: 'add labels', up: (d) => ({ ...d, schemaVersion: 3, labels: [], order: [...(d.order as string[]), '2→3'] }) },
  ];
  const migrate = createMigrator(steps, 3);

  it('applies each step in order from the document version', () => {
    expect(migrate({ schemaVersion: 1 })).toEqual({
      ok: true,
      document: { schemaVersion: 3, renamed: true, labels: [], order: ['1→2', '2→3'] },
      fromVersion: 1,
      toVersion: 3,
    });
    expect(migrate({ schemaVersion: 2, order: [] })).toMatchObject({ ok: true, document: { order: ['2→3'] }, fromVersion: 2 });
  });

  it('refuses versions older than the first step and newer than the last', () => {
    expect(migrate({ schemaVersion: 0 })).toMatchObject({ ok: false, issue: { message: 'schemaVersion 0 is older than this Sluice can upgrade (from 1)' } });
    expect(migrate({ schemaVersion: 4 })).toMatchObject({ ok: false, issue: { path: 'schemaVersion' } });
  });

  it('insists on a contiguous chain ending at the current version', () => {
    expect(() => createMigrator([steps[1], steps[0]], 3)).toThrow(/contiguous/);
    expect(() => createMigrator(steps, 4)).toThrow(/current version is 4/);
  });
});
