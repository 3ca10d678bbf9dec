import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GroupCoordinator, type GroupCoordinatorConfig } from './coordinator.js';
import { ErrorCode } from '@sluice/kafka-protocol';
import { ManualClock } from './manual-clock.js';
import type { JoinGroupParams, JoinGroupResult } from './types.js';

/** Helpers for the coordinator's unit tests (not part of the package's API). */

/** A ConsumerProtocolSubscription v0: int16 version, [string] topics, bytes userData (null). */
export function subscription(topics: string[]): Buffer {
  const parts = [Buffer.from([0, 0]), int32(topics.length)];
  for (const t of topics) {
    const b = Buffer.from(t);
    parts.push(Buffer.from([b.length >> 8, b.length & 0xff]), b);
  }
  parts.push(int32(-1));
  return Buffer.concat(parts);
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

export function joinParams(groupId: string, over: Partial<JoinGroupParams> = {}): JoinGroupParams {
  return {
    groupId,
    memberId: '',
    groupInstanceId: null,
    protocolType: 'consumer',
    protocols: [{ name: 'range', metadata: subscription(['orders']) }],
    sessionTimeoutMs: 10_000,
    rebalanceTimeoutMs: 30_000,
    clientId: 'client',
    clientHost: '/127.0.0.1',
    requireKnownMemberId: true,
    ...over,
  };
}

/** A promise whose outcome can be inspected without awaiting it. */
export interface Tracked<T> {
  readonly settled: boolean;
  readonly value: T;
  readonly promise: Promise<T>;
}

export function track<T>(promise: Promise<T>): Tracked<T> {
  const t = { settled: false, value: undefined as T, promise };
  promise.then((v) => {
    t.settled = true;
    t.value = v;
  });
  return t;
}

/** Lets resolved promises' callbacks run. */
export const flush = (): Promise<void> => new Promise((r) => setImmediate(r));

export interface Harness {
  coord: GroupCoordinator;
  clock: ManualClock;
  dir: string;
  /** Closes the coordinator and opens a new one on the same data directory. */
  reopen(): GroupCoordinator;
  cleanup(): void;
}

export function harness(config: Partial<GroupCoordinatorConfig> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), 'sluice-groups-'));
  const clock = new ManualClock();
  const open = () => GroupCoordinator.open(dir, { clock, config: { minSessionTimeoutMs: 1000, ...config } });
  const h: Harness = {
    coord: open(),
    clock,
    dir,
    reopen() {
      h.coord.close();
      h.coord = open();
      return h.coord;
    },
    cleanup() {
      h.coord.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return h;
}

/**
 * The JoinGroup v4+ dance of a new member: the first call yields MEMBER_ID_REQUIRED and an id, the
 * second (returned, usually still pending) joins with it.
 */
export async function joinAsNewMember(
  coord: GroupCoordinator,
  groupId: string,
  over: Partial<JoinGroupParams> = {},
): Promise<{ memberId: string; join: Tracked<JoinGroupResult> }> {
  const first = await coord.joinGroup(joinParams(groupId, over));
  if (first.errorCode !== ErrorCode.MEMBER_ID_REQUIRED) throw new Error(`expected MEMBER_ID_REQUIRED, got ${first.errorCode}`);
  const join = track(coord.joinGroup(joinParams(groupId, { ...over, memberId: first.memberId })));
  await flush();
  return { memberId: first.memberId, join };
}
