import type { Readable, Writable } from 'node:stream';
import type { CommandSpec } from './args/index.js';

/** The process surroundings a command uses; main.ts passes the real ones. */
export interface CommandIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
  cwd: string;
}

/**
 * What a command's run resolves to: the exit code, or 'running' when the command started something
 * (a broker) that keeps the process alive and ends it on its own.
 */
export type CommandOutcome = number | 'running';

/** One `sluice <name>` subcommand. User errors are thrown as CommandError. */
export interface Command {
  spec: CommandSpec;
  run(argv: string[], io: CommandIO): Promise<CommandOutcome>;
}
