// DeleteGroups v0–1: deletes empty groups together with their committed offsets (durably);
// NON_EMPTY_GROUP while a group has members, GROUP_ID_NOT_FOUND for groups that do not exist.
import type { DeleteGroupsRequest, DeleteGroupsResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function deleteGroupsHandler(groups: GroupCoordinator): ApiHandler<42> {
  return defineHandler({
    apiKey: 42,
    versions: { min: 0, max: 1 },
    advertised: { min: 0, max: 1 },
    handle(state, req) {
      return { throttleTimeMs: 0, results: groups.deleteGroups(req.groupsNames) };
    },
  });
}
