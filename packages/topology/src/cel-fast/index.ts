import type { RecordFrame, VariableName } from '../cel-record.js';
import { asNode } from './ast.js';
import { compileNode } from './compile.js';
import { Unsupported } from './unsupported.js';
import { isKnownValue, isMap } from './values.js';

/**
 * The closure compiler: turns a checked CEL syntax tree into plain JS closures for a subset of CEL
 * (literals, the record variables, field and index access, has(), ! and -, comparisons, arithmetic,
 * &&, ||, ?:, in, size(), contains/startsWith/endsWith/lowerAscii/upperAscii/trim, list and map
 * literals). No source text is generated and nothing is evaluated as code.
 *
 * A program answers only when it is sure to give the interpreter's value; for errors and for
 * values it does not know it returns DEFERRED and the caller runs the interpreter on the record.
 */

/** What a fast program returns when the interpreter must evaluate the record instead. */
export const DEFERRED: unique symbol = Symbol('deferred to the interpreter');

export type FastProgram = (frame: RecordFrame) => unknown;

export type FastCompilation = { ok: true; run: FastProgram } | { ok: false; reason: string };

/** Compiles `ast` (already type-checked) if all of it is in the subset; `uses` as found in it. */
export function compileFastPath(ast: unknown, uses: ReadonlySet<VariableName>): FastCompilation {
  let root;
  try {
    root = compileNode(asNode(ast));
  } catch (error) {
    if (error instanceof Unsupported) return { ok: false, reason: `uses ${error.message}` };
    throw error;
  }
  const value = uses.has('value');
  const key = uses.has('key');
  const topic = uses.has('topic');
  const headers = uses.has('headers');
  const run: FastProgram = (frame) => {
    // Variables of a kind the closures do not know (a Map, a class instance) are the interpreter's.
    if (value && !isKnownValue(frame.value)) return DEFERRED;
    if (key && !isKnownValue(frame.key)) return DEFERRED;
    if (topic && typeof frame.topic !== 'string') return DEFERRED;
    if (headers && !isMap(frame.headers)) return DEFERRED;
    try {
      return root(frame);
    } catch {
      return DEFERRED;
    }
  };
  return { ok: true, run };
}
