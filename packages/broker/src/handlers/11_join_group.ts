// JoinGroup v0–5: the response is held until the group's rebalance completes (every known member
// rejoined, or the rebalance timeout passed). v0 has no rebalance timeout (the session timeout
// stands in, as in Kafka); v4+ first answers MEMBER_ID_REQUIRED with an id to rejoin with; v5 adds
// static membership. Only the leader gets the member list.
import type { JoinGroupRequest, JoinGroupResponseInput } from '@sluice/kafka-protocol';
import { clientHostOf } from './client-host.js';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function joinGroupHandler(groups: GroupCoordinator): ApiHandler<11> {
  return defineHandler({
    apiKey: 11,
    versions: { min: 0, max: 5 },
    advertised: { min: 0, max: 5 },
    async handle(state, req, ctx) {
      const result = await groups.joinGroup({
        groupId: req.groupId,
        memberId: req.memberId,
        groupInstanceId: req.groupInstanceId,
        protocolType: req.protocolType,
        protocols: req.protocols,
        sessionTimeoutMs: req.sessionTimeoutMs,
        rebalanceTimeoutMs: ctx.apiVersion === 0 ? req.sessionTimeoutMs : req.rebalanceTimeoutMs,
        clientId: ctx.clientId ?? '',
        clientHost: clientHostOf(ctx.connection),
        requireKnownMemberId: ctx.apiVersion >= 4,
      });
      return {
        throttleTimeMs: 0,
        errorCode: result.errorCode,
        generationId: result.generationId,
        protocolName: result.protocolName ?? '',
        leader: result.leader,
        memberId: result.memberId,
        members: result.members,
      };
    },
  });
}
