import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PROCESSING_GUARANTEES, formatIssue, processingGuaranteeSchema, validatePipeline, type ProcessingGuarantee } from '@sluice/topology';
import { PipelineRunner, type RunnerMetrics } from '@sluice/streams';
import { CommandError, parseInteger, resolveBootstrap, type CommandSpec } from '../args/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { describeConnection, explainSecurityFailure, kafkaJsSecurity } from '@sluice/kafka-admin';
import { resolveConnection } from '../kafka/index.js';
import { bootstrapServerFlag, commandConfigFlag } from './common-flags.js';

const spec = {
  name: 'run',
  summary: 'Run one pipeline in this process, without the server.',
  usage: ['sluice run FILE [--bootstrap-server H:P] [--command-config FILE] [--group G] [--processing-guarantee exactly_once_v2|at_least_once] [--session-timeout-ms MS] [--stats-interval-ms MS]'],
  description:
    'Validates the pipeline JSON in FILE and runs it here until Ctrl-C or SIGTERM, which stop it cleanly ' +
    '(the batch in hand is finished, produced and committed, and the consumer group is left). Several ' +
    'processes running the same pipeline, on one machine or many, share its source partitions through the ' +
    "pipeline's consumer group (sluice-<pipeline name> unless --group or settings.consumerGroup says otherwise). " +
    'Under exactly_once_v2 (the default) a killed process leaves nothing duplicated or lost for read_committed readers.',
  flags: {
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    group: { type: 'string', value: 'GROUP', help: "The consumer group to join. Default: settings.consumerGroup, else sluice-<pipeline name>." },
    'processing-guarantee': {
      type: 'string',
      value: PROCESSING_GUARANTEES.join('|'),
      help: "Overrides the pipeline's processingGuarantee. Default: the pipeline's, else exactly_once_v2.",
    },
    'session-timeout-ms': {
      type: 'string',
      value: 'MS',
      help: "How long the group waits for a silent instance before moving its partitions to the others. Default: 10000.",
    },
    'stats-interval-ms': { type: 'string', value: 'MS', help: 'How often to print a progress line. Default: 10000; 0 turns it off.' },
  },
  positionals: [{ name: 'FILE', help: 'The pipeline JSON.' }],
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const file = parsed.positionals[0];
  if (!file) throw new CommandError("sluice run needs the pipeline's JSON file: sluice run FILE");
  const brokers = resolveBootstrap(spec.name, parsed.flags['bootstrap-server'], io.env);
  const connection = resolveConnection(parsed.flags['command-config'], io);
  const statsEvery = parseInteger(spec.name, '--stats-interval-ms', parsed.flags['stats-interval-ms'] ?? '10000', 0);
  const sessionTimeout = parseInteger(spec.name, '--session-timeout-ms', parsed.flags['session-timeout-ms'] ?? '10000', 1);
  const pipeline = await loadPipeline(resolve(io.cwd, file));
  const guarantee = parseGuarantee(parsed.flags['processing-guarantee']);

  const runner = PipelineRunner.fromPipeline(pipeline, {
    pipelineId: pipeline.name,
    brokers,
    kafkaConfig: kafkaJsSecurity(connection),
    consumerGroup: parsed.flags.group,
    ...(guarantee ? { processingGuarantee: guarantee } : {}),
    sessionTimeout,
    heartbeatInterval: Math.max(100, Math.floor(sessionTimeout / 10)),
  });
  try {
    await runner.start();
  } catch (err) {
    throw new CommandError(`pipeline "${pipeline.name}" could not start: ${explainSecurityFailure(err, connection) ?? (err as Error).message}`);
  }
  io.stdout.write(`pipeline "${pipeline.name}" running in consumer group ${runner.consumerGroup} on ${brokers.join(',')} (${describeConnection(connection)}, ${runner.processingGuarantee})\n`);

  const sourceIds = pipeline.nodes.filter((n) => n.type === 'source').map((n) => n.id);
  const progress = () => progressLine(runner.metrics(), sourceIds);
  const stats = statsEvery > 0 ? setInterval(() => io.stdout.write(`${progress()}\n`), statsEvery) : undefined;
  const signalled = new Promise<string>((done) => {
    process.once('SIGINT', () => done('SIGINT'));
    process.once('SIGTERM', () => done('SIGTERM'));
  });
  const outcome = await Promise.race([signalled, runner.done.then(() => 'stopped', (err: Error) => err)]);
  clearInterval(stats);
  if (outcome instanceof Error) {
    io.stderr.write(`sluice run: pipeline "${pipeline.name}" failed: ${explainSecurityFailure(outcome, connection) ?? outcome.message}\n`);
    return 1;
  }
  if (outcome !== 'stopped') await runner.stop();
  io.stdout.write(`${progress()}\npipeline "${pipeline.name}" stopped cleanly\n`);
  return 0;
}

async function loadPipeline(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CommandError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CommandError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const result = validatePipeline(json);
  if (!result.ok) {
    const lines = result.issues.map((issue) => `  ${formatIssue(issue)}`).join('\n');
    throw new CommandError(`${path} is not a valid pipeline (${result.issues.length} problem(s)):\n${lines}`);
  }
  return result.pipeline;
}

/** One line an operator can follow: what came in and went out, errors, and how far behind we are. */
function progressLine(m: RunnerMetrics, sourceIds: string[]): string {
  const errors = Object.values(m.nodes).reduce((n, node) => n + node.errors, 0);
  const consumed = sourceIds.reduce((n, id) => n + (m.nodes[id]?.recordsIn ?? 0), 0);
  return (
    `consumed ${consumed}, produced ${m.recordsProduced}, dead-lettered ${m.deadLettersProduced}, errors ${errors}, ` +
    `lag ${m.totalLag}, partitions ${m.sources.map((s) => `${s.topic}-${s.partition}`).join(' ') || 'none'}`
  );
}

export const runCommand = defineCommand(spec, run);

function parseGuarantee(value: string | undefined): ProcessingGuarantee | undefined {
  if (value === undefined) return undefined;
  const parsed = processingGuaranteeSchema.safeParse(value);
  if (!parsed.success) throw new CommandError(`--processing-guarantee must be ${PROCESSING_GUARANTEES.join(' or ')}, got '${value}'`);
  return parsed.data;
}
