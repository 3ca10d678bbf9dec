import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { eventually, killStragglers, runSluice, spawnSluice } from './sluice-process.js';

let broker: BrokerProcess;
const sluice = (args: string[], stdin?: string) => runSluice(args, { bootstrap: broker.bootstrap, stdin });

/** A one-partition topic holding v0…v{n-1}. */
async function topicWith(topic: string, n: number): Promise<void> {
  expect((await sluice(['topics', '--create', '--topic', topic, '--partitions', '1'])).code).toBe(0);
  const lines = Array.from({ length: n }, (_, i) => `v${i}`).join('\n') + '\n';
  expect((await sluice(['console-producer', '--topic', topic], lines)).code).toBe(0);
}

/** The describe table's data rows, split into columns. */
function rows(stdout: string): string[][] {
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('GROUP '))
    .map((l) => l.trim().split(/\s+/));
}

beforeAll(async () => {
  broker = await startBrokerProcess();
}, 30_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
});

describe('consumer groups through the CLI', { timeout: 60_000 }, () => {
  it('--group commits what it printed and the next run resumes there', async () => {
    await topicWith('resume', 5);
    const first = await sluice(['console-consumer', '--topic', 'resume', '--group', 'g-resume', '--from-beginning', '--max-messages', '3']);
    expect(first.stdout).toBe('v0\nv1\nv2\n');
    const second = await sluice(['console-consumer', '--topic', 'resume', '--group', 'g-resume', '--from-beginning', '--timeout-ms', '1000']);
    expect(second).toMatchObject({ code: 0, stdout: 'v3\nv4\n', stderr: 'Processed a total of 2 messages\n' });
  });

  it('--describe shows committed offset, log end and lag of an inactive group', async () => {
    await topicWith('lagging', 5);
    await sluice(['console-consumer', '--topic', 'lagging', '--group', 'g-lag', '--from-beginning', '--max-messages', '3']);
    const d = await sluice(['consumer-groups', '--describe', '--group', 'g-lag']);
    expect(d.code).toBe(0);
    expect(d.stderr).toBe("\nConsumer group 'g-lag' has no active members.\n");
    expect(d.stdout.split('\n')[1]).toMatch(
      /^GROUP\s+TOPIC\s+PARTITION\s+CURRENT-OFFSET\s+LOG-END-OFFSET\s+LAG\s+CONSUMER-ID\s+HOST\s+CLIENT-ID$/,
    );
    expect(rows(d.stdout)).toEqual([['g-lag', 'lagging', '0', '3', '5', '2', '-', '-', '-']]);
  });

  it('--describe shows the member holding a partition while a consumer runs', async () => {
    await topicWith('watched', 2);
    const consumer = spawnSluice(['console-consumer', '--topic', 'watched', '--group', 'g-live', '--from-beginning'], {
      bootstrap: broker.bootstrap,
    });
    await consumer.waitForStdout(/v1\n/);
    const row = await eventually(async () => {
      const d = await sluice(['consumer-groups', '--describe', '--group', 'g-live']);
      const r = rows(d.stdout)[0];
      return r && r[3] === '2' ? r : undefined;
    });
    expect(row.slice(0, 6)).toEqual(['g-live', 'watched', '0', '2', '2', '0']);
    expect(row[6]).toMatch(/^console-consumer-/);
    expect(row[7]).toMatch(/127\.0\.0\.1/);
    expect(row[8]).toBe('console-consumer');

    const members = await sluice(['consumer-groups', '--describe', '--group', 'g-live', '--members']);
    expect(rows(members.stdout)).toEqual([['g-live', row[6], row[7], 'console-consumer', '1']]);

    const refused = await sluice(['consumer-groups', '--reset-offsets', '--group', 'g-live', '--topic', 'watched', '--to-earliest', '--execute']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "Error: Assignments can only be reset if the group 'g-live' is inactive, but the current state is Stable.\n",
    );
    expect((await consumer.stop('SIGTERM')).code).toBe(0);
  });

  it('--reset-offsets --to-earliest: --dry-run changes nothing, --execute makes the group re-read everything', async () => {
    await topicWith('replay', 4);
    await sluice(['console-consumer', '--topic', 'replay', '--group', 'g-replay', '--from-beginning', '--max-messages', '4']);

    const dry = await sluice(['consumer-groups', '--reset-offsets', '--group', 'g-replay', '--topic', 'replay', '--to-earliest', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe('\nGROUP           TOPIC           PARTITION  NEW-OFFSET\ng-replay        replay          0          0\n');
    const unchanged = await sluice(['consumer-groups', '--describe', '--group', 'g-replay']);
    expect(rows(unchanged.stdout)[0].slice(3, 6)).toEqual(['4', '4', '0']);

    const done = await sluice(['consumer-groups', '--reset-offsets', '--group', 'g-replay', '--topic', 'replay', '--to-earliest', '--execute']);
    expect(done).toMatchObject({ code: 0, stdout: dry.stdout });
    const reread = await sluice(['console-consumer', '--topic', 'replay', '--group', 'g-replay', '--timeout-ms', '1000']);
    expect(reread.stdout).toBe('v0\nv1\nv2\nv3\n');
  });

  it('--shift-by and --to-offset move within the log', async () => {
    await topicWith('shifty', 6);
    await sluice(['console-consumer', '--topic', 'shifty', '--group', 'g-shift', '--from-beginning', '--max-messages', '5']);
    const back = await sluice(['consumer-groups', '--reset-offsets', '--group', 'g-shift', '--topic', 'shifty:0', '--shift-by', '-2', '--execute']);
    expect(rows(back.stdout)).toEqual([['g-shift', 'shifty', '0', '3']]);
    const beyond = await sluice(['consumer-groups', '--reset-offsets', '--group', 'g-shift', '--all-topics', '--to-offset', '99', '--execute']);
    expect(rows(beyond.stdout)).toEqual([['g-shift', 'shifty', '0', '6']]);
    expect(beyond.stderr).toContain('New offset (99) is higher than latest offset for topic partition shifty-0. Value will be set to 6.');
    const d = await sluice(['consumer-groups', '--describe', '--group', 'g-shift']);
    expect(rows(d.stdout)[0].slice(3, 6)).toEqual(['6', '6', '0']);
  });

  it('lists groups, deletes one, and then no longer knows it', async () => {
    await topicWith('listed', 1);
    await sluice(['console-consumer', '--topic', 'listed', '--group', 'g-listed', '--from-beginning', '--max-messages', '1']);
    const list = await sluice(['consumer-groups', '--list']);
    expect(list.stdout.split('\n')).toContain('g-listed');

    const del = await sluice(['consumer-groups', '--delete', '--group', 'g-listed']);
    expect(del).toMatchObject({ code: 0, stdout: "Deletion of requested consumer groups ('g-listed') was successful.\n" });
    expect((await sluice(['consumer-groups', '--list'])).stdout.split('\n')).not.toContain('g-listed');

    const gone = await sluice(['consumer-groups', '--describe', '--group', 'g-listed']);
    expect(gone).toMatchObject({ code: 1, stdout: '', stderr: "Error: Consumer group 'g-listed' does not exist.\n" });
  });
});
