import { describe, expect, it } from 'vitest';
import type { SovietError } from '../errors/soviet-error.js';
import { parsePreflib } from './preflib-format.js';
import { preflibFile } from './testing/datasets.js';

function refusal(text: string): { code: string; line: unknown } {
  try {
    parsePreflib(text);
  } catch (error) {
    const e = error as SovietError;
    return { code: e.code, line: e.params.line };
  }
  throw new Error('the file was accepted');
}

describe('parsePreflib', () => {
  it('reads headers, names, counts, tie groups', () => {
    const p = parsePreflib(
      '# TITLE: T\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bob\n5: 1,{2,3}\n2: 3\n',
    );
    expect(p.title).toBe('T');
    expect(p.candidates.map((c) => c.id)).toEqual(['Ann', 'Bob', '3']);
    expect(Array.from(p.ballots.weights)).toEqual([5, 2]);
    expect(Array.from(p.ballots.marks)).toEqual([0, 1, 2 | 0x8000, 2]);
  });

  it('reads the data sets with the declared number of voters', () => {
    const p = preflibFile('us-irv-preflib/00016-aspen__00016-00000002.toi');
    expect(Array.from(p.ballots.weights).reduce((a, b) => a + b, 0)).toBe(2527);
    const d = preflibFile('debian-dpl-preflib/00002-00000001.soi');
    expect(Array.from(d.ballots.weights).reduce((a, b) => a + b, 0)).toBe(475);
  });

  it.each([
    ['', 'BALLOT_FILE_EMPTY', undefined],
    ['1: 1\n', 'PREFLIB_NO_ALTERNATIVES', undefined],
    ['# TITLE: x\n', 'PREFLIB_NO_ALTERNATIVES', undefined],
    ['# NUMBER ALTERNATIVES: two\n', 'PREFLIB_BAD_HEADER', 1],
    ['#\n', 'PREFLIB_BAD_HEADER', 1],
    ['# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME: x\n', 'PREFLIB_BAD_HEADER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1 1,2\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n0: 1,2\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: 1,3\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: 1,1\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: {1,2\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: {1,{2}}\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: 1;2\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: 1,\n', 'PREFLIB_BAD_ORDER', 2],
    ['# NUMBER ALTERNATIVES: 2\n1: x\n', 'PREFLIB_BAD_ORDER', 2],
  ])('refuses %j with %s at line %s', (text, code, line) => {
    expect(refusal(text)).toEqual({ code, line });
  });
});
