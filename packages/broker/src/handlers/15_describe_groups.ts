// DescribeGroups v0–4: state, protocol and members of each group; member metadata and assignments
// only while the group is Stable (as Kafka). An unknown group is reported as Dead, error 0.
import type { DescribeGroupsRequest, DescribeGroupsResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

/** No authorizer: the operations field is left out (Kafka's INT32_MIN marker). */
const OPERATIONS_OMITTED = -2147483648;

export function describeGroupsHandler(groups: GroupCoordinator): ApiHandler<15> {
  return defineHandler({
    apiKey: 15,
    versions: { min: 0, max: 4 },
    advertised: { min: 0, max: 4 },
    handle(state, req) {
      const described = groups.describeGroups(req.groups).map((g) => ({ ...g, authorizedOperations: OPERATIONS_OMITTED }));
      return { throttleTimeMs: 0, groups: described };
    },
  });
}
