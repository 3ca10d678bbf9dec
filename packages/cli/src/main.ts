#!/usr/bin/env node
import { runCli } from './cli.js';

// A reader that went away (`sluice … | head`) is not an error worth a stack trace; commands that
// stream output watch for it themselves and stop.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
});

const outcome = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});

if (outcome !== 'running') {
  // Client libraries may keep timers alive after a command is done; exit once output is written.
  const code = outcome;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
