import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { profileFromBallots } from './profile-from-ballots.js';
import { type CountReport, checkConservation } from './report.js';
import { arbitraryProfile } from './testing/arbitraries.js';
import { scottishWard, scottishWardFiles } from './testing/datasets.js';
import { type ReferenceResult, referenceScottishStv } from './testing/reference-counts.js';

/** The fast count and the paper-by-paper reference agree on everything the report says. */
function expectSameAsReference(report: CountReport, ref: ReferenceResult): void {
  const ids = report.candidates.map((c) => c.id);
  expect(report.elected).toEqual(ref.elected.map((c) => ids[c]));
  expect(report.stages.map((s) => s.votes)).toEqual(ref.stages.map((s) => s.map(Number)));
  expect(report.lots.map(({ kind: _, ...rest }) => rest)).toEqual(ref.lots);
}

const wards = scottishWardFiles();

describe('Scottish STV on every 2017 Scottish council ward', () => {
  it('has all 351 ordinary wards of the data set', () => {
    expect(wards).toHaveLength(351);
  });

  it.each(wards)('%s: matches the literal reference, conserves votes, fills every seat', (file) => {
    const profile = scottishWard(file);
    const report = countElection(profile, { method: 'scottish-stv' });
    expect(report.elected).toHaveLength(profile.seats);
    expect(checkConservation(report)).toBe(true);
    // Rule 46 from the file: quota = ⌊valid papers / (seats + 1)⌋ + 1.
    expect(report.quota).toBe(
      (Math.floor(report.totalVotes / 1e5 / (profile.seats + 1)) + 1) * 1e5,
    );
    expectSameAsReference(report, referenceScottishStv(profile, profile.seats, ''));
  });
});

describe('Scottish STV against a published official count', () => {
  // Highland Council 2017, ward 1 (North, West and Central Sutherland), 3 seats: the
  // returning officer's stage figures as republished in the Wikipedia article
  // "North, West and Central Sutherland (ward)" (2017 election table), whole votes.
  const published: Record<string, number[]> = {
    'Linda MUNRO (LD)': [504, 510, 521, 587, 671, 899],
    'Hugh MORRISON (Ind)': [473, 480, 521, 556, 669, 804],
    'Kirsteen CURRIE (SNP)': [556, 564, 571, 612, 681, 689],
    'Russell TAYLOR (C)': [557, 561, 565, 622, 658],
    'Malcolm BANGOR-JONES (Ind)': [311, 327, 341, 367],
    'William SINCLAIR (Lab)': [265, 269, 274],
    'Michael SIMPSON (Ind)': [89, 91],
    "Brendan O'HANRAHAN (Ind)": [52],
  };

  it('reproduces every stage figure and the three councillors returned', () => {
    const report = countElection(scottishWard('highland_2017_ward1.blt'));
    const ids = report.candidates.map((c) => c.id);
    for (const [name, figures] of Object.entries(published)) {
      const c = ids.indexOf(name);
      expect(c, name).toBeGreaterThanOrEqual(0);
      expect(
        figures.map((_, s) => Math.round((report.stages[s]?.votes[c] ?? Number.NaN) / 1e5)),
      ).toEqual(figures);
    }
    expect([...report.elected].sort()).toEqual(
      ['Hugh MORRISON (Ind)', 'Kirsteen CURRIE (SNP)', 'Linda MUNRO (LD)'].sort(),
    );
    expect(report.quota).toBe(702 * 1e5); // ⌊2,804 / 4⌋ + 1
  });
});

describe('Scottish STV on random profiles', () => {
  it('agrees with the paper-by-paper reference (ties, overvotes, withdrawn candidates, lots)', () => {
    fc.assert(
      fc.property(
        arbitraryProfile({ ties: true, withdrawn: true }),
        fc.string(),
        (profile, seed) => {
          const report = countElection(profile, { method: 'scottish-stv', seed });
          expectSameAsReference(report, referenceScottishStv(profile, profile.seats, seed));
          expect(checkConservation(report)).toBe(true);
          const standing = profile.candidates.length - profile.withdrawn.length;
          expect(report.elected).toHaveLength(Math.min(profile.seats, standing));
          expect(new Set(report.elected).size).toBe(report.elected.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('transfers big surpluses exactly (values past 2^53 use BigInt)', () => {
    // 3 million ballots: surplus × value exceeds 2^53 units, the BigInt path.
    const profile = profileFromBallots({
      candidates: ['a', 'b', 'c', 'd'],
      ballots: [
        { ranking: ['a', 'b', 'c'], weight: 2_000_001 },
        { ranking: ['a', 'c'], weight: 333_333 },
        { ranking: ['b'], weight: 400_000 },
        { ranking: ['c'], weight: 300_000 },
        { ranking: ['d', 'c'], weight: 266_666 },
      ],
      seats: 2,
    });
    const report = countElection(profile);
    expectSameAsReference(report, referenceScottishStv(profile, 2, ''));
    expect(checkConservation(report)).toBe(true);
  });
});

describe('ties left to lot', () => {
  const tied = profileFromBallots({
    candidates: ['a', 'b', 'c'],
    ballots: [['a'], ['b'], ['c']],
    seats: 1,
  });

  it('draws a lot, says so, and draws the same lot again from the same seed', () => {
    const one = countElection(tied, { method: 'scottish-stv', seed: 'root-hash-1' });
    const again = countElection(tied, { method: 'scottish-stv', seed: 'root-hash-1' });
    expect(one.lots.length).toBeGreaterThan(0);
    expect(one.lots[0]).toMatchObject({
      kind: 'LotDrawn',
      purpose: 'exclude',
      among: ['a', 'b', 'c'],
    });
    expect(again).toEqual(one);
  });

  it('lets the seed decide: different seeds elect different candidates', () => {
    const winners = new Set(
      Array.from(
        { length: 30 },
        (_, i) => countElection(tied, { method: 'scottish-stv', seed: `s${i}` }).elected[0],
      ),
    );
    expect(winners.size).toBeGreaterThan(1);
  });

  it('breaks an exclusion tie by the most recent earlier stage where the votes differed (rule 51(2))', () => {
    // Stage 1: x 10, a 5, b 4, c 2; quota ⌊21/3⌋ + 1 = 8, x elected. x's surplus of 2
    // over 10 papers (0.2 each) gives c 2, so b and c are tied on 4 at stage 2; at
    // stage 1 c had fewer, so c is excluded, with no lot.
    const profile = profileFromBallots({
      candidates: ['x', 'a', 'b', 'c'],
      ballots: [
        { ranking: ['x', 'c'], weight: 10 },
        { ranking: ['a'], weight: 5 },
        { ranking: ['b'], weight: 4 },
        { ranking: ['c'], weight: 2 },
      ],
      seats: 2,
    });
    const report = countElection(profile);
    expect(report.quota).toBe(8e5);
    expect(report.stages[1]?.votes).toEqual([8e5, 5e5, 4e5, 4e5]);
    expect(report.stages[2]?.events).toContainEqual({
      kind: 'Excluded',
      candidate: 'c',
      reason: 'lowest',
    });
    expect(report.lots).toEqual([]);
  });
});
