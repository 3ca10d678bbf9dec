export { CommandError, UsageError } from './errors.js';
export {
  parseFlags,
  required,
  exactlyOne,
  onlyWith,
  parseInteger,
  parsePort,
  type FlagSpec,
  type FlagSpecs,
  type CommandSpec,
  type ParsedFlags,
  type ParseResult,
} from './flags.js';
export { parseKeyValues, isTrue } from './key-values.js';
export { resolveBootstrap, DEFAULT_BOOTSTRAP_SERVER, BOOTSTRAP_ENV } from './bootstrap.js';
export { renderUsage } from './usage.js';
