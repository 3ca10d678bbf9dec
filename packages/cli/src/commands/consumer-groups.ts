import { commitAsSoleMember } from '@sluice/kafka-admin';
import type { Admin, Kafka } from 'kafkajs';
import {
  CommandError,
  UsageError,
  exactlyOne,
  onlyWith,
  resolveBootstrap,
  type CommandSpec,
  type ParsedFlags,
} from '../args/index.js';
import { errorChain, explainConnectionError, resolveConnection, withAdmin } from '../kafka/index.js';
import {
  buildMemberRows,
  buildOffsetRows,
  committedOffsets,
  describeGroup,
  formatMembersTable,
  formatOffsetsTable,
  formatResetTable,
  isInactive,
  listConsumerGroups,
  logRanges,
  parseTopicArg,
  parseTopicPartitionKey,
  partitionsOf,
  planReset,
  topicPartitionKey,
  type PartitionState,
  type ResetRow,
  type ResetScenario,
  type TopicPartitionRef,
} from '../groups/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { bootstrapServerFlag, commandConfigFlag } from './common-flags.js';

const SCENARIOS = ['to-earliest', 'to-latest', 'to-current', 'to-offset', 'shift-by'] as const;

const spec = {
  name: 'consumer-groups',
  summary: 'List, describe, delete consumer groups and reset their offsets (as kafka-consumer-groups.sh).',
  usage: [
    'sluice consumer-groups --list',
    'sluice consumer-groups --describe --group G [--members]',
    'sluice consumer-groups --delete --group G',
    'sluice consumer-groups --reset-offsets --group G --topic T[:P,P] (--to-earliest|--to-latest|--to-offset N|--shift-by N) (--dry-run|--execute)',
  ],
  description: 'This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.',
  flags: {
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    list: { type: 'boolean', help: 'List all consumer groups.' },
    describe: { type: 'boolean', help: 'Describe the group: its partitions with offsets and lag, or its --members.' },
    delete: { type: 'boolean', help: 'Delete the group (it must have no active members).' },
    'reset-offsets': { type: 'boolean', help: 'Reset the group\'s committed offsets (the group must be inactive).' },
    group: { type: 'string', multiple: true, value: 'GROUP', help: 'The consumer group.' },
    'all-groups': { type: 'boolean', help: 'Apply to all consumer groups.' },
    topic: {
      type: 'string',
      multiple: true,
      value: 'TOPIC[:P,P]',
      help: 'With --reset-offsets: the topic, optionally with the partitions to reset.',
    },
    'all-topics': { type: 'boolean', help: 'With --reset-offsets: every topic the group has offsets for.' },
    'to-earliest': { type: 'boolean', help: 'Reset offsets to the earliest offset.' },
    'to-latest': { type: 'boolean', help: 'Reset offsets to the latest offset.' },
    'to-current': { type: 'boolean', help: 'Reset offsets to the current committed offset.' },
    'to-offset': { type: 'string', value: 'N', help: 'Reset offsets to this offset (kept within the log).' },
    'shift-by': { type: 'string', value: 'N', help: 'Move committed offsets by N (negative: back).' },
    'dry-run': { type: 'boolean', help: 'Only show the new offsets (the default).' },
    execute: { type: 'boolean', help: 'Commit the new offsets.' },
    members: { type: 'boolean', help: 'With --describe: show the members instead of the partitions.' },
    offsets: { type: 'boolean', help: 'With --describe: show the partitions with offsets and lag (the default).' },
  },
} as const satisfies CommandSpec;

type Flags = ParsedFlags<typeof spec.flags>;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const action = exactlyOne(spec.name, f, ['list', 'describe', 'delete', 'reset-offsets']);
  onlyWith(spec.name, f, action, {
    group: ['describe', 'delete', 'reset-offsets'],
    'all-groups': ['describe', 'delete', 'reset-offsets'],
    topic: ['reset-offsets'],
    'all-topics': ['reset-offsets'],
    ...Object.fromEntries(SCENARIOS.map((s) => [s, ['reset-offsets']])),
    'dry-run': ['reset-offsets'],
    execute: ['reset-offsets'],
    members: ['describe'],
    offsets: ['describe'],
  });
  if (action !== 'list' && f.group.length === 0 && !f['all-groups']) {
    throw new UsageError(`--${action} needs --group GROUP (or --all-groups)`, spec.name);
  }
  const scenario = action === 'reset-offsets' ? resetScenario(f) : undefined;
  if (action === 'reset-offsets') {
    if (f.topic.length === 0 && !f['all-topics']) {
      throw new UsageError('One of the reset scopes should be defined: --all-topics, --topic.', spec.name);
    }
    if (f['dry-run'] && f.execute) throw new UsageError('Option --reset-offsets only accepts one of --execute and --dry-run', spec.name);
    if (!f['dry-run'] && !f.execute) {
      io.stderr.write(
        'WARN: No action will be performed as the --execute option is missing. ' +
          'Add --dry-run to only show the new offsets, or --execute to apply them.\n',
      );
    }
  }
  const brokers = resolveBootstrap(spec.name, f['bootstrap-server'], io.env);
  const connection = resolveConnection(f['command-config'], io);
  try {
    return await withAdmin({ brokers, connection, env: io.env, stderr: io.stderr }, async (admin, kafka) => {
      const groups = f['all-groups'] ? await listConsumerGroups(admin) : f.group;
      switch (action) {
        case 'list':
          return listGroups(admin, io);
        case 'describe':
          return describeGroups(admin, io, groups, f.members && !f.offsets);
        case 'delete':
          return deleteGroups(admin, io, groups);
        default:
          return resetOffsets(admin, kafka, io, groups, f, scenario!);
      }
    });
  } catch (err) {
    const unreachable = explainConnectionError(err, brokers, connection);
    if (unreachable) throw new CommandError(unreachable);
    throw err;
  }
}

function resetScenario(f: Flags): ResetScenario {
  const given = SCENARIOS.filter((s) => (typeof f[s] === 'string' ? true : f[s] === true));
  if (given.length !== 1) {
    throw new UsageError(
      `Option --reset-offsets requires exactly one of the following scenarios: ${SCENARIOS.map((s) => `--${s}`).join(', ')}`,
      spec.name,
    );
  }
  const number = (flag: 'to-offset' | 'shift-by') => {
    const text = (f[flag] ?? '').trim();
    if (!/^-?\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number, got '${f[flag]}'`, spec.name);
    return BigInt(text);
  };
  switch (given[0]) {
    case 'to-offset':
      return { kind: 'to-offset', offset: number('to-offset') };
    case 'shift-by':
      return { kind: 'shift-by', shift: number('shift-by') };
    default:
      return { kind: given[0] } as ResetScenario;
  }
}

async function listGroups(admin: Admin, io: CommandIO): Promise<number> {
  const groups = await listConsumerGroups(admin);
  if (groups.length > 0) io.stdout.write(groups.join('\n') + '\n');
  return 0;
}

async function describeGroups(admin: Admin, io: CommandIO, groups: string[], membersView: boolean): Promise<number> {
  let exit = 0;
  for (const groupId of groups) {
    const group = await describeGroup(admin, groupId);
    if (!group.exists) {
      io.stderr.write(`Error: Consumer group '${groupId}' does not exist.\n`);
      exit = 1;
      continue;
    }
    if (group.state === 'Empty') io.stderr.write(`\nConsumer group '${groupId}' has no active members.\n`);
    if (group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance') {
      io.stderr.write(`\nWarning: Consumer group '${groupId}' is rebalancing.\n`);
    }
    if (membersView) {
      const rows = buildMemberRows(groupId, group.members);
      if (rows.length > 0) io.stdout.write(formatMembersTable(rows));
      continue;
    }
    const committed = await committedOffsets(admin, groupId);
    const topics = new Set<string>();
    for (const m of group.members) for (const tp of m.assignment) topics.add(tp.topic);
    for (const k of committed.keys()) topics.add(parseTopicPartitionKey(k).topic);
    const ranges = await logRanges(admin, topics);
    const logEnd = new Map([...ranges].map(([k, r]) => [k, r.latest]));
    const rows = buildOffsetRows(groupId, group.members, committed, logEnd);
    if (rows.length > 0) io.stdout.write(formatOffsetsTable(rows));
  }
  return exit;
}

async function deleteGroups(admin: Admin, io: CommandIO, groups: string[]): Promise<number> {
  if (groups.length === 0) return 0;
  try {
    await admin.deleteGroups(groups);
  } catch (err) {
    const failed = errorChain(err).find((e) => Array.isArray((e as { groups?: unknown }).groups)) as
      | { groups: Array<{ groupId: string; error?: { message?: string } }> }
      | undefined;
    if (!failed) throw err;
    const reasons = failed.groups.map((g) => `group '${g.groupId}' could not be deleted due to: ${g.error?.message ?? 'unknown error'}`);
    throw new CommandError(`Deletion of some consumer groups failed: ${reasons.join('; ')}`);
  }
  io.stdout.write(`Deletion of requested consumer groups (${groups.map((g) => `'${g}'`).join(', ')}) was successful.\n`);
  return 0;
}

async function resetOffsets(
  admin: Admin,
  kafka: Kafka,
  io: CommandIO,
  groups: string[],
  f: Flags,
  scenario: ResetScenario,
): Promise<number> {
  let exit = 0;
  const rows: ResetRow[] = [];
  for (const groupId of groups) {
    const group = await describeGroup(admin, groupId);
    if (!isInactive(group.state)) {
      io.stderr.write(
        `Error: Assignments can only be reset if the group '${groupId}' is inactive, but the current state is ${group.state}.\n`,
      );
      exit = 1;
      continue;
    }
    const committed = await committedOffsets(admin, groupId);
    const targets = f['all-topics'] ? committedPartitions(committed) : await namedPartitions(admin, f.topic);
    const ranges = await logRanges(admin, targets.map((t) => t.topic));
    const states: PartitionState[] = targets.map((tp) => {
      const range = ranges.get(topicPartitionKey(tp.topic, tp.partition))!;
      const current = committed.get(topicPartitionKey(tp.topic, tp.partition));
      return { ...tp, ...range, ...(current !== undefined ? { committed: current } : {}) };
    });
    let plan;
    try {
      plan = planReset(scenario, states);
    } catch (err) {
      throw new CommandError((err as Error).message);
    }
    for (const w of plan.warnings) io.stderr.write(`WARN: ${w}\n`);
    if (f.execute) await commitAsSoleMember(kafka, groupId, plan.offsets);
    for (const o of plan.offsets) rows.push({ group: groupId, topic: o.topic, partition: o.partition, newOffset: o.offset.toString() });
  }
  if (rows.length > 0) io.stdout.write(formatResetTable(rows));
  return exit;
}

function committedPartitions(committed: Map<string, bigint>): TopicPartitionRef[] {
  return [...committed.keys()].map(parseTopicPartitionKey);
}

/** `--topic T` and `--topic T:0,1` → partitions, checked against the cluster as Kafka does. */
async function namedPartitions(admin: Admin, args: string[]): Promise<TopicPartitionRef[]> {
  let parsed;
  try {
    parsed = args.map(parseTopicArg);
  } catch (err) {
    throw new UsageError((err as Error).message, spec.name);
  }
  const known = await partitionsOf(admin, parsed.map((p) => p.topic));
  const out: TopicPartitionRef[] = [];
  const missing: string[] = [];
  for (const { topic, partitions } of parsed) {
    const existing = known.get(topic);
    if (existing === undefined) throw new CommandError(`topic "${topic}" does not exist.`);
    for (const partition of partitions ?? existing) {
      if (existing.includes(partition)) out.push({ topic, partition });
      else missing.push(`${topic}-${partition}`);
    }
  }
  if (missing.length > 0) throw new CommandError(`The partitions "${missing.join(',')}" do not exist`);
  return out;
}

export const consumerGroupsCommand = defineCommand(spec, run);
