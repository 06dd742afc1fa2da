import { describe, expect, it } from 'vitest';
import { describeJsonError, locateJsonError } from './json-error-locator.ts';

describe('locating a JSON syntax error for the sender', () => {
  it('finds nothing wrong in valid JSON', () => {
    expect(locateJsonError('[{"a": [1, 2.5e3, true, null, "x\\"y"]}]')).toBeNull();
  });

  it('names the line and column of a missing value', () => {
    expect(locateJsonError('{"a":1,\n"b":}')).toMatchObject({ line: 2, column: 5, expected: 'a value' });
  });

  it('names the element of a batch that is broken', () => {
    expect(describeJsonError('[{"a":1},{"a":2},{"a" 3}]')).toMatch(/^in event \[2\] of the array, at line 1, column 23: expected ':'/);
  });

  it('reports a truncated body', () => {
    expect(describeJsonError('[{"a":1},{"a"')).toMatch(/found the end of the body/);
  });

  it('reports unquoted field names and trailing text', () => {
    expect(describeJsonError('{a:1}')).toMatch(/field name in double quotes/);
    expect(describeJsonError('{"a":1} x')).toMatch(/text after the JSON value/);
  });
});
