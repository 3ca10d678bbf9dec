import { isTrue } from '../args/index.js';

/** Where reading starts in `--partition` mode: a position name or an exact offset. */
export type StartOffset = 'earliest' | 'latest' | { exact: string };

/** What the console consumer will do, resolved and checked from its flags. */
export interface ConsumerPlan {
  /** `--topic`, or a RegExp from `--include`. */
  topics: string | RegExp;
  groupId: string;
  /** True for `--group G` (or group.id): commit progress and resume from it next time. */
  commits: boolean;
  /** `--partition P`: read that one partition only. */
  partition?: number;
  /** Without a committed offset: start at the earliest record (`--from-beginning`) or the end. */
  fromBeginning: boolean;
  /** Partition mode only: where to begin. */
  startOffset?: StartOffset;
  maxMessages?: number;
  timeoutMs?: number;
  clientId: string;
  readUncommitted: boolean;
  /** Consumer properties this client cannot apply; the command warns about each. */
  ignored: string[];
}

export interface ConsumerFlags {
  topic?: string;
  include?: string;
  group?: string;
  partition?: string;
  offset?: string;
  fromBeginning: boolean;
  maxMessages?: string;
  timeoutMs?: string;
  isolationLevel?: string;
}

/**
 * Applies kafka-console-consumer.sh's rules and messages (they are thrown as Error; the command
 * turns them into usage errors). `random` picks the throwaway group's suffix.
 */
export function planConsumer(
  flags: ConsumerFlags,
  props: ReadonlyMap<string, string>,
  random: () => number = Math.random,
): ConsumerPlan {
  if ((flags.topic === undefined) === (flags.include === undefined)) {
    throw new Error('exactly one of --topic or --include is required');
  }
  const partition = flags.partition === undefined ? undefined : wholeNumber(flags.partition, '--partition');
  if (partition !== undefined) {
    if (flags.topic === undefined) throw new Error('The topic is required when partition is specified.');
    if (flags.fromBeginning && flags.offset !== undefined) {
      throw new Error('Options from-beginning and offset cannot be specified together.');
    }
  } else if (flags.offset !== undefined) {
    throw new Error('The partition is required when offset is specified.');
  }

  const groupIds = new Set<string>();
  if (flags.group !== undefined) groupIds.add(flags.group);
  if (props.has('group.id')) groupIds.add(props.get('group.id')!);
  if (groupIds.size > 1) {
    const list = [...groupIds].map((g) => `'${g}'`).join(', ');
    throw new Error(
      `The group ids provided in different places (directly using '--group', via '--consumer-property') do not match. Detected group ids: ${list}`,
    );
  }
  if (groupIds.size > 0 && partition !== undefined) {
    throw new Error('Options group and partition cannot be specified together.');
  }

  let fromBeginning = flags.fromBeginning;
  const reset = props.get('auto.offset.reset');
  if (reset !== undefined) {
    if (reset !== 'earliest' && reset !== 'latest') throw new Error(`auto.offset.reset must be earliest or latest, got '${reset}'`);
    if (flags.fromBeginning && reset !== 'earliest') {
      throw new Error(`Can't simultaneously specify --from-beginning and 'auto.offset.reset=${reset}', please remove one option`);
    }
    fromBeginning = reset === 'earliest';
  }

  const isolation = (flags.isolationLevel ?? props.get('isolation.level') ?? 'read_uncommitted').toLowerCase();
  if (isolation !== 'read_uncommitted' && isolation !== 'read_committed') {
    throw new Error(`isolation level must be read_uncommitted or read_committed, got '${isolation}'`);
  }

  const givenGroup = [...groupIds][0];
  const commits = givenGroup !== undefined && (props.has('enable.auto.commit') ? isTrue(props.get('enable.auto.commit')) : true);
  const known = new Set(['group.id', 'client.id', 'auto.offset.reset', 'isolation.level', 'enable.auto.commit']);

  return {
    topics: flags.topic ?? new RegExp(`^(?:${flags.include})$`),
    groupId: givenGroup ?? `console-consumer-${Math.floor(random() * 100000)}`,
    commits,
    ...(partition !== undefined ? { partition, startOffset: startOffset(flags.offset, flags.fromBeginning) } : {}),
    fromBeginning,
    ...(flags.maxMessages !== undefined ? { maxMessages: wholeNumber(flags.maxMessages, '--max-messages') } : {}),
    ...(flags.timeoutMs !== undefined ? { timeoutMs: wholeNumber(flags.timeoutMs, '--timeout-ms') } : {}),
    clientId: props.get('client.id') ?? 'console-consumer',
    readUncommitted: isolation === 'read_uncommitted',
    ignored: [...props.keys()].filter((k) => !known.has(k)),
  };
}

function startOffset(offset: string | undefined, fromBeginning: boolean): StartOffset {
  if (offset === undefined) return fromBeginning ? 'earliest' : 'latest';
  const o = offset.trim().toLowerCase();
  if (o === 'earliest' || o === 'latest') return o;
  if (!/^\d+$/.test(o)) {
    throw new Error(`The provided offset value '${offset}' is incorrect. Valid values are 'earliest', 'latest', or a non-negative long.`);
  }
  return { exact: BigInt(o).toString() };
}

function wholeNumber(text: string, what: string): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`${what} must be a non-negative whole number, got '${text}'`);
  return Number(text.trim());
}
