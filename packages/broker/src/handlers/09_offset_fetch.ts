// OffsetFetch v0–5: a group's committed offsets, whatever its state (groups that only commit, without
// group management, have offsets too). -1 for partitions with nothing committed; v2+ may ask for
// every committed partition (null topics) and carry a top-level error code.
import type { OffsetFetchRequest, OffsetFetchResponseInput } from '@sluice/kafka-protocol';
import type { GroupCoordinator } from '../groups/index.js';
import { defineHandler, type ApiHandler } from './handler.js';

export function offsetFetchHandler(groups: GroupCoordinator): ApiHandler<9> {
  return defineHandler({
    apiKey: 9,
    versions: { min: 0, max: 5 },
    advertised: { min: 0, max: 5 },
    handle(state, req) {
      const result = groups.fetchOffsets(req.groupId, req.topics);
      return { throttleTimeMs: 0, errorCode: result.errorCode, topics: result.topics };
    },
  });
}
