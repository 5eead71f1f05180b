import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { profileFromBallots } from './profile-from-ballots.js';
import { checkConservation } from './report.js';
import { arbitraryProfile } from './testing/arbitraries.js';
import { burlington2009, preflibFile } from './testing/datasets.js';
import { referenceInstantRunoff } from './testing/reference-counts.js';

// Certified winners of the US instant-runoff elections in us-irv-preflib (the cast-vote
// records are not exactly the certified ballot sets, but SOURCE.md notes the winners agree).
const official: [file: string, winner: string][] = [
  ['00005-burlington__00005-00000001.toi', 'Bob Kiss'], // Burlington VT Mayor 2006
  ['00005-burlington__00005-00000002.toi', 'Bob Kiss'], // Burlington VT Mayor 2009
  ['00016-aspen__00016-00000002.toi', 'Mick Ireland'], // Aspen CO Mayor 2009
  ['00019-oakland__00019-00000002.toi', 'Jean Quan'], // Oakland CA Mayor 2010
  ['00020-pierce__00020-00000004.toi', 'Dale Washam'], // Pierce County WA Assessor-Treasurer 2008
  ['00021-sf__00021-00000006.toi', 'Malia Cohen'], // San Francisco Supervisor District 10, 2010
  ['00021-sf__00021-00000011.toi', 'Ed Lee'], // San Francisco Mayor 2011
];

describe('instant-runoff', () => {
  it.each(official)('%s elects the certified winner, %s', (file, winner) => {
    const profile = preflibFile(`us-irv-preflib/${file}`);
    const report = countElection(profile); // one seat: IRV by default
    expect(report.method).toBe('irv');
    expect(report.elected).toEqual([winner]);
    expect(checkConservation(report)).toBe(true);
    const ref = referenceInstantRunoff(profile, '');
    expect(report.stages.map((s) => s.votes)).toEqual(ref.stages.map((s) => s.map(Number)));
  });

  it('elects Bob Kiss from the Burlington 2009 cast-vote record (CSV), as certified', () => {
    const report = countElection(burlington2009(), { method: 'irv' });
    expect(report.elected).toEqual(['Bob Kiss']);
    // The certified count's last round was Kiss against Wright.
    const last = report.stages[report.stages.length - 1];
    const ids = report.candidates.map((c) => c.id);
    const standing = ids.filter((_, c) => (last?.votes[c] ?? 0) > 0);
    expect(standing.sort()).toEqual(['Bob Kiss', 'Kurt Wright']);
  });

  it('agrees with the one-ballot-at-a-time reference on random profiles', () => {
    fc.assert(
      fc.property(
        arbitraryProfile({ ties: true, withdrawn: true }),
        fc.string(),
        (profile, seed) => {
          const report = countElection(profile, { method: 'irv', seats: 1, seed });
          const ref = referenceInstantRunoff(profile, seed);
          const ids = profile.candidates.map((c) => c.id);
          expect(report.elected).toEqual(ref.elected.map((c) => ids[c]));
          expect(report.stages.map((s) => s.votes)).toEqual(ref.stages.map((s) => s.map(Number)));
          expect(report.lots.map(({ kind: _, ...l }) => l)).toEqual(ref.lots);
          expect(checkConservation(report)).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('needs a majority of the ballots still in the count, not of all ballots', () => {
    // Round 1: a 4, b 3, c 2 (+ 1 blank). c's 2 ballots exhaust; a has 4 of 7 → elected.
    const profile = profileFromBallots({
      candidates: ['a', 'b', 'c'],
      ballots: [
        { ranking: ['a'], weight: 4 },
        { ranking: ['b'], weight: 3 },
        { ranking: ['c'], weight: 2 },
        [],
      ],
    });
    const report = countElection(profile);
    expect(report.elected).toEqual(['a']);
    expect(report.stages).toHaveLength(2);
    expect(report.stages[1]?.nonTransferable).toBe(2);
    expect(report.stages[1]?.events).toContainEqual({
      kind: 'Elected',
      candidate: 'a',
      reason: 'majority',
    });
  });
});
