import { pipelineDetailSchema, pipelineListSchema, pipelinePath, type PipelineSummary } from '@sluice/api';
import * as z from 'zod';
import { CommandError, UsageError, type CommandSpec } from '../args/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { formatIssues, ServerApi, serverFlag, ServerApiError } from './server-api.js';

const spec = {
  name: 'pipelines',
  summary: 'List, show, stop, start and delete the pipelines of a Sluice server.',
  usage: [
    'sluice pipelines list [--server URL]',
    'sluice pipelines get ID [--server URL]',
    'sluice pipelines stop|start|delete ID [--server URL]',
  ],
  description: 'ID is a pipeline id as listed, or its name. `get` prints the pipeline with its definition as JSON.',
  flags: { server: serverFlag },
  positionals: [
    { name: 'ACTION', help: 'list, get, stop, start or delete.' },
    { name: 'ID', help: 'A pipeline id, or its name.' },
  ],
} as const satisfies CommandSpec;

const ACTIONS = ['list', 'get', 'stop', 'start', 'delete'] as const;
type Action = (typeof ACTIONS)[number];

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const [action, ref] = parsed.positionals;
  if (!ACTIONS.includes(action as Action)) {
    throw new UsageError(action ? `unknown action '${action}'; use one of ${ACTIONS.join(', ')}` : `say what to do: ${ACTIONS.join(', ')}`, spec.name);
  }
  if (action === 'list' ? ref !== undefined : ref === undefined) {
    throw new UsageError(action === 'list' ? "'list' takes no ID" : `'${action}' takes one pipeline ID (or name)`, spec.name);
  }
  const api = new ServerApi(parsed.flags.server, io.env);
  const { pipelines } = await api.call('GET', '/api/pipelines', pipelineListSchema);
  if (action === 'list') {
    io.stdout.write(pipelines.length === 0 ? "No pipelines. Deploy one with 'sluice deploy FILE'.\n" : table(pipelines));
    return 0;
  }
  const found = pipelines.find((p) => p.id === ref) ?? pipelines.find((p) => p.name === ref);
  if (!found) throw new CommandError(`no pipeline with id or name "${ref}"; 'sluice pipelines list' shows them`);
  const path = pipelinePath(found.id);
  try {
    switch (action as Exclude<Action, 'list'>) {
      case 'get':
        io.stdout.write(JSON.stringify(await api.call('GET', path, pipelineDetailSchema), null, 2) + '\n');
        break;
      case 'stop':
      case 'start': {
        const after = await api.call('POST', `${path}/${action}`, pipelineDetailSchema);
        io.stdout.write(`pipeline ${after.id} ("${after.name}") is ${after.status}\n`);
        break;
      }
      case 'delete':
        await api.call('DELETE', path, z.unknown());
        io.stdout.write(`pipeline ${found.id} ("${found.name}") deleted\n`);
        break;
    }
  } catch (err) {
    if (err instanceof ServerApiError && err.issues.length > 0) {
      io.stderr.write(`Error: ${err.message}:\n${formatIssues(err.issues)}`);
      return 1;
    }
    throw err;
  }
  return 0;
}

function table(pipelines: readonly PipelineSummary[]): string {
  const rows = [
    ['ID', 'NAME', 'STATUS', 'ERROR'],
    ...pipelines.map((p) => [p.id, p.name, p.valid ? p.status : `${p.status} (draft with issues)`, p.error ?? '']),
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell)).join('  ').trimEnd()).join('\n') + '\n';
}

export const pipelinesCommand = defineCommand(spec, run);
