import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { checkConservation } from './report.js';
import { irishConstituency } from './testing/datasets.js';

// Irish general election 2002, e-voting pilot constituencies: the complete ballots, and
// the TDs returned (official results of 17 May 2002). Ireland counts by the Electoral Act
// 1992 rules, which are neither Scottish WIGM nor Meek: surpluses come from the last
// parcel received, by a random sample of papers. So only the winners are compared, and
// both STV rules implemented here return the same TDs as the official count.
const official: [file: string, tds: string[]][] = [
  ['DublinNorth2002.json', ['Trevor Sargent', 'Seán Ryan', 'Jim Glennon', 'G. V. Wright']],
  ['DublinWest2002.json', ['Joe Higgins', 'Brian Lenihan', 'Joan Burton']],
  [
    'Meath2002.json',
    ['Mary Wallace', 'John Bruton', 'Johnny Brady', 'Noel Dempsey', 'Damien English'],
  ],
];

describe('Irish 2002 constituencies', () => {
  it.each(official)('%s: Scottish STV and Meek return the TDs returned officially', (file, tds) => {
    const profile = irishConstituency(file);
    for (const method of ['scottish-stv', 'meek'] as const) {
      const report = countElection(profile, { method });
      expect([...report.elected].sort(), method).toEqual([...tds].sort());
      expect(checkConservation(report)).toBe(true);
    }
  });
});
