import type { GroupCoordinator } from '../groups/index.js';
import { offsetCommitHandler } from './08_offset_commit.js';
import { offsetFetchHandler } from './09_offset_fetch.js';
import { findCoordinatorHandler } from './10_find_coordinator.js';
import { joinGroupHandler } from './11_join_group.js';
import { heartbeatHandler } from './12_heartbeat.js';
import { leaveGroupHandler } from './13_leave_group.js';
import { syncGroupHandler } from './14_sync_group.js';
import { describeGroupsHandler } from './15_describe_groups.js';
import { listGroupsHandler } from './16_list_groups.js';
import { deleteGroupsHandler } from './42_delete_groups.js';
import { offsetDeleteHandler } from './47_offset_delete.js';
import type { ApiHandler } from './handler.js';

/** The group coordinator's APIs over one coordinator, for the handler registry. */
export function groupHandlers(groups: GroupCoordinator): ApiHandler[] {
  return [
    offsetCommitHandler(groups),
    offsetFetchHandler(groups),
    findCoordinatorHandler,
    joinGroupHandler(groups),
    heartbeatHandler(groups),
    leaveGroupHandler(groups),
    syncGroupHandler(groups),
    describeGroupsHandler(groups),
    listGroupsHandler(groups),
    deleteGroupsHandler(groups),
    offsetDeleteHandler(groups),
  ];
}
