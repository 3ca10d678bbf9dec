import { CommandError, UsageError } from './args/index.js';
import { commands } from './commands/index.js';
import type { CommandIO, CommandOutcome } from './command.js';

function topUsage(): string {
  const width = Math.max(...commands.map((c) => c.spec.name.length)) + 2;
  return [
    'Usage: sluice <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
    '',
    "Commands that talk to Kafka take --bootstrap-server HOST:PORT[,HOST:PORT] (default $SLUICE_BOOTSTRAP_SERVER,",
    'else 127.0.0.1:9092) and, for a secured cluster, --command-config FILE (Kafka client properties).',
    'Run `sluice <command> --help` for its options.',
    '',
  ].join('\n');
}

/**
 * Runs one `sluice` command line. Every failure a user can cause ends as a single `Error: …` line
 * on stderr and exit code 1; stacks are shown only with SLUICE_DEBUG set.
 */
export async function runCli(argv: readonly string[], io: CommandIO): Promise<CommandOutcome> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(topUsage());
    return name === undefined ? 1 : 0;
  }
  const command = commands.find((c) => c.spec.name === name);
  if (!command) {
    io.stderr.write(`Error: unknown command '${name}'. Commands: ${commands.map((c) => c.spec.name).join(', ')} (see 'sluice --help').\n`);
    return 1;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      const hint = err.command ? ` (see 'sluice ${err.command} --help')` : '';
      io.stderr.write(`Error: ${err.message}${hint}\n`);
      return err.exitCode;
    }
    if (err instanceof CommandError) {
      io.stderr.write(`Error: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`Error: ${message}\n`);
    if (io.env.SLUICE_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
