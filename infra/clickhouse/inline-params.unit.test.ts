import { describe, expect, it } from 'vitest';
import { inlineParams } from './inline-params.ts';

describe('inlineParams', () => {
  it('writes each parameter as a typed literal, escaping quotes and backslashes', () => {
    expect(inlineParams("SELECT {name:String}, {n:UInt32}, {ids:Array(String)}, {now:DateTime64(3, 'UTC')}", {
      name: "O'Brien \\ 张", n: 5, ids: ['a', "b'c"], now: '2026-05-25 15:59:00.000',
    })).toBe("SELECT CAST('O\\'Brien \\\\ 张' AS String), CAST(5 AS UInt32), CAST(['a', 'b\\'c'] AS Array(String)), CAST('2026-05-25 15:59:00.000' AS DateTime64(3, 'UTC'))");
  });

  it('refuses a missing parameter and a value it cannot write', () => {
    expect(() => inlineParams('SELECT {x:String}', {})).toThrow(/x has no value/);
    expect(() => inlineParams('SELECT {x:UInt32}', { x: Number.NaN })).toThrow(/not a finite number/);
    expect(() => inlineParams('SELECT {x:String}', { x: { a: 1 } })).toThrow(/unsupported value/);
  });

  it('leaves braces that are not parameters alone', () => {
    expect(inlineParams("SELECT '{\"a\":1}', {x:UInt32}", { x: 1 })).toBe("SELECT '{\"a\":1}', CAST(1 AS UInt32)");
  });
});
