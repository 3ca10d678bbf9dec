import type { Readable, Writable } from 'node:stream';
import { parseFlags, renderUsage, type CommandSpec, type ParsedFlags } from './args/index.js';

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

/** What a command's run sees: its flags parsed and checked, and its positional arguments. */
export interface Parsed<S extends CommandSpec> {
  flags: ParsedFlags<S['flags']>;
  positionals: string[];
}

/** A command whose flags are parsed, and whose --help is answered, before `run` is called. */
export function defineCommand<S extends CommandSpec>(
  spec: S,
  run: (parsed: Parsed<S>, io: CommandIO) => Promise<CommandOutcome>,
): Command {
  return {
    spec,
    async run(argv, io) {
      const parsed = parseFlags(spec, argv);
      if (parsed.help) {
        io.stdout.write(renderUsage(spec));
        return 0;
      }
      return run(parsed, io);
    },
  };
}
