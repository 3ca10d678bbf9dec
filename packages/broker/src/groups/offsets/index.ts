export { OffsetStore } from './offset-store.js';
export type { CommittedOffset, OffsetToCommit, OffsetStoreOptions, StoredGroupMetadata } from './offset-store.js';
export type { OffsetLogger } from './offset-log.js';
export { OFFSETS_FILE } from './offset-log.js';
