// Heartbeat v0–3: keeps a member's session alive; REBALANCE_IN_PROGRESS tells it to rejoin, and
// UNKNOWN_MEMBER_ID / ILLEGAL_GENERATION / FENCED_INSTANCE_ID that it is no longer a member.
import type { HeartbeatRequest, HeartbeatResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function heartbeatHandler(groups: GroupCoordinator): ApiHandler<12> {
  return defineHandler({
    apiKey: 12,
    versions: { min: 0, max: 3 },
    advertised: { min: 0, max: 3 },
    handle(state, req) {
      const errorCode = groups.heartbeat({
        groupId: req.groupId,
        generationId: req.generationId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
      });
      return { throttleTimeMs: 0, errorCode };
    },
  });
}
