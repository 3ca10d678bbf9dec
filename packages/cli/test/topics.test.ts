import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, testKafka, type BrokerProcess } from '@sluice/broker/testing';
import { closedPort, killStragglers, runSluice } from './sluice-process.js';

let broker: BrokerProcess;
const sluice = (...args: string[]) => runSluice(args, { bootstrap: broker.bootstrap });

beforeAll(async () => {
  broker = await startBrokerProcess();
}, 30_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
});

describe('sluice topics', { timeout: 60_000 }, () => {
  it('creates a topic once, lists it, and refuses a duplicate as Kafka does', async () => {
    const created = await sluice('topics', '--create', '--topic', 'orders', '--partitions', '2');
    expect(created).toMatchObject({ code: 0, stdout: 'Created topic orders.\n', stderr: '' });

    const listed = await sluice('topics', '--list');
    expect(listed.code).toBe(0);
    expect(listed.stdout.split('\n')).toContain('orders');

    const again = await sluice('topics', '--create', '--topic', 'orders');
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('Error: topic "orders" already exists.\n');

    const tolerated = await sluice('topics', '--create', '--topic', 'orders', '--if-not-exists');
    expect(tolerated).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('describes partitions and overridden configs in the kafka-topics.sh layout', async () => {
    await sluice('topics', '--create', '--topic', 'described', '--partitions', '3', '--config', 'retention.ms=86400000');
    const d = await sluice('topics', '--describe', '--topic', 'described');
    expect(d.code).toBe(0);
    const lines = d.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Topic: described\tPartitionCount: 3\tReplicationFactor: 1\tConfigs: retention.ms=86400000');
    expect(lines.slice(1)).toHaveLength(3);
    lines.slice(1).forEach((line, i) => {
      expect(line).toMatch(new RegExp(`^\\tTopic: described\\tPartition: ${i}\\tLeader: (\\d+)\\tReplicas: \\1\\tIsr: \\1$`));
    });
  });

  it('describes every topic without --topic', async () => {
    await sluice('topics', '--create', '--topic', 'alpha', '--partitions', '1');
    const d = await sluice('topics', '--describe');
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^Topic: alpha\tPartitionCount: 1\t/m);
    expect(d.stdout).toMatch(/^Topic: orders\tPartitionCount: 2\t/m);
  });

  it('refuses a replication factor larger than the cluster, with the broker count', async () => {
    const r = await sluice('topics', '--create', '--topic', 'replicated', '--replication-factor', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error: Replication factor: 2 larger than available brokers: 1.\n');
    const listed = await sluice('topics', '--list');
    expect(listed.stdout.split('\n')).not.toContain('replicated');
  });

  it('names a missing topic for describe, alter and delete, unless --if-exists', async () => {
    for (const action of [['--describe'], ['--alter', '--partitions', '4'], ['--delete']]) {
      const r = await sluice('topics', ...action, '--topic', 'ghost');
      expect(r.code).toBe(1);
      expect(r.stderr).toBe('Error: topic "ghost" does not exist.\n');
    }
    const quiet = await sluice('topics', '--describe', '--topic', 'ghost', '--if-exists');
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });

  it('adds partitions with --alter and refuses to shrink', async () => {
    await sluice('topics', '--create', '--topic', 'growing', '--partitions', '1');
    const grown = await sluice('topics', '--alter', '--topic', 'growing', '--partitions', '4');
    expect(grown).toMatchObject({ code: 0, stderr: '' });
    const d = await sluice('topics', '--describe', '--topic', 'growing');
    expect(d.stdout).toMatch(/^Topic: growing\tPartitionCount: 4\t/);
    expect(d.stdout.match(/\tPartition: \d+\t/g)).toHaveLength(4);

    const shrink = await sluice('topics', '--alter', '--topic', 'growing', '--partitions', '2');
    expect(shrink.code).toBe(1);
    expect(shrink.stderr).toBe('Error: Topic currently has 4 partitions, which is higher than the requested 2.\n');
  });

  it('deletes a topic', async () => {
    await sluice('topics', '--create', '--topic', 'doomed');
    const del = await sluice('topics', '--delete', '--topic', 'doomed');
    expect(del).toMatchObject({ code: 0, stderr: '' });
    const listed = await sluice('topics', '--list');
    expect(listed.stdout.split('\n')).not.toContain('doomed');
  });

  it('names the consumer groups that read a topic it deletes', async () => {
    await sluice('topics', '--create', '--topic', 'watched');
    const kafka = testKafka(broker.bootstrap);
    const admin = kafka.admin();
    await admin.connect();
    await admin.setOffsets({ groupId: 'watchers', topic: 'watched', partitions: [{ partition: 0, offset: '0' }] });
    await admin.disconnect();
    const del = await sluice('topics', '--delete', '--topic', 'watched');
    expect(del).toMatchObject({ code: 0, stderr: 'Warning: consumer group \'watchers\' reads topic "watched"; it stops reading it once it is deleted.\n' });
    expect((await sluice('topics', '--list')).stdout.split('\n')).not.toContain('watched');
  });

  it('rejects an illegal topic name before asking the broker', async () => {
    const r = await sluice('topics', '--create', '--topic', 'bad name');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: Topic name "bad name" is illegal, it contains a character other than ASCII alphanumerics/);
  });

  it('says in one line that nothing listens at the address given', async () => {
    const port = await closedPort();
    const r = await runSluice(['topics', '--list', '--bootstrap-server', `127.0.0.1:${port}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^Error: cannot reach a Kafka broker at 127\\.0\\.0\\.1:${port} \\(connection refused\\)`));
  });
});
