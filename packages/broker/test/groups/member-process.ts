import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { PYTHON } from '../support/run.js';

export type ClientKind = 'kafkajs' | 'confluent' | 'kafka-python';

export interface ConsumedRecord {
  partition: number;
  offset: number;
  value: string;
}

/** A consumer-group member running in its own process (so it can be closed or SIGKILLed). */
export interface MemberProcess {
  readonly name: string;
  readonly records: ConsumedRecord[];
  /** The partitions it was last assigned, or null before its first assignment. */
  readonly assignment: number[] | null;
  /** How many assignments it received (a rebalance shows up as one more). */
  readonly assignments: number;
  readonly exited: boolean;
  /** SIGTERM: the client closes cleanly (LeaveGroup) and exits. */
  stop(): Promise<void>;
  /** SIGKILL: gone without a word; the broker must notice through the session timeout. */
  kill(): Promise<void>;
  log(): string;
}

const clientScript = (file: string) => fileURLToPath(new URL(`../clients/${file}`, import.meta.url));

export function startMember(
  kind: ClientKind,
  bootstrap: string,
  group: string,
  topic: string,
  name: string,
  sessionTimeoutMs = 6000,
  groupInstanceId?: string,
): MemberProcess {
  const extra = groupInstanceId ? [groupInstanceId] : [];
  const child: ChildProcess =
    kind === 'kafkajs'
      ? spawn(process.execPath, [clientScript('kafkajs_group_consumer.mjs'), bootstrap, group, topic, name, String(sessionTimeoutMs)])
      : spawn(PYTHON, [clientScript('group_consumer.py'), kind, bootstrap, group, topic, name, String(sessionTimeoutMs), ...extra]);
  let pending = '';
  let log = '';
  const member = {
    name,
    records: [] as ConsumedRecord[],
    assignment: null as number[] | null,
    /** How many assignments it received (a rebalance shows up as one more). */
    assignments: 0,
    exited: false,
  };
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      member.exited = true;
      resolve();
    }),
  );
  child.stdout!.on('data', (d: Buffer) => {
    pending += d.toString();
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl);
      pending = pending.slice(nl + 1);
      log += line + '\n';
      const e = JSON.parse(line) as { event: string; partitions?: number[] } & ConsumedRecord;
      if (e.event === 'record') member.records.push({ partition: e.partition, offset: e.offset, value: e.value });
      if (e.event === 'assigned') {
        member.assignment = e.partitions!;
        member.assignments++;
      }
      if (e.event === 'revoked') member.assignment = [];
    }
  });
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  return Object.assign(member, {
    async stop() {
      if (!member.exited) child.kill('SIGTERM');
      await exit;
    },
    async kill() {
      if (!member.exited) child.kill('SIGKILL');
      await exit;
    },
    log: () => log,
  });
}

/** Polls until `check` holds; fails with `what` (and the members' logs) after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string, timeoutMs = 30_000, members: MemberProcess[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      const logs = members.map((m) => `--- ${m.name}\n${m.log().slice(-3000)}`).join('\n');
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${logs}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** True when the members' current assignments split all `partitions` between them, none left out. */
export function splitsAll(members: MemberProcess[], partitions: number): boolean {
  const owned = members.flatMap((m) => m.assignment ?? []);
  if (members.some((m) => !m.assignment || m.assignment.length === 0)) return false;
  return owned.length === partitions && new Set(owned).size === partitions;
}
