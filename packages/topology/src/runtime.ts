// `@sluice/topology/runtime`: what running a pipeline needs on top of the main entry. Compiling
// an expression to closures (cel-fast) is only for running records, so the web bundle leaves it out.
export {
  compileExpression,
  CompiledExpression,
  evaluate,
  ExpressionError,
  type CompileResult,
} from './cel-compiled.js';
