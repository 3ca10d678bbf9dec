// ListGroups v0–2: every group this coordinator knows, with its protocol type (empty for groups that
// only hold committed offsets from outside group management).
import type { ListGroupsRequest, ListGroupsResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function listGroupsHandler(groups: GroupCoordinator): ApiHandler<16> {
  return defineHandler({
    apiKey: 16,
    versions: { min: 0, max: 2 },
    advertised: { min: 0, max: 2 },
    handle(state) {
      const listed = groups.listGroups().map(({ groupId, protocolType }) => ({ groupId, protocolType }));
      return { throttleTimeMs: 0, errorCode: 0, groups: listed };
    },
  });
}
