import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PipelineStore, type StoredPipeline } from './index.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-store-'));
  dirs.push(dir);
  return join(dir, 'pipelines');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const stored = (id: string, desiredState: 'running' | 'stopped' = 'running'): StoredPipeline => ({
  id,
  definition: { schemaVersion: 1, name: id, nodes: [], edges: [] },
  desiredState,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
});

describe('PipelineStore', () => {
  it('saves, reloads and removes pipelines, one file each', async () => {
    const dir = tempDir();
    const store = new PipelineStore(dir);
    expect(await store.open()).toEqual({ pipelines: [], problems: [] });
    await store.save(stored('a-1'));
    await store.save(stored('b-2', 'stopped'));
    await store.save({ ...stored('a-1'), desiredState: 'stopped' });
    expect(readdirSync(dir).sort()).toEqual(['a-1.json', 'b-2.json']);

    const reopened = await new PipelineStore(dir).open();
    expect(reopened.problems).toEqual([]);
    expect(reopened.pipelines).toEqual([{ ...stored('a-1'), desiredState: 'stopped' }, stored('b-2', 'stopped')]);

    await store.remove('a-1');
    expect(readdirSync(dir)).toEqual(['b-2.json']);
  });

  it('removes temporary files a crash left behind and reports damaged files without failing', async () => {
    const dir = tempDir();
    const store = new PipelineStore(dir);
    await store.open();
    await store.save(stored('good-1'));
    writeFileSync(join(dir, '.good-1.json.abcd1234.tmp'), '{"half": ');
    writeFileSync(join(dir, 'torn-1.json'), '{"formatVersion": 1, "id": "torn-1", "defin');
    writeFileSync(join(dir, 'other-2.json'), JSON.stringify({ formatVersion: 1, ...stored('someone-else') }));

    const { pipelines, problems } = await store.open();
    expect(pipelines.map((p) => p.id)).toEqual(['good-1']);
    expect(problems).toHaveLength(2);
    expect(problems.join('\n')).toMatch(/other-2\.json: its id "someone-else" does not match the file name/);
    expect(problems.join('\n')).toMatch(/torn-1\.json/);
    expect(readdirSync(dir).sort()).toEqual(['good-1.json', 'other-2.json', 'torn-1.json']);
    expect(JSON.parse(readFileSync(join(dir, 'good-1.json'), 'utf8')).formatVersion).toBe(1);
  });

  it('refuses ids that could leave the directory', async () => {
    const store = new PipelineStore(tempDir());
    await expect(store.save(stored('../escape'))).rejects.toThrow(/not a pipeline id/);
  });
});
