import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.js';
import type { CommandIO } from './command.js';

function io(env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const commandIO: CommandIO = { stdin: Readable.from([]), stdout, stderr, env, cwd: process.cwd() };
  return { commandIO, out: () => out, err: () => err };
}

describe('runCli', () => {
  it('lists every command with --help', async () => {
    const t = io();
    expect(await runCli(['--help'], t.commandIO)).toBe(0);
    for (const name of ['start', 'broker', 'topics', 'console-producer', 'console-consumer', 'consumer-groups']) {
      expect(t.out()).toContain(`  ${name} `);
    }
  });

  it('prints a command usage with its flags', async () => {
    const t = io();
    expect(await runCli(['consumer-groups', '--help'], t.commandIO)).toBe(0);
    expect(t.out()).toMatch(/^Usage: sluice consumer-groups --list/);
    expect(t.out()).toContain('--reset-offsets');
    expect(t.out()).toContain('--shift-by N');
  });

  it('answers an unknown command with one line and exit 1', async () => {
    const t = io();
    expect(await runCli(['topicz'], t.commandIO)).toBe(1);
    expect(t.err()).toBe(
      "Error: unknown command 'topicz'. Commands: start, server, broker, topics, console-producer, console-consumer, consumer-groups, deploy, pipelines, run (see 'sluice --help').\n",
    );
  });

  it('reports flag mistakes on one line that points at --help, before any network use', async () => {
    const t = io();
    expect(await runCli(['topics', '--create', '--topic', 'x', '--replication-factr', '1'], t.commandIO)).toBe(1);
    expect(t.err()).toBe("Error: unknown option --replication-factr for 'sluice topics' (see 'sluice topics --help')\n");

    const u = io();
    expect(await runCli(['topics', '--list', '--delete'], u.commandIO)).toBe(1);
    expect(u.err()).toMatch(/^Error: command must include exactly one action: --list, --describe, --create, --alter, --delete/);

    const v = io();
    expect(await runCli(['topics', '--alter', '--topic', 't', '--partitions', '3', '--replication-factor', '2'], v.commandIO)).toBe(1);
    expect(v.err()).toMatch(/^Error: option --replication-factor can't be used with --alter/);

    const w = io();
    expect(await runCli(['console-consumer', '--topic', 't', '--offset', '3'], w.commandIO)).toBe(1);
    expect(w.err()).toMatch(/^Error: The partition is required when offset is specified\./);

    const x = io();
    expect(await runCli(['consumer-groups', '--reset-offsets', '--group', 'g', '--topic', 't', '--dry-run'], x.commandIO)).toBe(1);
    expect(x.err()).toMatch(/^Error: Option --reset-offsets requires exactly one of the following scenarios/);
  });

  it('rejects a malformed bootstrap address from the environment', async () => {
    const t = io({ SLUICE_BOOTSTRAP_SERVER: 'nocolon' });
    expect(await runCli(['topics', '--list'], t.commandIO)).toBe(1);
    expect(t.err()).toMatch(/^Error: \$SLUICE_BOOTSTRAP_SERVER 'nocolon' is not host:port/);
  });

  it('has every command of the product contract', async () => {
    const t = io();
    expect(await runCli(['--help'], t.commandIO)).toBe(0);
    for (const name of ['server', 'deploy', 'pipelines', 'run']) expect(t.out()).toContain(`  ${name} `);
  });
});
