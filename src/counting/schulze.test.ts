import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { profileFromBallots } from './profile-from-ballots.js';
import { pairwiseCounts } from './schulze.js';
import { arbitraryProfile } from './testing/arbitraries.js';
import { preflibFile } from './testing/datasets.js';
import { referenceSchulzeBeats } from './testing/reference-counts.js';

// Debian Project Leader elections (www.debian.org/vote/), counted by Debian with a
// Condorcet / Schulze method. PrefLib turned equal ranks into strict orders in index
// order (SOURCE.md caveat), which favours lower-numbered options. In 2003 and 2006 the
// official winners (Martin Michlmayr, Anthony Towns) were close behind a lower-numbered
// rival, and the converted ballots put that rival ahead; those two years are checked
// against the brute-force Schulze reference only, and the tests record the reversal.
const official: [file: string, election: string, winner: string][] = [
  ['00002-00000001.soi', 'DPL 2002', 'Bdale Garbee'],
  ['00002-00000003.soi', 'DPL 2005', 'Branden Robinson'],
  ['00002-00000005.soi', 'DPL 2007', 'Sam Hocevar'],
  ['00002-00000006.soi', 'DPL 2010', 'Stefano Zacchiroli'],
  ['00002-00000007.soi', 'DPL 2012', 'Stefano Zacchiroli'],
  ['00002-00000008.soi', 'logo 1999', 'Swirl'],
];

describe('Schulze', () => {
  it.each(official)('%s (%s) ranks the official winner, %s, first', (file, _election, winner) => {
    const report = countElection(preflibFile(`debian-dpl-preflib/${file}`), { method: 'schulze' });
    expect(report.ranking?.[0]).toBe(winner);
    expect(report.elected).toEqual([winner]);
    expect(report.lots).toEqual([]);
  });

  it.each([
    ['00002-00000002.soi', 'Martin Michlmayr', 'Bdale Garbee'],
    ['00002-00000004.soi', 'Anthony Towns', 'Steve McIntyre'],
  ])(
    '%s: the converted ballots put the official winner %s behind %s head to head',
    (file, officialWinner, rival) => {
      const profile = preflibFile(`debian-dpl-preflib/${file}`);
      const ids = profile.candidates.map((c) => c.id);
      const d = pairwiseCounts(profile);
      const w = ids.indexOf(officialWinner);
      const r = ids.indexOf(rival);
      expect(r).toBeLessThan(w); // the rival has the lower PrefLib number
      expect((d[r] as number[])[w]).toBeGreaterThan((d[w] as number[])[r] as number);
      const report = countElection(profile, { method: 'schulze' });
      const beats = referenceSchulzeBeats(d);
      const first = ids.indexOf(report.ranking?.[0] as string);
      expect(ids.every((_, j) => j === first || !(beats[j] as boolean[])[first])).toBe(true);
    },
  );

  it('matches brute-force strongest paths on random profiles (with ties and withdrawn candidates)', () => {
    fc.assert(
      fc.property(
        arbitraryProfile({ ties: true, withdrawn: true, maxCandidates: 6 }),
        fc.string(),
        (profile, seed) => {
          const report = countElection(profile, { method: 'schulze', seed });
          const ids = profile.candidates.map((c) => c.id);
          const beats = referenceSchulzeBeats(pairwiseCounts(profile));
          const order = (report.ranking ?? []).map((id) => ids.indexOf(id));
          expect(order).toHaveLength(ids.length - profile.withdrawn.length);
          // No candidate is ranked below one it beats.
          for (let a = 0; a < order.length; a++)
            for (let b = a + 1; b < order.length; b++)
              expect((beats[order[b] as number] as boolean[])[order[a] as number]).toBe(false);
          // A lot is drawn exactly when some place had several unbeaten candidates.
          for (const lot of report.lots) expect(lot.among.length).toBeGreaterThan(1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts ranked above unranked, and equal ranks as neither', () => {
    const profile = profileFromBallots({
      candidates: ['a', 'b', 'c'],
      ballots: [[['a', 'b']], ['c', 'a'], { ranking: ['b'], weight: 2 }],
    });
    expect(pairwiseCounts(profile)).toEqual([
      [0, 1, 1],
      [2, 0, 3],
      [1, 1, 0],
    ]);
  });
});
