/**
 * Errors a command reports to the user as one line on stderr (`Error: …`) with exit code 1.
 * Anything else that escapes a command is unexpected and is reported the same way, without a stack.
 */
export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A command line the command cannot act on: unknown flag, missing value, flags that clash. */
export class UsageError extends CommandError {
  override name = 'UsageError';
  constructor(
    message: string,
    /** The command whose `--help` explains the fix, e.g. `topics`. */
    readonly command?: string,
  ) {
    super(message, 1);
  }
}
