import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrokerProcess, type BrokerProcess } from '@sluice/broker/testing';
import { killStragglers, runSluice } from './sluice-process.js';

// The console clients with the embedded broker's idempotent producers and read_committed reads.

let broker: BrokerProcess;
const sluice = (args: string[], stdin?: string) => runSluice(args, { bootstrap: broker.bootstrap, stdin });

beforeAll(async () => {
  broker = await startBrokerProcess();
}, 30_000);

afterAll(async () => {
  await killStragglers();
  await broker?.stop();
  broker?.cleanup();
});

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
