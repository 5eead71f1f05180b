import { describe, expect, it } from 'vitest';
import { countElection } from './count-election.js';
import { profileFromBallots } from './profile-from-ballots.js';

describe('approval voting', () => {
  const profile = profileFromBallots({
    candidates: ['a', 'b', 'c', 'd'],
    ballots: [['a', 'b'], [['b', 'c']], { ranking: ['c', 'a', 'd'], weight: 2 }, ['d']],
    withdrawn: [],
  });

  it('counts each marked candidate once per ballot and elects the most approved', () => {
    const report = countElection(profile, { method: 'approval', seats: 2 });
    // a: 1 + 2 = 3, b: 2, c: 1 + 2 = 3, d: 2 + 1 = 3
    expect(report.stages[0]?.votes).toEqual([3, 2, 3, 3]);
    expect(report.elected).toHaveLength(2);
    expect(report.lots.length).toBeGreaterThan(0); // three tied on 3 for two seats
    expect(report.lots[0]?.among).toEqual(['a', 'c', 'd']);
    for (const id of report.elected) expect(['a', 'c', 'd']).toContain(id);
  });

  it('elects a tie without a lot when the tie fits in the seats', () => {
    const report = countElection(profile, { method: 'approval', seats: 3 });
    expect([...report.elected].sort()).toEqual(['a', 'c', 'd']);
    expect(report.lots).toEqual([]);
  });

  it('gives withdrawn candidates nothing', () => {
    const p = profileFromBallots({
      candidates: ['a', 'b'],
      ballots: [['a'], ['a', 'b']],
      withdrawn: ['a'],
    });
    const report = countElection(p, { method: 'approval' });
    expect(report.elected).toEqual(['b']);
    expect(report.stages[0]?.votes).toEqual([0, 1]);
  });
});
