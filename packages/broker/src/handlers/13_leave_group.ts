// LeaveGroup v0–3: removes members at once (the group rebalances without waiting for their session
// to expire). v0–2 name one member; v3 a batch, also static members by instance id alone.
import type { LeaveGroupRequest, LeaveGroupResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function leaveGroupHandler(groups: GroupCoordinator): ApiHandler<13> {
  return defineHandler({
    apiKey: 13,
    versions: { min: 0, max: 3 },
    advertised: { min: 0, max: 3 },
    handle(state, req, ctx) {
      const batch = ctx.apiVersion >= 3;
      const members = batch ? req.members : [{ memberId: req.memberId, groupInstanceId: null }];
      const result = groups.leaveGroup(req.groupId, members);
      // Before v3 there is no per-member answer: the member's error is the response's.
      const errorCode = batch || result.errorCode !== 0 ? result.errorCode : (result.members[0]?.errorCode ?? 0);
      return { throttleTimeMs: 0, errorCode, members: result.members };
    },
  });
}
