import { didYouMean } from './suggest.js';

/** Where in an expression something went wrong: 1-based line and column, plus the offending span. */
export interface SourcePosition {
  line: number;
  column: number;
  /** 0-based character offset of the span's start, for editors that highlight by offset. */
  offset: number;
  length: number;
}

/** What the CEL library's errors carry that we read: a code, a one-line summary, a range. */
export interface CelErrorLike {
  code?: string;
  summary?: string;
  message: string;
  range?: { start: number; end: number };
}

export function positionAt(source: string, start: number, end = start): SourcePosition {
  const offset = Math.max(0, Math.min(start, source.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (source[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1, offset, length: Math.max(0, end - offset) };
}

export function formatPosition(position: SourcePosition): string {
  return `${position.line}:${position.column}`;
}

/** "no such key: b" — the library's summary, lower-cased at the start to sit inside a sentence. */
function sentence(summary: string): string {
  return summary.length > 0 ? summary[0].toLowerCase() + summary.slice(1) : summary;
}

const LIMIT_WORDS: Record<string, string> = {
  maxAstNodes: 'the expression is too large',
  maxDepth: 'the expression nests too deeply',
  maxListElements: 'a list literal has too many elements',
  maxMapEntries: 'a map literal has too many entries',
  maxCallArguments: 'a call has too many arguments',
};

/** One actionable line for a parse error, e.g. "syntax error at 2:3: unexpected '&&'". */
export function describeParseError(
  error: CelErrorLike,
  source: string,
): { message: string; position?: SourcePosition } {
  const summary = error.summary ?? error.message;
  const range = error.range;
  if (!range) return { message: `syntax error: ${sentence(summary)}` };
  const position = positionAt(source, range.start, range.end);
  const at = formatPosition(position);
  if (error.code === 'limit_exceeded') {
    const key = /Exceeded (\w+) \((\d+)\)/.exec(summary);
    const words = key ? LIMIT_WORDS[key[1]] : undefined;
    const detail = words && key ? `${words} (limit ${key[2]}): simplify it` : sentence(summary);
    return { message: `${detail} (at ${at})`, position };
  }
  if (error.code === 'unexpected_token' || error.code === 'expected_token') {
    const text = source.slice(range.start, range.end).trim();
    const found = range.start >= source.trimEnd().length || text === '' ? 'the expression ends too early' : `unexpected '${text}'`;
    return { message: `syntax error at ${at}: ${found}`, position };
  }
  return { message: `syntax error at ${at}: ${sentence(summary)}`, position };
}

/** One actionable line for a type-check failure. */
export function describeTypeError(
  error: CelErrorLike,
  source: string,
  variables: readonly string[],
): { message: string; position?: SourcePosition } {
  const summary = error.summary ?? error.message;
  const position = error.range ? positionAt(source, error.range.start, error.range.end) : undefined;
  const at = position ? ` at ${formatPosition(position)}` : '';
  const unknown = /^Unknown variable: (.+)$/.exec(summary);
  if (error.code === 'unknown_variable' && unknown) {
    const name = unknown[1];
    const hint = didYouMean(name, variables) || ` (did you mean value.${name}?)`;
    return { message: `undeclared reference to '${name}'${at}${hint}`, position };
  }
  return { message: `type error${at}: ${sentence(summary)}`, position };
}

/** A runtime failure on one record, e.g. "no such key: temperature at 1:7". */
export function describeEvaluationError(
  error: CelErrorLike,
  source: string,
): { message: string; position?: SourcePosition } {
  const summary = error.summary ?? error.message;
  const position = error.range ? positionAt(source, error.range.start, error.range.end) : undefined;
  const at = position ? ` at ${formatPosition(position)}` : '';
  return { message: `${sentence(summary)}${at}`, position };
}
