import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import type { Kafka } from 'kafkajs';
import { kafkaClient, recordCount } from './kafka-client.js';
import { killStragglers, runSluice, spawnSluice } from './sluice-process.js';

/** kcat, the librdkafka console client; the broker runs in its own process, so blocking here is fine. */
function kcat(args: string[], input = ''): string {
  const r = spawnSync('kcat', ['-b', broker.bootstrap, ...args], { input, encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) throw new Error(`kcat ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

let broker: BrokerProcess;
let kafka: Kafka;
const sluice = (args: string[], stdin?: string) => runSluice(args, { bootstrap: broker.bootstrap, stdin });

async function createTopic(topic: string, partitions = 1): Promise<void> {
  const r = await sluice(['topics', '--create', '--topic', topic, '--partitions', String(partitions)]);
  expect(r.code).toBe(0);
}

beforeAll(async () => {
  broker = await startBrokerProcess();
  kafka = kafkaClient(broker.bootstrap);
}, 30_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
});

describe('console-producer → console-consumer', { timeout: 60_000 }, () => {
  it('round-trips keyed lines (parse.key / print.key), CRLF input included', async () => {
    await createTopic('keyed');
    const produced = await sluice(
      ['console-producer', '--topic', 'keyed', '--property', 'parse.key=true', '--property', 'key.separator=:'],
      'user-1:{"temp":41.5}\r\nuser-2:plain text:with colon\nuser-1:third\n',
    );
    expect(produced).toMatchObject({ code: 0, stdout: '', stderr: '' });

    const consumed = await sluice([
      'console-consumer',
      '--topic',
      'keyed',
      '--from-beginning',
      '--max-messages',
      '3',
      '--property',
      'print.key=true',
      '--property',
      'key.separator= => ',
    ]);
    expect(consumed.code).toBe(0);
    expect(consumed.stdout).toBe('user-1 => {"temp":41.5}\nuser-2 => plain text:with colon\nuser-1 => third\n');
    expect(consumed.stderr).toBe('Processed a total of 3 messages\n');
  });

  it('prints partition, offset and timestamp in Kafka’s order', async () => {
    await createTopic('fields');
    await sluice(['console-producer', '--topic', 'fields'], 'a\nb\n');
    const r = await sluice([
      'console-consumer',
      '--topic',
      'fields',
      '--from-beginning',
      '--max-messages',
      '2',
      '--property',
      'print.timestamp=true',
      '--property',
      'print.partition=true',
      '--property',
      'print.offset=true',
    ]);
    expect(r.stdout).toMatch(/^CreateTime:\d{13}\tPartition:0\tOffset:0\ta\nCreateTime:\d{13}\tPartition:0\tOffset:1\tb\n$/);
  });

  it('exits after --timeout-ms without records, printing the total', async () => {
    await createTopic('quiet');
    await sluice(['console-producer', '--topic', 'quiet'], 'one\ntwo\n');
    const r = await sluice(['console-consumer', '--topic', 'quiet', '--from-beginning', '--timeout-ms', '1000']);
    expect(r).toMatchObject({ code: 0, stdout: 'one\ntwo\n', stderr: 'Processed a total of 2 messages\n' });
  });

  it('without --from-beginning starts at the end', async () => {
    await createTopic('tail');
    await sluice(['console-producer', '--topic', 'tail'], 'old\n');
    const r = await sluice(['console-consumer', '--topic', 'tail', '--timeout-ms', '1000']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: 'Processed a total of 0 messages\n' });
  });

  it('stops after --max-messages', async () => {
    await createTopic('many');
    await sluice(['console-producer', '--topic', 'many'], 'r0\nr1\nr2\nr3\nr4\n');
    const r = await sluice(['console-consumer', '--topic', 'many', '--from-beginning', '--max-messages', '2']);
    expect(r).toMatchObject({ code: 0, stdout: 'r0\nr1\n', stderr: 'Processed a total of 2 messages\n' });
  });

  it('reads one partition from an offset with --partition/--offset', async () => {
    await createTopic('split', 2);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: 'split',
      messages: [0, 1, 2, 3, 4].flatMap((i) => [
        { partition: 0, value: `p0-${i}` },
        { partition: 1, value: `p1-${i}` },
      ]),
    });
    await producer.disconnect();

    const fromTwo = await sluice(['console-consumer', '--topic', 'split', '--partition', '1', '--offset', '2', '--timeout-ms', '1000']);
    expect(fromTwo).toMatchObject({ code: 0, stdout: 'p1-2\np1-3\np1-4\n', stderr: 'Processed a total of 3 messages\n' });

    const earliest = await sluice(['console-consumer', '--topic', 'split', '--partition', '0', '--offset', 'earliest', '--max-messages', '2']);
    expect(earliest.stdout).toBe('p0-0\np0-1\n');

    const missing = await sluice(['console-consumer', '--topic', 'split', '--partition', '7', '--offset', '0']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error: partition 7 does not exist: topic "split" has partitions 0..1.\n');
  });

  it('delivers 10,000 piped lines, every one acknowledged before exit', async () => {
    await createTopic('bulk', 3);
    const lines = Array.from({ length: 10_000 }, (_, i) => `line-${i}`);
    const produced = await sluice(['console-producer', '--topic', 'bulk'], lines.join('\n') + '\n');
    expect(produced).toMatchObject({ code: 0, stderr: '' });
    expect(await recordCount(kafka, 'bulk')).toBe(10_000);

    const consumed = await sluice(['console-consumer', '--topic', 'bulk', '--from-beginning', '--max-messages', '10000']);
    expect(consumed.code).toBe(0);
    expect(consumed.stdout.trimEnd().split('\n').sort()).toEqual([...lines].sort());
    expect(consumed.stderr).toBe('Processed a total of 10000 messages\n');
  });

  it('fails on a line without the key separator, after sending the lines before it', async () => {
    await createTopic('strict');
    const r = await sluice(
      ['console-producer', '--topic', 'strict', '--property', 'parse.key=true', '--property', 'key.separator=:'],
      'a:1\nb:2\nno separator\nc:3\n',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("Error: No key separator found on line number 3: 'no separator'\n");
    expect(await recordCount(kafka, 'strict')).toBe(2);
  });

  it('commits nothing without --group (a --group run, for contrast, leaves its offsets)', async () => {
    await createTopic('anon');
    await sluice(['console-producer', '--topic', 'anon'], 'x\ny\n');
    const r = await sluice(['console-consumer', '--topic', 'anon', '--from-beginning', '--max-messages', '2']);
    expect(r.stdout).toBe('x\ny\n');
    const named = await sluice(['console-consumer', '--topic', 'anon', '--group', 'contrast', '--from-beginning', '--max-messages', '2']);
    expect(named.stdout).toBe('x\ny\n');

    const admin = kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const withCommits: string[] = [];
      for (const g of groups) {
        const offsets = await admin.fetchOffsets({ groupId: g.groupId, topics: ['anon'] });
        if (offsets[0].partitions.some((p) => p.offset !== '-1')) withCommits.push(g.groupId);
      }
      expect(withCommits).toEqual(['contrast']);
    } finally {
      await admin.disconnect();
    }
  });

  it('stops cleanly on Ctrl-C and prints the total', async () => {
    await createTopic('live');
    await sluice(['console-producer', '--topic', 'live'], 'first\n');
    const consumer = spawnSluice(['console-consumer', '--topic', 'live', '--from-beginning'], { bootstrap: broker.bootstrap });
    await consumer.waitForStdout(/first\n/);
    const r = await consumer.stop('SIGINT');
    expect(r).toMatchObject({ code: 0, stdout: 'first\n', stderr: 'Processed a total of 1 messages\n' });
  });

  it('interoperates with kcat: headers and keys written by kcat, lines written by sluice read by kcat', async () => {
    await createTopic('kcat');
    kcat(['-P', '-t', 'kcat', '-k', 'station-9', '-H', 'source=kcat', '-H', 'n=1'], '{"t":9}\n');
    await sluice(
      ['console-producer', '--topic', 'kcat', '--property', 'parse.key=true', '--property', 'key.separator=|'],
      'station-1|{"t":3}\n',
    );
    const ours = await sluice([
      'console-consumer',
      '--topic',
      'kcat',
      '--from-beginning',
      '--max-messages',
      '2',
      '--property',
      'print.key=true',
      '--property',
      'print.headers=true',
    ]);
    expect(ours.stdout).toBe('source:kcat,n:1\tstation-9\t{"t":9}\nNO_HEADERS\tstation-1\t{"t":3}\n');

    const theirs = kcat(['-C', '-t', 'kcat', '-e', '-q', '-f', '%k=%s\n']);
    expect(theirs).toBe('station-9={"t":9}\nstation-1={"t":3}\n');
  });
});

// The embedded broker's idempotent producers and read_committed reads, through the console clients.
describe('console clients, exactly-once settings', { timeout: 60_000 }, () => {
  it('produces with enable.idempotence=true and reads back at --isolation-level read_committed', async () => {
    expect((await sluice(['topics', '--create', '--topic', 'idem', '--partitions', '2'])).code).toBe(0);
    const lines = Array.from({ length: 500 }, (_, i) => `line-${i}`);
    const produced = await sluice(
      ['console-producer', '--topic', 'idem', '--producer-property', 'enable.idempotence=true', '--producer-property', 'acks=all'],
      lines.join('\n') + '\n',
    );
    expect(produced).toMatchObject({ code: 0, stderr: '' });
    const consumed = await sluice(['console-consumer', '--topic', 'idem', '--from-beginning', '--isolation-level', 'read_committed', '--max-messages', '500']);
    expect(consumed.code).toBe(0);
    expect(consumed.stdout.trim().split('\n').sort()).toEqual([...lines].sort());
  });
});
