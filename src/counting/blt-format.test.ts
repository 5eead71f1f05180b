import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SovietError } from '../errors/soviet-error.js';
import { parseBlt, writeBlt } from './blt-format.js';
import { countElection } from './count-election.js';
import { arbitraryProfile } from './testing/arbitraries.js';
import { scottishWardBytes, scottishWardFiles } from './testing/datasets.js';

function refusal(text: string): { code: string; line: unknown } {
  try {
    parseBlt(text);
  } catch (error) {
    const e = error as SovietError;
    return { code: e.code, line: e.params.line };
  }
  throw new Error('the file was accepted');
}

describe('parseBlt', () => {
  it('reads quoted names, weights, ties, skipped ranks, withdrawn candidates and the title', () => {
    const profile = parseBlt(
      '3 2\n-2\n4 1 2 3 0\n1 3=1 - 2 0\n2 0\n0\n"Ann Smith"\n"Bob"\n"Cy"\n"Ward 1"\n',
    );
    expect(profile.candidates.map((c) => c.name)).toEqual(['Ann Smith', 'Bob', 'Cy']);
    expect(profile.seats).toBe(2);
    expect(profile.withdrawn).toEqual([1]);
    expect(profile.title).toBe('Ward 1');
    expect(Array.from(profile.ballots.weights)).toEqual([4, 1, 2]);
    expect(Array.from(profile.ballots.offsets)).toEqual([0, 3, 6, 6]);
    expect(Array.from(profile.ballots.marks)).toEqual([0, 1, 2, 2, 0 | 0x8000, 1]);
  });

  it('reads unquoted names, quoted names sharing a line, CRLF line ends and a missing final newline', () => {
    const a = parseBlt('2 1\r\n1 1 0\r\n0\r\nFirst NAME (Party)\r\nSecond\r\nThe ward');
    expect(a.candidates.map((c) => c.id)).toEqual(['First NAME (Party)', 'Second']);
    expect(a.title).toBe('The ward');
    const b = parseBlt('2 1\n1 2 0\n0\n"A" "B"\n"T"\n');
    expect(b.candidates.map((c) => c.id)).toEqual(['A', 'B']);
  });

  it.each([
    ['', 'BALLOT_FILE_EMPTY', undefined],
    ['\n\n', 'BALLOT_FILE_EMPTY', undefined],
    ['x 1\n', 'BLT_BAD_HEADER', 1],
    ['3\n', 'BLT_BAD_HEADER', 1],
    ['3 0\n', 'BLT_BAD_HEADER', 1],
    ['3 1 7\n', 'BLT_BAD_HEADER', 1],
    ['\n40000 1\n', 'BLT_BAD_HEADER', 2],
    ['2 1\n-3\n', 'BLT_BAD_WITHDRAWN', 2],
    ['2 1\n-1 2\n', 'BLT_BAD_WITHDRAWN', 2],
    ['2 1\n1 1 2\n0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1 1 0\n1 3 0\n', 'BLT_BAD_BALLOT', 3],
    ['2 1\n1 1 1 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1 1 x 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1.5 1 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n0 1 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\nA 1 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1 1= 0\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1 1 0 2\n', 'BLT_BAD_BALLOT', 2],
    ['2 1\n1 1 0\n', 'BLT_NO_END_OF_BALLOTS', 3],
    ['2 1\n1 1 0\n0\n"A"\n', 'BLT_MISSING_NAMES', 5],
    ['2 1\n1 1 0\n0\n"A\n"B"\n', 'BLT_BAD_NAME', 4],
    ['2 1\n1 1 0\n0\n"A"\n""\n', 'BLT_BAD_NAME', 5],
    ['2 1\n1 1 0\n0\nA\nA\n', 'BLT_BAD_NAME', 5],
    ['2 1\n1 1 0\n0\nA\nB\nTitle\nmore\n', 'BLT_TRAILING_TEXT', 7],
  ])('refuses %j with %s at line %s', (text, code, line) => {
    expect(refusal(text)).toEqual({ code, line });
  });

  it('gives the reason in a sentence with the line number', () => {
    expect(() => parseBlt('2 1\n1 1 1 0\n')).toThrow(
      'Line 2 of the ballot file is not a valid ballot: candidate 1 is ranked twice.',
    );
  });

  it('reads every Scottish ward file, with its declared candidates and seats', () => {
    for (const file of scottishWardFiles()) {
      const bytes = scottishWardBytes(file);
      const profile = parseBlt(bytes);
      const [n, seats] =
        new TextDecoder().decode(bytes.subarray(0, 10)).split('\n')[0]?.split(' ').map(Number) ??
        [];
      expect(profile.candidates).toHaveLength(n as number);
      expect(profile.seats).toBe(seats);
      expect(profile.title.length).toBeGreaterThan(0);
      expect(profile.title).not.toMatch(/^"|"$/);
    }
  });
});

describe('writeBlt', () => {
  it('round-trips random profiles (ties, withdrawn candidates, weights)', () => {
    fc.assert(
      fc.property(arbitraryProfile({ ties: true, withdrawn: true, maxWeight: 1000 }), (profile) => {
        const back = parseBlt(writeBlt(profile));
        expect(back).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every Scottish ward, and the count is unchanged', () => {
    for (const file of scottishWardFiles().slice(0, 40)) {
      const profile = parseBlt(scottishWardBytes(file));
      const back = parseBlt(writeBlt(profile));
      expect(back).toEqual(profile);
      expect(countElection(back).elected).toEqual(countElection(profile).elected);
    }
  });
});
