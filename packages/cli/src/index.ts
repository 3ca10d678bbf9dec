export { runCli } from './cli.js';
export { commands } from './commands/index.js';
export type { Command, CommandIO, CommandOutcome } from './command.js';
