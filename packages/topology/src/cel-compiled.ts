import { describeEvaluationError, type SourcePosition } from './cel-messages.js';
import {
  checkExpression,
  isCelError,
  VARIABLE_NAMES,
  type CheckedProgram,
  type ExpressionKind,
  type ExpressionProblem,
  type ResultOf,
} from './cel.js';
import { compileFastPath, DEFERRED, type FastProgram } from './cel-fast/index.js';
import { FrameLoader, type RecordContext, type VariableName } from './cel-record.js';
import { describeValueType, toExpressionValue, UnrepresentableValueError } from './cel-values.js';

// Runs expressions per record: the closure compiler (cel-fast) and value conversion live here,
// apart from checking, so that editors and validation do not carry them.

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

type Program = CheckedProgram;

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

/** Checks `source` and compiles it to run once per record; never throws for bad user input. */
export function compileExpression<K extends ExpressionKind>(source: string, kind: K): CompileResult<K> {
  const checked = checkExpression(source, kind);
  return checked.ok ? { ok: true, expression: new CompiledExpression(source, kind, checked.program) } : checked;
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
