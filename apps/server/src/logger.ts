/** Where the server writes its log lines; `sluice server` passes one that prints to stderr. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** One line per event on stderr, so stdout stays free for what a command prints. */
export function consoleLogger(name = 'server'): Logger {
  const line = (level: string, message: string) => process.stderr.write(`${new Date().toISOString()} ${level} [${name}] ${message}\n`);
  return {
    info: (m) => line('INFO', m),
    warn: (m) => line('WARN', m),
    error: (m) => line('ERROR', m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** The message of anything thrown, for a log line or an API error. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
