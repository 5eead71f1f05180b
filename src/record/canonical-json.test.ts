import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from './bytes.js';
import { canonicalJson, canonicalJsonBytes, type JsonValue } from './canonical-json.js';

/** An IEEE 754 double from its 16 hex digits (RFC 8785 Appendix B writes them so). */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 canonical JSON', () => {
  it('serialises the RFC 8785 §3.2.2 sample (numbers, escapes, literals) byte for byte', () => {
    // The sample input of RFC 8785 §3.2.2 (as parsed), and its published UTF-8 output.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "literals": [null, true, false]}',
    ) as JsonValue;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('matches the published UTF-8 bytes of the cyberphone reference sample', () => {
    const input = JSON.parse(
      '{"numbers": [1E30,4.50,6,2e-3,0.000000000000000000000000001], "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/", "other": [null, true, false]}',
    ) as JsonValue;
    const hex =
      '7b22657363617069 6e67223a22e282ac245c75303030665c6e41274 25c225c5c5c5c5c222f222c226e756d62657273223a5b31652b33302c342e352c362c302e3030322c31652d32375d2c226f74686572223a5b6e756c6c2c747275652c66616c73655d7d';
    expect(toHex(canonicalJsonBytes(input))).toBe(hex.replaceAll(' ', ''));
  });

  it('sorts member names by UTF-16 code units, not code points or UTF-8 (RFC 8785 §3.2.3)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // U+1F600 (surrogates D83D DE00) sorts before U+FB33 in UTF-16, after it in code points.
    expect(canonicalJson(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('writes numbers as RFC 8785 Appendix B lists them', () => {
    const samples: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, text] of samples) expect(canonicalJson(double(bits))).toBe(text);
  });

  it('escapes only what JSON requires, with lower-case \\u00xx for other controls', () => {
    expect(canonicalJson('\b\f\n\r\t\u0000\u001f"\\/<>&\u007f\u2028é')).toBe(
      '"\\b\\f\\n\\r\\t\\u0000\\u001f\\"\\\\/<>&\u007f\u2028é"',
    );
  });

  it('round-trips any JSON value through JSON.parse unchanged in meaning, and is idempotent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value as JsonValue);
        const reparsed = JSON.parse(text) as JsonValue;
        expect(canonicalJson(reparsed)).toBe(text);
        expect(reparsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('refuses what JSON cannot carry, naming where', () => {
    const cases: [unknown, RegExp][] = [
      [{ a: { b: undefined } }, /at \$\.a\.b cannot .*: undefined is not JSON/],
      [[1, Number.NaN], /at \$\[1\] cannot .*: NaN is not a JSON number/],
      [{ x: Number.POSITIVE_INFINITY }, /Infinity is not a JSON number/],
      [{ d: new Date(0) }, /at \$\.d cannot .*: a Date object is not plain JSON/],
      [{ m: new Map() }, /Map object/],
      [{ big: 1n }, /a bigint is not JSON/],
      [{ f: () => 1 }, /a function is not JSON/],
      [{ s: 'a\ud800b' }, /lone UTF-16 surrogate/],
      [{ '\udc00': 1 }, /lone surrogate/],
    ];
    for (const [value, message] of cases) {
      expect(() => canonicalJson(value as JsonValue)).toThrowError(message);
    }
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic as JsonValue)).toThrowError(/contains itself/);
  });
});
