// SyncGroup v0–3: the leader's request carries every member's assignment and is answered at once;
// followers' requests wait for it. Assignment bytes are opaque: any client assignor works.
import type { SyncGroupRequest, SyncGroupResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function syncGroupHandler(groups: GroupCoordinator): ApiHandler<14> {
  return defineHandler({
    apiKey: 14,
    versions: { min: 0, max: 3 },
    advertised: { min: 0, max: 3 },
    async handle(state, req) {
      const result = await groups.syncGroup({
        groupId: req.groupId,
        generationId: req.generationId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        assignments: req.assignments,
      });
      return { throttleTimeMs: 0, errorCode: result.errorCode, assignment: result.assignment };
    },
  });
}
