/**
 * Where and why JSON text fails to parse. Browsers word JSON.parse errors differently and some
 * give no position at all, so the text is scanned again to find the first bad character.
 * Only called after JSON.parse has failed.
 */
export function locateJsonError(text: string): { line: number; column: number; problem: string } {
  let i = 0;
  const fail = (problem: string): never => {
    throw new ScanError(i, problem);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const describe = () => (i >= text.length ? 'the text ends too early' : `unexpected ${JSON.stringify(text[i])}`);
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(describe());
  };
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('line breaks and control characters must be escaped inside strings');
      i++;
    }
    if (i >= text.length) fail('a string is not closed with "');
    i++;
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail(describe());
    else i += match[0].length;
  };
  const value = (): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    fail(describe());
  };
  const object = () => {
    i++;
    skipSpace();
    if (text[i] === '}') {
      i++;
      return;
    }
    for (;;) {
      skipSpace();
      if (text[i] !== '"') fail(`${describe()}: property names are written in double quotes`);
      string();
      skipSpace();
      if (text[i] !== ':') fail(`${describe()}: expected ":" after a property name`);
      i++;
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') {
        i++;
        return;
      }
      fail(`${describe()}: expected "," or "}"`);
    }
  };
  const array = () => {
    i++;
    skipSpace();
    if (text[i] === ']') {
      i++;
      return;
    }
    for (;;) {
      value();
      skipSpace();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') {
        i++;
        return;
      }
      fail(`${describe()}: expected "," or "]"`);
    }
  };

  let problem = 'the text is not JSON';
  try {
    value();
    skipSpace();
    if (i < text.length) fail(`${describe()} after the end of the document`);
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    problem = error.problem;
    i = error.offset;
  }
  const before = text.slice(0, i).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1, problem };
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(problem);
  }
}
