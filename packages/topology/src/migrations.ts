import { CURRENT_SCHEMA_VERSION } from './pipeline.js';
import type { ValidationIssue } from './validation/issue.js';

type JsonObject = Record<string, unknown>;

/** One step up: returns a copy of a version `from` document at version `from + 1`, leaving its argument as it was. */
export interface Migration {
  from: number;
  description: string;
  up(document: JsonObject): JsonObject;
}

/**
 * Ordered, one step per version. A change to the document shape bumps CURRENT_SCHEMA_VERSION and
 * appends a step here, so files written by any earlier Sluice keep loading.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description:
      'Documents written before versioning carry no schemaVersion; their shape is version 1, so the step stamps it.',
    up: (document) => ({ ...document, schemaVersion: 1 }),
  },
];

export type MigrationResult =
  | { ok: true; document: JsonObject; fromVersion: number; toVersion: number }
  | { ok: false; issue: ValidationIssue };

export type Migrator = (input: unknown) => MigrationResult;

/** Builds a migrator over a chain of steps; the chain must be contiguous and end at `currentVersion`. */
export function createMigrator(migrations: readonly Migration[], currentVersion: number): Migrator {
  const oldest = migrations.length > 0 ? migrations[0].from : currentVersion;
  migrations.forEach((step, i) => {
    if (step.from !== oldest + i) throw new Error(`migration steps must be contiguous: step ${i} starts at ${step.from}, expected ${oldest + i}`);
  });
  if (oldest + migrations.length !== currentVersion) {
    throw new Error(`migrations end at version ${oldest + migrations.length}, but the current version is ${currentVersion}`);
  }

  return (input) => {
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return fail('not-an-object', '', 'a pipeline must be a JSON object with schemaVersion, name, nodes and edges');
    }
    const raw = (input as JsonObject).schemaVersion;
    const version = raw === undefined ? 0 : raw;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
      return fail('unsupported-version', 'schemaVersion', `schemaVersion must be a whole number such as ${currentVersion}, not ${JSON.stringify(version)}`);
    }
    if (version > currentVersion) {
      return fail(
        'unsupported-version',
        'schemaVersion',
        `schemaVersion ${version} is newer than this Sluice understands (up to ${currentVersion}): upgrade Sluice to open this pipeline`,
      );
    }
    if (version < oldest) {
      return fail('unsupported-version', 'schemaVersion', `schemaVersion ${version} is older than this Sluice can upgrade (from ${oldest})`);
    }
    let document = input as JsonObject;
    for (const step of migrations.slice(version - oldest)) document = step.up(document);
    return { ok: true, document, fromVersion: version, toVersion: currentVersion };
  };
}

function fail(code: ValidationIssue['code'], path: string, message: string): MigrationResult {
  return { ok: false, issue: { code, path, message } };
}

/**
 * Brings a pipeline document of any known version up to CURRENT_SCHEMA_VERSION, step by step.
 * The input is not modified. A document without schemaVersion is version 0.
 */
export const migratePipeline: Migrator = createMigrator(MIGRATIONS, CURRENT_SCHEMA_VERSION);
