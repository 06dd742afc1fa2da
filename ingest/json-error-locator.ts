/**
 * Finds where a JSON text stops being valid. Node's JSON.parse does not always report a position,
 * and a clerk needs the line, column and, for a batch, which element of the array is broken.
 * Only runs after JSON.parse has failed, so its speed does not matter.
 */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  /** Index of the top-level array element being read when the error occurred. */
  element?: number;
  expected: string;
}

export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  let element: number | undefined;
  const fail = (expected: string): never => {
    throw Object.assign(new Error(expected), { at: i, expected });
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail(`the value ${word}`));
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) fail('a closing quote (a string cannot contain a raw line break)');
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail('a value');
    i += m![0].length;
  };
  const value = (depth: number): void => {
    ws();
    const c = text[i];
    if (c === '{') return container('}', depth, () => {
      if (text[i] !== '"') fail('a field name in double quotes');
      string();
      ws();
      if (text[i] !== ':') fail("':' after the field name");
      i++;
      value(depth + 1);
    });
    if (c === '[') return container(']', depth, () => value(depth + 1));
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    return number();
  };
  const container = (close: string, depth: number, member: () => void) => {
    i++;
    ws();
    if (depth === 0 && close === ']') element = 0;
    if (text[i] === close) return void i++;
    for (;;) {
      member();
      ws();
      if (text[i] === ',') {
        i++;
        ws();
        if (depth === 0 && close === ']') element = (element ?? 0) + 1;
        continue;
      }
      if (text[i] === close) return void i++;
      fail(`',' or '${close}'`);
    }
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('the end of the body (there is text after the JSON value)');
    return null;
  } catch (error) {
    const at = Math.min((error as { at: number }).at, text.length);
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return { offset: at, line, column: at - before.lastIndexOf('\n'), element, expected: (error as { expected: string }).expected };
  }
}

export function describeJsonError(text: string): string {
  const loc = locateJsonError(text);
  if (!loc) return 'the body is not valid JSON';
  const near = JSON.stringify(text.slice(Math.max(0, loc.offset - 20), loc.offset + 20));
  const which = loc.element !== undefined ? `in event [${loc.element}] of the array, ` : '';
  const found = loc.offset >= text.length ? 'the end of the body' : JSON.stringify(text[loc.offset]);
  return `${which}at line ${loc.line}, column ${loc.column}: expected ${loc.expected} but found ${found} (near ${near})`;
}
