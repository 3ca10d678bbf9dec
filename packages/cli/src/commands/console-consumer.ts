import { fixedAssignment } from '@sluice/kafka-admin';
import { isCoveredByUndecodableBatch, undecodableBatchReason } from '@sluice/kafka-codecs';
import type { Consumer, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import {
  CommandError,
  UsageError,
  parseKeyValues,
  resolveBootstrap,
  type CommandSpec,
} from '../args/index.js';
import { createKafka, explainConnectionError, resolveConnection } from '../kafka/index.js';
import {
  ConsumeSession,
  FORMATTER_PROPERTIES,
  formatRecord,
  formatterOptionsFrom,
  planConsumer,
  type ConsumedRecord,
  type ConsumerPlan,
  type FormatterOptions,
} from '../consumer/index.js';
import { defineCommand, type CommandIO, type Parsed } from '../command.js';
import { bootstrapServerFlag, commandConfigFlag } from './common-flags.js';

const spec = {
  name: 'console-consumer',
  summary: 'Print records of a topic to stdout (as kafka-console-consumer.sh).',
  usage: [
    'sluice console-consumer --topic T [--from-beginning] [--group G] [--max-messages N] [--timeout-ms MS] [--property print.key=true …]',
    'sluice console-consumer --topic T --partition P [--offset O|earliest|latest] …',
  ],
  description:
    'This tool reads records from a topic and writes them to standard output, one per line. Without --group it ' +
    'reads as a throwaway group and commits nothing; with --group it commits what it printed and resumes there next ' +
    'time. On exit it prints "Processed a total of N messages" to stderr. Formatter properties: print.timestamp, ' +
    'print.key, print.value, print.partition, print.offset, print.headers, key.separator, line.separator, ' +
    'headers.separator, null.literal.',
  flags: {
    'bootstrap-server': bootstrapServerFlag,
    'command-config': commandConfigFlag,
    'consumer.config': { ...commandConfigFlag, help: 'Same as --command-config (the name kafka-console-consumer.sh uses).' },
    topic: { type: 'string', value: 'TOPIC', help: 'The topic to consume from.' },
    include: { type: 'string', value: 'REGEX', help: 'A regular expression naming the topics to consume from (instead of --topic).' },
    group: { type: 'string', value: 'GROUP', help: 'The consumer group: commit progress and resume from it.' },
    partition: { type: 'string', value: 'P', help: 'Read only this partition. It starts at the end unless --offset is given.' },
    offset: { type: 'string', value: 'O|earliest|latest', help: 'With --partition: where to start. Default: latest.' },
    'from-beginning': {
      type: 'boolean',
      help: 'Start with the earliest record when there is no committed offset, rather than the latest.',
    },
    'max-messages': { type: 'string', value: 'N', help: 'Exit after printing this many records.' },
    'timeout-ms': { type: 'string', value: 'MS', help: 'Exit when no record arrives for this long.' },
    property: { type: 'string', multiple: true, value: 'KEY=VALUE', help: 'A formatter property, e.g. print.key=true.' },
    'formatter-property': { type: 'string', multiple: true, value: 'KEY=VALUE', help: 'Same as --property.' },
    'consumer-property': {
      type: 'string',
      multiple: true,
      value: 'KEY=VALUE',
      help: 'A consumer property: group.id, client.id, auto.offset.reset, isolation.level, enable.auto.commit.',
    },
    'isolation-level': {
      type: 'string',
      value: 'LEVEL',
      help: 'read_committed hides records of open or aborted transactions. Default: read_uncommitted.',
    },
  },
} as const satisfies CommandSpec;

async function run(parsed: Parsed<typeof spec>, io: CommandIO): Promise<number> {
  const f = parsed.flags;
  const consumerProps = parseKeyValues(spec.name, 'consumer-property', f['consumer-property']);
  const formatProps = parseKeyValues(spec.name, 'property', [...f.property, ...f['formatter-property']]);
  let plan: ConsumerPlan;
  try {
    plan = planConsumer(
      {
        topic: f.topic,
        include: f.include,
        group: f.group,
        partition: f.partition,
        offset: f.offset,
        fromBeginning: f['from-beginning'],
        maxMessages: f['max-messages'],
        timeoutMs: f['timeout-ms'],
        isolationLevel: f['isolation-level'],
      },
      consumerProps,
    );
  } catch (err) {
    throw new UsageError((err as Error).message, spec.name);
  }
  for (const name of plan.ignored) {
    io.stderr.write(`WARN: consumer property '${name}' is not supported by sluice console-consumer and was ignored.\n`);
  }
  for (const name of formatProps.keys()) {
    if (!(FORMATTER_PROPERTIES as readonly string[]).includes(name)) {
      io.stderr.write(`WARN: --property '${name}' is not a formatter property and was ignored.\n`);
    }
  }
  const format = formatterOptionsFrom(formatProps);
  const brokers = resolveBootstrap(spec.name, f['bootstrap-server'], io.env);
  const connection = resolveConnection(f['command-config'] ?? f['consumer.config'], io);
  const kafka = createKafka({ brokers, clientId: plan.clientId, connection, env: io.env, stderr: io.stderr });
  try {
    return await consume(kafka, plan, format, io);
  } catch (err) {
    const unreachable = explainConnectionError(err, brokers, connection);
    if (unreachable) throw new CommandError(unreachable);
    throw err;
  }
}

async function consume(kafka: Kafka, plan: ConsumerPlan, format: FormatterOptions, io: CommandIO): Promise<number> {
  if (plan.partition !== undefined) await checkPartitionExists(kafka, plan.topics as string, plan.partition);
  const consumer = kafka.consumer({
    groupId: plan.groupId,
    ...(plan.partition !== undefined
      ? { partitionAssigners: [fixedAssignment(plan.topics as string, [plan.partition])] }
      : {}),
    // Kafka's fetch.max.wait.ms; it also bounds how long stopping takes.
    maxWaitTimeInMs: 500,
    readUncommitted: plan.readUncommitted,
    retry: { retries: 4, restartOnFailure: async () => false },
  });
  const session = new ConsumeSession(plan.maxMessages, plan.timeoutMs);
  const onSignal = () => session.stop();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Stop when whoever reads our output is gone (EPIPE), as Kafka's consumer stops on a failed write.
  io.stdout.once('error', onSignal);
  consumer.on(consumer.events.CRASH, (event) => session.fail(event.payload.error));
  try {
    if (!session.finished) await start(consumer, plan, format, session, io);
    const end = await session.done;
    await consumer.disconnect().catch(() => undefined);
    io.stderr.write(`Processed a total of ${session.count} messages\n`);
    if (end.reason === 'error') {
      throw explainConnectionError(end.error, []) !== undefined
        ? end.error
        : new CommandError(`consumer stopped: ${(end.error as Error)?.message ?? String(end.error)}`);
    }
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    io.stdout.off('error', onSignal);
    await consumer.disconnect().catch(() => undefined);
  }
}

async function start(
  consumer: Consumer,
  plan: ConsumerPlan,
  format: FormatterOptions,
  session: ConsumeSession,
  io: CommandIO,
): Promise<void> {
  await consumer.connect();
  const fromBeginning = plan.partition !== undefined ? plan.startOffset === 'earliest' : plan.fromBeginning;
  await consumer.subscribe({ topics: [plan.topics], fromBeginning });
  await consumer.run({
    autoCommit: plan.commits,
    // Offsets are resolved per printed record, so a group commits exactly what was shown.
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, isRunning, isStale }) => {
      const out: Buffer[] = [];
      for (const message of batch.messages) {
        if (!session.wantsMore() || !isRunning() || isStale()) break;
        // A batch no codec can read is reported once on stderr and passed over, as kcat does.
        const undecodable = undecodableBatchReason(message.headers);
        if (undecodable !== undefined || isCoveredByUndecodableBatch(message.headers)) {
          if (undecodable !== undefined) io.stderr.write(`skipped in partition ${batch.partition}: ${undecodable}\n`);
          resolveOffset(message.offset);
          continue;
        }
        out.push(formatRecord(toConsumedRecord(batch.partition, message), format));
        resolveOffset(message.offset);
        session.recordPrinted();
      }
      if (out.length > 0) io.stdout.write(Buffer.concat(out));
    },
  });
  const start = plan.startOffset;
  if (plan.partition !== undefined && typeof start === 'object') {
    consumer.seek({ topic: plan.topics as string, partition: plan.partition, offset: start.exact });
  }
  session.startIdleTimer();
}

/** kafkajs would wait forever for a partition that does not exist; say so instead. */
async function checkPartitionExists(kafka: Kafka, topic: string, partition: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = await admin.listTopics();
    if (!topics.includes(topic)) throw new CommandError(`topic "${topic}" does not exist.`);
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    const count = meta.topics[0]?.partitions.length ?? 0;
    if (partition >= count) {
      throw new CommandError(`partition ${partition} does not exist: topic "${topic}" has partitions 0..${count - 1}.`);
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function toConsumedRecord(partition: number, m: KafkaMessage): ConsumedRecord {
  return {
    partition,
    offset: m.offset,
    timestamp: m.timestamp,
    key: m.key ?? null,
    value: m.value ?? null,
    headers: headerPairs(m.headers),
  };
}

function headerPairs(headers: IHeaders | undefined): Array<[string, Buffer | null]> {
  const out: Array<[string, Buffer | null]> = [];
  for (const [key, raw] of Object.entries(headers ?? {})) {
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      out.push([key, v === undefined || v === null ? null : Buffer.isBuffer(v) ? v : Buffer.from(String(v))]);
    }
  }
  return out;
}

export const consoleConsumerCommand = defineCommand(spec, run);
