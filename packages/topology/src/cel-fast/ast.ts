import { Unsupported } from './unsupported.js';

/**
 * The parts of the library's checked syntax tree the compiler reads (see the library's
 * lib/parser.js ASTNode and lib/registry.js TypeDeclaration). Read defensively: a shape this
 * module does not recognise makes the expression fall back to the interpreter.
 */
export interface CheckedType {
  readonly name: string;
  readonly kind: string;
  readonly hasDynType: boolean;
  readonly valueType?: CheckedType;
  readonly keyType?: CheckedType;
}

export interface CheckedNode {
  readonly op: string;
  readonly args: unknown;
  /** Set by the type checker on every node it visited (not on the fields inside `has()`). */
  readonly checkedType?: CheckedType;
  readonly meta: {
    /** A rewrite the library evaluates instead (type constants, comprehension macros). */
    readonly alternate?: unknown;
    readonly macro?: { readonly macroHasProps?: readonly unknown[] };
  };
}

export function asNode(value: unknown): CheckedNode {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { op?: unknown }).op === 'string' &&
    'args' in value &&
    typeof (value as { meta?: unknown }).meta === 'object'
  ) {
    return value as CheckedNode;
  }
  throw new Unsupported('an unrecognised syntax tree node');
}

export function typeOf(node: CheckedNode): CheckedType {
  const type = node.checkedType;
  if (typeof type !== 'object' || type === null || typeof type.kind !== 'string') {
    throw new Unsupported(`an unchecked ${node.op} node`);
  }
  return type;
}

export function nodeList(value: unknown): CheckedNode[] {
  if (!Array.isArray(value)) throw new Unsupported('an unrecognised argument list');
  return value.map(asNode);
}

/** The two operands of a binary node. */
export function operands(node: CheckedNode): [CheckedNode, CheckedNode] {
  const args = nodeList(node.args);
  if (args.length !== 2) throw new Unsupported(`${node.op} with ${args.length} operands`);
  return [args[0]!, args[1]!];
}
