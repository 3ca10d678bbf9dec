/** Raised while compiling: the expression uses something outside the closure compiler's subset. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}
