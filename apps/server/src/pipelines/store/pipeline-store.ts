import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isTemporaryFile, writeFileAtomic } from './atomic-file.js';

export type DesiredState = 'running' | 'stopped';

/** One pipeline as kept on disk: `<dataDir>/pipelines/<id>.json`. */
export interface StoredPipeline {
  readonly id: string;
  /** The document as saved: a validated pipeline, or a draft as written (drafts may be invalid). */
  readonly definition: Record<string, unknown>;
  /** Whether it should run; pipelines that should are started again when the server starts. */
  readonly desiredState: DesiredState;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** When it was last deployed (started or redeployed). */
  readonly deployedAt?: string;
}

const FORMAT_VERSION = 1;
const ID = /^[a-z0-9][a-z0-9-]{0,80}$/;

/** The pipeline files of a data directory. Every write replaces its file atomically. */
export class PipelineStore {
  constructor(readonly dir: string) {}

  /** Reads every pipeline; unreadable files are reported, not fatal, and crash leftovers removed. */
  async open(): Promise<{ pipelines: StoredPipeline[]; problems: string[] }> {
    await mkdir(this.dir, { recursive: true });
    const pipelines: StoredPipeline[] = [];
    const problems: string[] = [];
    for (const name of (await readdir(this.dir)).sort()) {
      const path = join(this.dir, name);
      if (isTemporaryFile(name)) {
        await rm(path, { force: true });
        continue;
      }
      if (!name.endsWith('.json')) continue;
      try {
        pipelines.push(parseStored(JSON.parse(await readFile(path, 'utf8')), name.slice(0, -'.json'.length)));
      } catch (err) {
        problems.push(`${path}: ${err instanceof Error ? err.message : String(err)}; the file is left as it is and the pipeline not loaded`);
      }
    }
    return { pipelines, problems };
  }

  async save(pipeline: StoredPipeline): Promise<void> {
    const content = JSON.stringify({ formatVersion: FORMAT_VERSION, ...pipeline }, null, 2) + '\n';
    await writeFileAtomic(this.pathOf(pipeline.id), content);
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  private pathOf(id: string): string {
    if (!ID.test(id)) throw new Error(`"${id}" is not a pipeline id`);
    return join(this.dir, `${id}.json`);
  }
}

function parseStored(raw: unknown, fileId: string): StoredPipeline {
  if (typeof raw !== 'object' || raw === null) throw new Error('not a JSON object');
  const r = raw as Record<string, unknown>;
  if (r.formatVersion !== FORMAT_VERSION) throw new Error(`unknown formatVersion ${JSON.stringify(r.formatVersion)}`);
  if (r.id !== fileId) throw new Error(`its id ${JSON.stringify(r.id)} does not match the file name`);
  if (typeof r.definition !== 'object' || r.definition === null || Array.isArray(r.definition)) throw new Error('definition is missing');
  if (r.desiredState !== 'running' && r.desiredState !== 'stopped') throw new Error('desiredState must be "running" or "stopped"');
  if (typeof r.createdAt !== 'string' || typeof r.updatedAt !== 'string') throw new Error('createdAt and updatedAt are required');
  return {
    id: fileId,
    definition: r.definition as Record<string, unknown>,
    desiredState: r.desiredState,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    ...(typeof r.deployedAt === 'string' ? { deployedAt: r.deployedAt } : {}),
  };
}
