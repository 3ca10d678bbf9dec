import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipelineDeployPath, pipelineDetailSchema, pipelineListSchema } from '@sluice/api';
import { CommandError, UsageError, type CommandSpec } from '../args/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { formatIssues, ServerApi, serverFlag, ServerApiError } from './server-api.js';

const spec = {
  name: 'deploy',
  summary: 'Deploy a pipeline JSON file to a Sluice server, so that it runs (new, stopped or running).',
  usage: ['sluice deploy FILE [--server URL]'],
  description:
    'Reads the pipeline document in FILE and deploys it, so that it runs: a new pipeline is created and started; ' +
    'when the server already has a pipeline with the same name, its definition is replaced and it is started if ' +
    'it was stopped (or failed), or redeployed if it runs (POST /api/pipelines/:id/deploy). ' +
    'Validation problems are printed one per line as path: message.',
  flags: { server: serverFlag },
  positionals: [{ name: 'FILE', help: 'The pipeline document (JSON).' }],
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const { positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError('give exactly one pipeline file: sluice deploy FILE', spec.name);
  const file = resolve(io.cwd, positionals[0]!);
  const document = await readDocument(file);
  const name = typeof document.name === 'string' ? document.name : undefined;
  if (!name) throw new CommandError(`${positionals[0]} has no "name"; a pipeline is deployed under its name`);

  const api = new ServerApi(parsed.flags.server, io.env);
  const { pipelines } = await api.call('GET', '/api/pipelines', pipelineListSchema);
  const existing = pipelines.find((p) => p.name === name);
  try {
    if (existing) {
      // One verb whatever its state: a stopped pipeline is started, a running one redeployed.
      const updated = await api.call('POST', pipelineDeployPath(existing.id), pipelineDetailSchema, document);
      const how =
        existing.desiredState !== 'running' ? 'started' : updated.deployedAt !== existing.deployedAt ? 'redeployed' : 'saved; what runs is unchanged';
      io.stdout.write(`updated "${name}" (${updated.id}): ${how}, ${updated.status}\n`);
    } else {
      const created = await api.call('POST', '/api/pipelines', pipelineDetailSchema, document);
      io.stdout.write(`deployed "${name}" as ${created.id} (${created.status})\n`);
    }
  } catch (err) {
    if (err instanceof ServerApiError && err.status === 400 && err.issues.length > 0) {
      io.stderr.write(`Error: pipeline "${name}" in ${positionals[0]} is not valid:\n${formatIssues(err.issues)}`);
      return 1;
    }
    throw err;
  }
  return 0;
}

async function readDocument(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CommandError(code === 'ENOENT' ? `${file} does not exist` : `cannot read ${file}: ${(err as Error).message}`);
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (err) {
    throw new CommandError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new CommandError(`${file} must hold a pipeline document (a JSON object with schemaVersion, name, nodes and edges)`);
  }
  return document as Record<string, unknown>;
}

export const deployCommand = defineCommand(spec, run);
