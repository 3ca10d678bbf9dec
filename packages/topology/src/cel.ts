import { Environment } from '@marcbachmann/cel-js';
import {
  describeEvaluationError,
  describeParseError,
  describeTypeError,
  type CelErrorLike,
  type SourcePosition,
} from './cel-messages.js';
import { FrameLoader, type RecordContext, type VariableName } from './cel-record.js';
import {
  describeValueType,
  toExpressionValue,
  UnrepresentableValueError,
  type ExpressionValue,
} from './cel-values.js';
import { compileFastPath, DEFERRED, type FastProgram } from './cel-fast/index.js';

export type { SourcePosition } from './cel-messages.js';
export type { ExpressionValue } from './cel-values.js';
export type { RecordContext } from './cel-record.js';

/**
 * What an expression must produce: `bool` for filters and branch predicates, `value` for map and
 * selectKey (any JSON, bytes included), `list` for flatMap (each element becomes a record).
 */
export type ExpressionKind = 'bool' | 'value' | 'list';

type ResultOf<K extends ExpressionKind> = K extends 'bool'
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

const VARIABLE_NAMES: readonly string[] = EXPRESSION_VARIABLES.map((v) => v.name);

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

/** A failure evaluating an expression on one record; the runtime routes it by the node's onError. */
export class ExpressionError extends Error {
  override readonly name = 'ExpressionError';
  constructor(
    message: string,
    readonly position?: SourcePosition,
  ) {
    super(message);
  }
}

type Program = ((context: object) => unknown) & { ast: unknown };

/**
 * For tests and benchmarks only (not exported from the package): the closure program chosen for an
 * expression, and a record run by the interpreter alone or by the closures alone (raw CEL values;
 * DEFERRED when the closures leave the record to the interpreter).
 */
export interface ExpressionInternals {
  fastPath(expression: CompiledExpression): FastProgram | undefined;
  /** Why the expression has no closures ("uses the function int()"). */
  fallbackReason(expression: CompiledExpression): string | undefined;
  /** As evaluate(), without the closures. */
  interpret<K extends ExpressionKind>(expression: CompiledExpression<K>, record: RecordContext): ResultOf<K>;
  /** The interpreter's CEL value, before it is shaped for the kind. */
  interpretRaw(expression: CompiledExpression, record: RecordContext): unknown;
  runFast(expression: CompiledExpression, record: RecordContext): unknown;
}

let internals: ExpressionInternals | undefined;

export function expressionInternals(): ExpressionInternals {
  return internals!;
}

export { DEFERRED };

/** An expression that compiled and type-checked; evaluate it once per record. */
export class CompiledExpression<K extends ExpressionKind = ExpressionKind> {
  readonly #program: Program;
  /** Closures for expressions in the fast subset; the interpreter answers whatever they defer. */
  readonly #fast: FastProgram | undefined;
  readonly #fallbackReason: string | undefined;
  /** Only the variables the expression mentions are converted per record (bigints cost). */
  readonly #frames: FrameLoader;
  constructor(
    readonly source: string,
    readonly kind: K,
    program: Program,
  ) {
    this.#program = program;
    const uses = referencedVariables(program.ast);
    this.#frames = new FrameLoader(uses);
    const fast = compileFastPath(program.ast, uses);
    this.#fast = fast.ok ? fast.run : undefined;
    this.#fallbackReason = fast.ok ? undefined : fast.reason;
  }

  evaluate(record: RecordContext): ResultOf<K> {
    return this.#shape(this.#run(record, true));
  }

  #run(record: RecordContext, fast: boolean): unknown {
    try {
      const frame = this.#frames.load(record);
      if (fast && this.#fast !== undefined) {
        const raw = this.#fast(frame);
        if (raw !== DEFERRED) return raw;
      }
      return this.#program(frame);
    } catch (error) {
      if (isCelError(error)) {
        const { message, position } = describeEvaluationError(error, this.source);
        throw new ExpressionError(message, position);
      }
      throw new ExpressionError(error instanceof Error ? error.message : String(error));
    } finally {
      this.#frames.release();
    }
  }

  static {
    internals = {
      fastPath: (expression) => expression.#fast,
      fallbackReason: (expression) => expression.#fallbackReason,
      interpret: (expression, record) => expression.#shape(expression.#run(record, false)),
      interpretRaw: (expression, record) => expression.#run(record, false),
      runFast: (expression, record) => {
        const fast = expression.#fast;
        if (fast === undefined) return DEFERRED;
        try {
          return fast(expression.#frames.load(record));
        } catch {
          return DEFERRED; // a record field that cannot be converted
        } finally {
          expression.#frames.release();
        }
      },
    };
  }

  #shape(raw: unknown): ResultOf<K> {
    try {
      if (this.kind === 'bool') {
        if (typeof raw !== 'boolean') {
          throw new ExpressionError(`expression must return bool, but returned ${describeValueType(raw)}`);
        }
        return raw as ResultOf<K>;
      }
      if (this.kind === 'list') {
        if (!Array.isArray(raw)) {
          throw new ExpressionError(`expression must return a list, but returned ${describeValueType(raw)}`);
        }
        return raw.map(toExpressionValue) as ResultOf<K>;
      }
      return toExpressionValue(raw) as ResultOf<K>;
    } catch (error) {
      if (error instanceof UnrepresentableValueError) throw new ExpressionError(error.message);
      throw error;
    }
  }
}

export type CompileResult<K extends ExpressionKind> =
  | { ok: true; expression: CompiledExpression<K> }
  | { ok: false; error: ExpressionProblem };

const ACCEPTED_TYPES: Record<ExpressionKind, (type: string) => boolean> = {
  bool: (type) => type === 'bool' || type === 'dyn',
  list: (type) => type === 'dyn' || type === 'list' || type.startsWith('list<'),
  value: () => true,
};

const KIND_WORDS: Record<ExpressionKind, string> = { bool: 'bool', list: 'a list', value: 'a value' };

/** Parses and type-checks `source` for the given kind; never throws for bad user input. */
export function compileExpression<K extends ExpressionKind>(source: string, kind: K): CompileResult<K> {
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
  return { ok: true, expression: new CompiledExpression(source, kind, parsed) };
}

/** Evaluates a compiled expression on one record; throws ExpressionError when the record fails it. */
export function evaluate<K extends ExpressionKind>(compiled: CompiledExpression<K>, record: RecordContext): ResultOf<K> {
  return compiled.evaluate(record);
}

/** Names of record variables an expression refers to, found by walking its syntax tree. */
function referencedVariables(ast: unknown): Set<VariableName> {
  const found = new Set<VariableName>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    if (node === null || typeof node !== 'object' || !('op' in node) || !('args' in node)) return;
    const { op, args } = node as { op: unknown; args: unknown };
    if (op === 'id' && typeof args === 'string') {
      if (VARIABLE_NAMES.includes(args)) found.add(args as VariableName);
      return;
    }
    visit(args);
  };
  visit(ast);
  return found;
}

function isCelError(error: unknown): error is CelErrorLike & Error {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

