import { Environment } from '@marcbachmann/cel-js';
import {
  describeParseError,
  describeTypeError,
  type CelErrorLike,
  type SourcePosition,
} from './cel-messages.js';
import type { ExpressionValue } from './cel-values.js';

export type { SourcePosition } from './cel-messages.js';
export type { ExpressionValue } from './cel-values.js';
export type { RecordContext } from './cel-record.js';

/**
 * What an expression must produce: `bool` for filters and branch predicates, `value` for map and
 * selectKey (any JSON, bytes included), `list` for flatMap (each element becomes a record).
 */
export type ExpressionKind = 'bool' | 'value' | 'list';

export type ResultOf<K extends ExpressionKind> = K extends 'bool'
  ? boolean
  : K extends 'list'
    ? ExpressionValue[]
    : ExpressionValue;

/** The variables every record expression sees, with their CEL types. */
export const EXPRESSION_VARIABLES = [
  { name: 'key', type: 'dyn', description: 'the record key, decoded by the source key format (null when absent)' },
  { name: 'value', type: 'dyn', description: 'the record value, decoded by the source format; JSON fields are value.field' },
  { name: 'headers', type: 'map<string, string>', description: 'record headers as UTF-8 strings: headers["trace-id"]' },
  { name: 'topic', type: 'string', description: 'the topic the record was read from' },
  { name: 'partition', type: 'int', description: 'the partition the record was read from' },
  { name: 'offset', type: 'int', description: 'the record offset in its partition' },
  { name: 'timestamp', type: 'int', description: 'the record timestamp, milliseconds since the Unix epoch' },
] as const;

export const VARIABLE_NAMES: readonly string[] = EXPRESSION_VARIABLES.map((v) => v.name);

/** Parse-time bounds: an expression stays small enough to read and cheap enough to run per record. */
export const EXPRESSION_LIMITS = {
  maxLength: 4000,
  maxAstNodes: 1000,
  maxDepth: 40,
  maxListElements: 500,
  maxMapEntries: 200,
  maxCallArguments: 16,
} as const;

let environment: Environment | undefined;

// Built once, on first use: building an Environment is the expensive part of the library.
function celEnvironment(): Environment {
  if (environment) return environment;
  const { maxLength: _, ...limits } = EXPRESSION_LIMITS;
  const env = new Environment({ homogeneousAggregateLiterals: false, limits });
  for (const v of EXPRESSION_VARIABLES) env.registerVariable(v.name, v.type);
  registerMixedArithmetic(env);
  environment = env;
  return env;
}

/**
 * JSON has one number type, which arrives in CEL as double, while literals like `32` are int. CEL
 * proper refuses `double + int`; records would then fail on `value.celsius * 1.8 + 32`. Mixed
 * arithmetic is done in double, and `%` is allowed on doubles so `value.count % 2 == 0` works.
 * The closure compiler (cel-fast/operators.ts) implements these same overloads: change both.
 */
function registerMixedArithmetic(env: Environment): void {
  const ops: Record<string, (a: number, b: number) => number> = {
    '+': (a, b) => a + b,
    '-': (a, b) => a - b,
    '*': (a, b) => a * b,
    '/': (a, b) => a / b,
  };
  for (const [op, fn] of Object.entries(ops)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => fn(a, Number(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => fn(Number(a), b));
  }
  env.registerOperator('double % double: double', (a: number, b: number) => a % b);
  env.registerOperator('double % int: double', (a: number, b: bigint) => a % Number(b));
  env.registerOperator('int % double: double', (a: bigint, b: number) => Number(a) % b);
  // Registers both directions (and !=): the library mirrors equality overloads.
  env.registerOperator('int == double', (a: bigint, b: number) => Number(a) === b);
}

/** A compile failure, positioned in the expression when the library says where. */
export interface ExpressionProblem {
  message: string;
  position?: SourcePosition;
}

/** A parsed, type-checked expression, ready to be compiled for running (see cel-compiled.ts). */
export type CheckedProgram = ((context: object) => unknown) & { ast: unknown };

export type ExpressionCheck = { ok: true; program: CheckedProgram } | { ok: false; error: ExpressionProblem };

const ACCEPTED_TYPES: Record<ExpressionKind, (type: string) => boolean> = {
  bool: (type) => type === 'bool' || type === 'dyn',
  list: (type) => type === 'dyn' || type === 'list' || type.startsWith('list<'),
  value: () => true,
};

const KIND_WORDS: Record<ExpressionKind, string> = { bool: 'bool', list: 'a list', value: 'a value' };

/**
 * Parses and type-checks `source` for the given kind; never throws for bad user input. Enough for
 * editors and validation; running it per record is the runtime entry's compileExpression.
 */
export function checkExpression(source: string, kind: ExpressionKind): ExpressionCheck {
  if (source.trim() === '') {
    return { ok: false, error: { message: 'expression is empty: write a CEL expression such as value.temperature > 40.0' } };
  }
  if (source.length > EXPRESSION_LIMITS.maxLength) {
    return {
      ok: false,
      error: { message: `expression is ${source.length} characters long; the limit is ${EXPRESSION_LIMITS.maxLength}` },
    };
  }
  const env = celEnvironment();
  let parsed: ReturnType<Environment['parse']>;
  try {
    parsed = env.parse(source);
  } catch (error) {
    if (!isCelError(error)) throw error;
    return { ok: false, error: describeParseError(error, source) };
  }
  const checked = parsed.check();
  if (!checked.valid) {
    const error: CelErrorLike = checked.error ?? { message: 'the expression does not type-check' };
    return { ok: false, error: describeTypeError(error, source, VARIABLE_NAMES) };
  }
  const type = checked.type ?? 'dyn';
  if (!ACCEPTED_TYPES[kind](type)) {
    return { ok: false, error: { message: `expression must return ${KIND_WORDS[kind]}, but it returns ${type}` } };
  }
  return { ok: true, program: parsed as unknown as CheckedProgram };
}

export function isCelError(error: unknown): error is CelErrorLike & Error {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

