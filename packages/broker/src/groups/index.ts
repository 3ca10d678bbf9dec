export { GroupCoordinator, defaultGroupCoordinatorConfig, OFFSETS_DIR } from './coordinator.js';
export type { GroupCoordinatorConfig, GroupCoordinatorOptions } from './coordinator.js';
export { systemClock } from './clock.js';
export type { GroupClock } from './clock.js';
export { OffsetStore } from './offsets/index.js';
export type { CommittedOffset, OffsetStoreOptions, OffsetLogger } from './offsets/index.js';
export type * from './types.js';
export { ManualClock } from './manual-clock.js';
