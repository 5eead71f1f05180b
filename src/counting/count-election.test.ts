import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { profileFromBallots } from './profile-from-ballots.js';
import type { CountMethod } from './report.js';

const profile = profileFromBallots({
  candidates: ['ann', 'bob', 'cat'],
  ballots: [['ann', 'bob'], ['bob'], { ranking: ['cat', 'ann'], weight: 3 }, ['ann']],
  seats: 2,
});

describe('countElection', () => {
  it('defaults to Scottish STV for several seats and IRV for one', () => {
    expect(countElection(profile).method).toBe('scottish-stv');
    expect(countElection(profile, { seats: 1 }).method).toBe('irv');
  });

  it('reports ids in order of election, the quota, and the scale of its figures', () => {
    const report = countElection(profile);
    expect(report.ballots).toBe(6);
    expect(report.scale).toBe(100_000);
    expect(report.quota).toBe(3 * 100_000); // ⌊6/3⌋ + 1
    expect(report.elected).toEqual(['cat', 'ann']);
  });

  it.each([
    [{ seats: 0 }, 'COUNT_BAD_SEATS'],
    [{ seats: 1.5 }, 'COUNT_BAD_SEATS'],
    [{ method: 'borda' as CountMethod }, 'COUNT_UNKNOWN_METHOD'],
    [{ method: 'irv' as CountMethod, seats: 2 }, 'COUNT_METHOD_SINGLE_SEAT'],
  ])('refuses %j with %s', (options, code) => {
    expect(() => countElection(profile, options)).toThrow(expect.objectContaining({ code }));
  });

  it('leaves seats unfilled when the candidates run out', () => {
    const report = countElection(profile, { seats: 5, method: 'scottish-stv' });
    expect([...report.elected].sort()).toEqual(['ann', 'bob', 'cat']);
  });

  it('counts an election with no ballots without failing', () => {
    const empty = profileFromBallots({ candidates: ['a', 'b'], ballots: [], seats: 1 });
    for (const method of ['scottish-stv', 'meek', 'irv', 'schulze', 'approval'] as const)
      expect(countElection(empty, { method, seed: 's' }).elected).toHaveLength(1);
  });
});

describe('profileFromBallots', () => {
  it('aggregates identical rankings', () => {
    const p = profileFromBallots({
      candidates: ['a', 'b'],
      ballots: [['a', 'b'], ['a', 'b'], { ranking: ['a', 'b'], weight: 3 }],
    });
    expect(p.ballots.lines).toBe(1);
    expect(Array.from(p.ballots.weights)).toEqual([5]);
  });

  it.each([
    [{ candidates: ['a'], ballots: [['z']] }, 'BALLOT_UNKNOWN_CANDIDATE'],
    [{ candidates: ['a'], ballots: [['a', 'a']] }, 'BALLOT_DUPLICATE_CANDIDATE'],
    [{ candidates: ['a'], ballots: [{ ranking: ['a'], weight: 0 }] }, 'BALLOT_BAD_WEIGHT'],
    [{ candidates: ['a', 'a'], ballots: [] }, 'COUNT_BAD_CANDIDATES'],
    [{ candidates: [''], ballots: [] }, 'COUNT_BAD_CANDIDATES'],
    [{ candidates: ['a'], ballots: [], withdrawn: ['b'] }, 'COUNT_BAD_CANDIDATES'],
  ])('refuses %j with %s', (input, code) => {
    expect(() => profileFromBallots(input)).toThrow(expect.objectContaining({ code }));
  });
});
