import { describe, expect, it } from 'vitest';
import { UsageError } from './errors.js';
import { exactlyOne, onlyWith, parseFlags, parseInteger, type CommandSpec } from './flags.js';

const spec = {
  name: 'demo',
  summary: 'demo',
  usage: ['sluice demo'],
  flags: {
    topic: { type: 'string', help: 'topic' },
    create: { type: 'boolean', help: 'create' },
    list: { type: 'boolean', help: 'list' },
    config: { type: 'string', multiple: true, help: 'config' },
    'shift-by': { type: 'string', help: 'shift' },
  },
} as const satisfies CommandSpec;

function parse(argv: string[]) {
  const r = parseFlags(spec, argv);
  if (r.help) throw new Error('unexpected help');
  return r.flags;
}

function usageMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('parseFlags', () => {
  it('fills absent flags with false, [] and undefined', () => {
    expect(parse([])).toEqual({ topic: undefined, create: false, list: false, config: [], 'shift-by': undefined });
  });

  it('collects repeated flags and takes --flag=value', () => {
    const f = parse(['--create', '--topic=t1', '--config', 'a=1', '--config', 'b=2']);
    expect(f.create).toBe(true);
    expect(f.topic).toBe('t1');
    expect(f.config).toEqual(['a=1', 'b=2']);
  });

  it('reads a negative number after a value flag as its value, as Kafka users type it', () => {
    expect(parse(['--shift-by', '-2'])['shift-by']).toBe('-2');
  });

  it('recognises --help and -h anywhere', () => {
    expect(parseFlags(spec, ['--topic', 'x', '--help']).help).toBe(true);
    expect(parseFlags(spec, ['-h']).help).toBe(true);
  });

  it('names an unknown flag and the command', () => {
    expect(usageMessage(() => parse(['--lis']))).toBe("unknown option --lis for 'sluice demo'");
  });

  it('names a flag whose value is missing', () => {
    expect(usageMessage(() => parse(['--topic']))).toBe('option --topic needs a value');
  });

  it('rejects a value on a switch', () => {
    expect(usageMessage(() => parse(['--create=yes']))).toBe('option --create does not take a value');
  });

  it('rejects stray arguments', () => {
    expect(usageMessage(() => parse(['t1']))).toBe("unexpected argument 't1' (every value follows a --flag)");
  });
});

describe('exactlyOne / onlyWith', () => {
  it('wants exactly one action', () => {
    expect(exactlyOne('demo', { create: true, list: false }, ['create', 'list'])).toBe('create');
    expect(usageMessage(() => exactlyOne('demo', { create: true, list: true }, ['create', 'list']))).toBe(
      'command must include exactly one action: --create, --list',
    );
    expect(usageMessage(() => exactlyOne('demo', {}, ['create', 'list']))).toMatch(/exactly one action/);
  });

  it('rejects a flag given with an action it does not belong to', () => {
    const allowed = { config: ['create'], topic: ['create', 'list'] };
    expect(() => onlyWith('demo', { config: ['a=1'], topic: 't' }, 'create', allowed)).not.toThrow();
    expect(() => onlyWith('demo', { config: [] }, 'list', allowed)).not.toThrow();
    expect(usageMessage(() => onlyWith('demo', { config: ['a=1'] }, 'list', allowed))).toBe(
      "option --config can't be used with --list",
    );
  });
});

describe('parseInteger', () => {
  it('parses whole numbers and enforces a minimum', () => {
    expect(parseInteger('demo', '--partitions', ' 3 ')).toBe(3);
    expect(parseInteger('demo', '--shift', '-4')).toBe(-4);
    expect(usageMessage(() => parseInteger('demo', '--partitions', '3x'))).toBe(
      "--partitions must be a whole number, got '3x'",
    );
    expect(usageMessage(() => parseInteger('demo', '--partitions', '0', 1))).toBe('--partitions must be at least 1, got 0');
  });
});
