import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { MEEK_MAX_BALLOTS } from './meek-stv.js';
import { profileFromBallots } from './profile-from-ballots.js';
import { checkConservation } from './report.js';
import { arbitraryProfile } from './testing/arbitraries.js';
import { scottishWard, scottishWardFiles } from './testing/datasets.js';
import { referenceMeek } from './testing/reference-counts.js';

describe('Meek STV', () => {
  it.each(scottishWardFiles().filter((_, i) => i % 5 === 0))(
    '%s: matches the ballot-by-ballot reference at every stage',
    (file) => {
      const profile = scottishWard(file);
      const report = countElection(profile, { method: 'meek' });
      const ref = referenceMeek(profile, profile.seats, '');
      const ids = profile.candidates.map((c) => c.id);
      expect(report.elected).toEqual(ref.elected.map((c) => ids[c]));
      expect(report.stages.map((s) => s.votes)).toEqual(ref.stages.map((s) => s.map(Number)));
      expect(checkConservation(report)).toBe(true);
      expect(report.elected).toHaveLength(profile.seats);
    },
  );

  it('agrees with the reference on random profiles, and conserves votes', () => {
    fc.assert(
      fc.property(
        arbitraryProfile({ ties: true, withdrawn: true, maxCandidates: 5 }),
        fc.string(),
        (profile, seed) => {
          const report = countElection(profile, { method: 'meek', seed });
          const ref = referenceMeek(profile, profile.seats, seed);
          const ids = profile.candidates.map((c) => c.id);
          expect(report.elected).toEqual(ref.elected.map((c) => ids[c]));
          expect(report.stages.map((s) => s.votes)).toEqual(ref.stages.map((s) => s.map(Number)));
          expect(report.lots.map(({ kind: _, ...l }) => l)).toEqual(ref.lots);
          expect(checkConservation(report)).toBe(true);
          expect(report.elected).toHaveLength(
            Math.min(profile.seats, profile.candidates.length - profile.withdrawn.length),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('transfers a surplus in proportion to the later preferences (a textbook case)', () => {
    // 2 seats, quota ⌊90/3⌋ + 1e-9 = 30.000000001: a has 60, whose surplus flows half to
    // b and half to c; b then has 20 + 15 = 35 ≥ quota.
    const profile = profileFromBallots({
      candidates: ['a', 'b', 'c'],
      ballots: [
        { ranking: ['a', 'b'], weight: 30 },
        { ranking: ['a', 'c'], weight: 30 },
        { ranking: ['b'], weight: 20 },
        { ranking: ['c'], weight: 10 },
      ],
      seats: 2,
    });
    const report = countElection(profile, { method: 'meek' });
    expect(report.elected).toEqual(['a', 'b']);
    const end = report.stages[report.stages.length - 1];
    expect(Math.abs((end?.votes[0] ?? 0) / 1e9 - 30)).toBeLessThan(1e-4);
    expect(Math.round((end?.votes[1] ?? 0) / 1e9)).toBe(35);
  });

  it('refuses more ballots than its precision can add up', () => {
    const profile = profileFromBallots({
      candidates: ['a', 'b'],
      ballots: [{ ranking: ['a'], weight: MEEK_MAX_BALLOTS + 1 }],
      seats: 1,
    });
    expect(() => countElection(profile, { method: 'meek' })).toThrow(
      expect.objectContaining({ code: 'COUNT_TOO_MANY_VOTES' }),
    );
  });
});
