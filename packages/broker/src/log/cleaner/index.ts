// Log compaction: the background cleaner, one cleaning pass, and the crash-safe segment swap that
// the log loader completes after a crash.
export { LogCleaner } from './log-cleaner.js';
export { cleanability, cleanLog, type CleanOptions, type CleanStats } from './clean-log.js';
