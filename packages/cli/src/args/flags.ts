import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** One `--flag` a command accepts; the same record drives parsing and `--help`. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Repeatable (`--config a=1 --config b=2`). */
  multiple?: boolean;
  /** Placeholder for the value in usage text, e.g. `HOST:PORT`. */
  value?: string;
  help: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

/** What a command declares about itself. */
export interface CommandSpec<F extends FlagSpecs = FlagSpecs> {
  name: string;
  /** One line for `sluice --help`. */
  summary: string;
  /** Synopsis lines shown under `Usage:`. */
  usage: string[];
  /** A paragraph under the synopsis. */
  description?: string;
  flags: F;
  /** Arguments that are not flags, in order (`sluice run FILE`); none unless declared. */
  positionals?: { name: string; help: string }[];
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? boolean
  : S['multiple'] extends true
    ? string[]
    : string | undefined;

/** Parsed flags: booleans are false when absent, repeatable flags [] and single values undefined. */
export type ParsedFlags<F extends FlagSpecs> = { -readonly [K in keyof F]: FlagValue<F[K]> };

export type ParseResult<F extends FlagSpecs> =
  | { help: true }
  | { help: false; flags: ParsedFlags<F>; positionals: string[] };

const NEGATIVE_NUMBER = /^-\d+$/;

/**
 * Parses argv against a command's flags. Kafka users write `--shift-by -2`; node's parser reads a
 * leading dash as a flag, so a negative number right after a value flag is glued on as `--flag=-2`.
 */
export function parseFlags<F extends FlagSpecs>(spec: CommandSpec<F>, argv: readonly string[]): ParseResult<F> {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const args = glueNegativeValues(spec.flags, argv);
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const [name, f] of Object.entries(spec.flags)) {
    options[name] = { type: f.type, multiple: f.multiple ?? false };
  }
  const allowed = spec.positionals ?? [];
  let values: Record<string, unknown>;
  let positionals: string[];
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: allowed.length > 0 });
    values = parsed.values as Record<string, unknown>;
    positionals = parsed.positionals;
  } catch (err) {
    throw toUsageError(spec.name, err);
  }
  if (positionals.length > allowed.length) {
    throw new UsageError(`unexpected argument '${positionals[allowed.length]}'`, spec.name);
  }
  const flags: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(spec.flags)) {
    const v = values[name];
    if (f.type === 'boolean') flags[name] = v === true;
    else if (f.multiple) flags[name] = (v as string[] | undefined) ?? [];
    else flags[name] = v as string | undefined;
  }
  return { help: false, flags: flags as ParsedFlags<F>, positionals };
}

function glueNegativeValues(flags: FlagSpecs, argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && flags[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** node's parser messages are long and mention positionals; say what is wrong and where help is. */
function toUsageError(command: string, err: unknown): UsageError {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${flag ?? message} for 'sluice ${command}'`, command);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take an argument/.test(message)
        ? new UsageError(`option ${flag} does not take a value`, command)
        : new UsageError(`option ${flag} needs a value`, command);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const arg = /'([^']*)'/.exec(message)?.[1] ?? '';
      return new UsageError(`unexpected argument '${arg}' (every value follows a --flag)`, command);
    }
    default:
      return new UsageError(message, command);
  }
}

/** Fails unless the flag was given. */
export function required<T>(command: string, name: string, value: T | undefined): T {
  if (value === undefined || value === '') throw new UsageError(`missing required option --${name}`, command);
  return value;
}

/** Exactly one of the given boolean flags must be set; returns its name. */
export function exactlyOne(command: string, flags: Record<string, unknown>, names: readonly string[]): string {
  const given = names.filter((n) => flags[n] === true);
  const list = names.map((n) => `--${n}`).join(', ');
  if (given.length !== 1) throw new UsageError(`command must include exactly one action: ${list}`, command);
  return given[0];
}

/**
 * Rejects flags that make no sense with the chosen action, the way kafka-topics.sh does
 * (`Option "[partitions]" can't be used with option "[delete]"`).
 */
export function onlyWith(
  command: string,
  flags: Record<string, unknown>,
  action: string,
  allowed: Record<string, readonly string[]>,
): void {
  for (const [flag, actions] of Object.entries(allowed)) {
    const v = flags[flag];
    const given = v === true || (typeof v === 'string') || (Array.isArray(v) && v.length > 0);
    if (given && !actions.includes(action)) {
      throw new UsageError(`option --${flag} can't be used with --${action}`, command);
    }
  }
}

/** Whole numbers as Kafka's tools take them; `what` names the flag in the error. */
export function parseInteger(command: string, what: string, text: string, min?: number): number {
  if (!/^-?\d+$/.test(text.trim())) throw new UsageError(`${what} must be a whole number, got '${text}'`, command);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new UsageError(`${what} is out of range: ${text}`, command);
  if (min !== undefined && n < min) throw new UsageError(`${what} must be at least ${min}, got ${n}`, command);
  return n;
}

/** A TCP port; 0 lets the OS pick a free one. */
export function parsePort(command: string, what: string, text: string): number {
  const port = parseInteger(command, what, text, 0);
  if (port > 65535) throw new UsageError(`${what} must be a port from 0 to 65535, got ${port}`, command);
  return port;
}
