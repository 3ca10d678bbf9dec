// The package's only door: everything web, server, CLI and runtime use comes from here.
export {
  compileExpression,
  evaluate,
  CompiledExpression,
  ExpressionError,
  EXPRESSION_LIMITS,
  EXPRESSION_VARIABLES,
  type CompileResult,
  type ExpressionKind,
  type ExpressionProblem,
  type ExpressionValue,
  type RecordContext,
  type SourcePosition,
} from './cel.js';
