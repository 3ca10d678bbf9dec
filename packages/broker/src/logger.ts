/** The broker's log lines: one line per event, to stderr so stdout stays for the `listening` line. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export function consoleLogger(name = 'broker'): Logger {
  const line = (level: string, message: string) =>
    process.stderr.write(`${new Date().toISOString()} ${level} [${name}] ${message}\n`);
  return {
    info: (m) => line('INFO', m),
    warn: (m) => line('WARN', m),
    error: (m) => line('ERROR', m),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
