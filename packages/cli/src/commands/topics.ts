import type { Admin } from 'kafkajs';
import {
  CommandError,
  exactlyOne,
  onlyWith,
  parseInteger,
  parseKeyValues,
  required,
  resolveBootstrap,
  type CommandSpec,
  type ParsedFlags,
} from '../args/index.js';
import { ConfigResourceTypes, explainConnectionError, protocolErrorType, resolveConnection, withAdmin } from '../kafka/index.js';
import { formatTopicDescription, isInternalTopic, topicNameProblem } from '../topics/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { bootstrapServerFlag, commandConfigFlag } from './common-flags.js';
import { groupsReading } from '../groups/index.js';

const MAX_REPLICATION_FACTOR = 32767;

const spec = {
  name: 'topics',
  summary: 'Create, list, describe, alter or delete topics (as kafka-topics.sh).',
  usage: [
    'sluice topics --create --topic T [--partitions N] [--replication-factor R] [--config k=v …] [--if-not-exists]',
    'sluice topics --list',
    'sluice topics --describe [--topic T]',
    'sluice topics --alter --topic T --partitions N',
    'sluice topics --delete --topic T',
  ],
  description: 'This tool helps to create, delete, describe, or change a topic.',
  flags: {
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    create: { type: 'boolean', help: 'Create a new topic.' },
    list: { type: 'boolean', help: 'List all available topics.' },
    describe: { type: 'boolean', help: 'List details for the given topic, or for all topics.' },
    alter: { type: 'boolean', help: 'Increase the number of partitions of a topic.' },
    delete: { type: 'boolean', help: 'Delete a topic.' },
    topic: { type: 'string', value: 'TOPIC', help: 'The topic to create, alter, describe or delete.' },
    partitions: {
      type: 'string',
      value: 'N',
      help: 'The number of partitions for the topic being created or altered. Without it, --create uses the broker default.',
    },
    'replication-factor': {
      type: 'string',
      value: 'R',
      help: 'The replication factor for each partition of the topic being created. Default: the broker default.',
    },
    config: {
      type: 'string',
      multiple: true,
      value: 'NAME=VALUE',
      help: 'A topic configuration override for the topic being created, e.g. retention.ms=86400000.',
    },
    'if-exists': { type: 'boolean', help: 'With --alter, --delete or --describe: only act if the topic exists.' },
    'if-not-exists': { type: 'boolean', help: 'With --create: do not fail if the topic already exists.' },
    'exclude-internal': { type: 'boolean', help: 'Exclude internal topics when listing or describing.' },
    'topics-with-overrides': { type: 'boolean', help: 'With --describe: only show topics that have overridden configs.' },
  },
} as const satisfies CommandSpec;

type Flags = ParsedFlags<typeof spec.flags>;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const action = exactlyOne(spec.name, f, ['list', 'describe', 'create', 'alter', 'delete']);
  onlyWith(spec.name, f, action, {
    config: ['create'],
    partitions: ['create', 'alter'],
    'replication-factor': ['create'],
    'if-exists': ['alter', 'delete', 'describe'],
    'if-not-exists': ['create'],
    'exclude-internal': ['list', 'describe'],
    'topics-with-overrides': ['describe'],
    topic: ['create', 'alter', 'delete', 'describe', 'list'],
  });
  const brokers = resolveBootstrap(spec.name, f['bootstrap-server'], io.env);
  const connection = resolveConnection(f['command-config'], io);
  // Validate the whole command line before touching the network.
  const plan = planAction(action, f);
  try {
    return await withAdmin({ brokers, connection, env: io.env, stderr: io.stderr }, (admin) => plan(admin, io));
  } catch (err) {
    const unreachable = explainConnectionError(err, brokers, connection);
    if (unreachable) throw new CommandError(unreachable);
    throw err;
  }
}

type Plan = (admin: Admin, io: CommandIO) => Promise<number>;

function planAction(action: string, f: Flags): Plan {
  switch (action) {
    case 'create':
      return planCreate(f);
    case 'list':
      return (admin, io) => listTopics(admin, io, f.topic, f['exclude-internal']);
    case 'describe':
      return (admin, io) => describeTopics(admin, io, f);
    case 'alter': {
      const topic = required(spec.name, 'topic', f.topic);
      const count = parseInteger(spec.name, '--partitions', required(spec.name, 'partitions', f.partitions));
      return (admin) => alterTopic(admin, topic, count, f['if-exists']);
    }
    default: {
      const topic = required(spec.name, 'topic', f.topic);
      return (admin, io) => deleteTopic(admin, io, topic, f['if-exists']);
    }
  }
}

function planCreate(f: Flags): Plan {
  const topic = required(spec.name, 'topic', f.topic);
  const problem = topicNameProblem(topic);
  if (problem) throw new CommandError(problem);
  const partitions = f.partitions === undefined ? undefined : parseInteger(spec.name, '--partitions', f.partitions);
  if (partitions !== undefined && partitions < 1) throw new CommandError('The partitions must be greater than 0');
  const rf =
    f['replication-factor'] === undefined
      ? undefined
      : parseInteger(spec.name, '--replication-factor', f['replication-factor']);
  if (rf !== undefined && (rf < 1 || rf > MAX_REPLICATION_FACTOR)) {
    throw new CommandError(`The replication factor must be between 1 and ${MAX_REPLICATION_FACTOR} inclusive`);
  }
  const configs = parseKeyValues(spec.name, 'config', f.config);
  return async (admin, io) => {
    let created: boolean;
    try {
      created = await admin.createTopics({
        topics: [
          {
            topic,
            ...(partitions !== undefined ? { numPartitions: partitions } : {}),
            ...(rf !== undefined ? { replicationFactor: rf } : {}),
            configEntries: [...configs].map(([name, value]) => ({ name, value })),
          },
        ],
      });
    } catch (err) {
      throw await createFailure(admin, topic, rf, configs, err);
    }
    if (!created) {
      if (f['if-not-exists']) return 0;
      throw new CommandError(`topic "${topic}" already exists.`);
    }
    io.stdout.write(`Created topic ${topic}.\n`);
    return 0;
  };
}

/**
 * kafkajs drops the error_message of CreateTopics responses, so the message Kafka's tool would show
 * is rebuilt from what the cluster tells us.
 */
async function createFailure(
  admin: Admin,
  topic: string,
  rf: number | undefined,
  configs: Map<string, string>,
  err: unknown,
): Promise<unknown> {
  switch (protocolErrorType(err)) {
    case 'INVALID_REPLICATION_FACTOR': {
      const { brokers } = await admin.describeCluster();
      return new CommandError(
        rf === undefined
          ? `the broker's default replication factor is larger than the ${brokers.length} available broker(s); pass --replication-factor ${brokers.length}`
          : `Replication factor: ${rf} larger than available brokers: ${brokers.length}.`,
      );
    }
    case 'INVALID_PARTITIONS':
      return new CommandError('Number of partitions must be larger than 0.');
    case 'INVALID_CONFIG': {
      const given = [...configs.keys()].join(', ') || 'none';
      return new CommandError(`the broker rejected the configs of topic "${topic}" (given: ${given}); check names and values`);
    }
    case 'INVALID_TOPIC_EXCEPTION':
      return new CommandError(`topic name "${topic}" is not valid on this cluster`);
    case undefined:
      return err;
    default:
      return new CommandError(`could not create topic "${topic}": ${(err as Error).message}`);
  }
}

async function listTopics(
  admin: Admin,
  io: CommandIO,
  name: string | undefined,
  excludeInternal: boolean,
): Promise<number> {
  const names = await selectTopics(admin, name, excludeInternal);
  if (names.length > 0) io.stdout.write(names.join('\n') + '\n');
  return 0;
}

/** The named topic if it exists (none otherwise), or every topic when no name is given. */
async function selectTopics(admin: Admin, name: string | undefined, excludeInternal: boolean): Promise<string[]> {
  const all = (await admin.listTopics()).sort();
  if (name !== undefined) return all.filter((n) => n === name);
  return all.filter((n) => !(excludeInternal && isInternalTopic(n)));
}

function missingTopic(name: string): CommandError {
  return new CommandError(`topic "${name}" does not exist.`);
}

async function describeTopics(admin: Admin, io: CommandIO, f: Flags): Promise<number> {
  const names = await selectTopics(admin, f.topic, f['exclude-internal']);
  if (f.topic !== undefined && names.length === 0) {
    if (f['if-exists']) return 0;
    throw missingTopic(f.topic);
  }
  if (names.length === 0) return 0;
  const { topics } = await admin.fetchTopicMetadata({ topics: names });
  const { resources } = await admin.describeConfigs({
    resources: names.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
    includeSynonyms: false,
  });
  let out = '';
  for (const name of names) {
    const meta = topics.find((t) => t.name === name);
    if (!meta) continue;
    const entries = resources.find((r) => r.resourceName === name)?.configEntries ?? [];
    const configs = entries.filter((e) => !e.isDefault).map((e): [string, string] => [e.configName, e.configValue]);
    if (f['topics-with-overrides'] && configs.length === 0) continue;
    out += formatTopicDescription({
      name,
      partitions: meta.partitions.map((p) => ({
        partition: p.partitionId,
        leader: p.leader,
        replicas: p.replicas,
        isr: p.isr,
      })),
      configs,
    });
  }
  io.stdout.write(out);
  return 0;
}

async function alterTopic(admin: Admin, topic: string, count: number, ifExists: boolean): Promise<number> {
  if ((await selectTopics(admin, topic, false)).length === 0) {
    if (ifExists) return 0;
    throw missingTopic(topic);
  }
  const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
  const current = topics[0]?.partitions.length ?? 0;
  if (count < current) {
    throw new CommandError(`Topic currently has ${current} partitions, which is higher than the requested ${count}.`);
  }
  if (count === current) throw new CommandError(`Topic already has ${current} partitions.`);
  await admin.createPartitions({ topicPartitions: [{ topic, count }] });
  return 0;
}

async function deleteTopic(admin: Admin, io: CommandIO, topic: string, ifExists: boolean): Promise<number> {
  if ((await selectTopics(admin, topic, false)).length === 0) {
    if (ifExists) return 0;
    throw missingTopic(topic);
  }
  // Deleted as kafka-topics.sh does, without asking; but whoever reads it is named, since they stop.
  const readers = await groupsReading(admin, topic);
  if (readers.length > 0) {
    const names = readers.map((g) => `'${g}'`).join(', ');
    io.stderr.write(`Warning: consumer group${readers.length > 1 ? 's' : ''} ${names} read${readers.length > 1 ? '' : 's'} topic "${topic}"; ${readers.length > 1 ? 'they stop' : 'it stops'} reading it once it is deleted.\n`);
  }
  await admin.deleteTopics({ topics: [topic] });
  return 0;
}

export const topicsCommand = defineCommand(spec, run);
