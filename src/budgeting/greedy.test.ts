import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInstance } from './budget-instance.js';
import { compileProfile } from './profile.js';
import { selectProjects } from './select-projects.js';
import { roundArbitrary, SMALL } from './test-support/arbitraries.js';
import { referenceGreedy, referenceScores } from './test-support/reference-rules.js';

const withThreshold = (round: BudgetInstance): BudgetInstance =>
  round.scoreThreshold === undefined ? { ...round, scoreThreshold: 2n } : round;

describe('greedy rules against the literal reference', () => {
  for (const variant of ['greedy', 'greedy-threshold', 'greedy-no-skip'] as const) {
    it(`${variant} funds the same projects in the same order`, () => {
      fc.assert(
        fc.property(roundArbitrary(SMALL), (generated) => {
          const round = withThreshold(generated);
          const result = selectProjects(round, variant);
          expect(result.selected).toEqual(referenceGreedy(round, variant));
          const cost = round.projects
            .filter((p) => result.selected.includes(p.id))
            .reduce((s, p) => s + p.cost, 0n);
          expect(result.spent).toBe(cost);
          expect(result.spent <= round.budget).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('scores by vote type: approvals, points, and positions for ordinal ballots', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const profile = compileProfile(round);
        expect(Array.from(profile.scores, BigInt)).toEqual(referenceScores(round));
      }),
      { numRuns: 200 },
    );
  });

  it('skips, stops, or leaves out below the threshold as each variant says (a hand-made round)', () => {
    // Scores: A 5, B 4, C 3, D 1 (approvals). Budget 10. Costs: A 6, B 6, C 3, D 1.
    const round: BudgetInstance = {
      budget: 10n,
      scale: 0,
      voteType: 'approval',
      scoreThreshold: 2n,
      projects: [
        { id: 'D', cost: 1n },
        { id: 'C', cost: 3n },
        { id: 'B', cost: 6n },
        { id: 'A', cost: 6n },
      ],
      ballots: [
        { voterId: '1', projects: ['A', 'B', 'C', 'D'] },
        { voterId: '2', projects: ['A', 'B', 'C'] },
        { voterId: '3', projects: ['A', 'B', 'C'] },
        { voterId: '4', projects: ['A', 'B'] },
        { voterId: '5', projects: ['A'] },
      ],
    };
    // greedy: A (6, 4 left), B does not fit, C (3, 1 left), D (1, 0 left).
    expect(selectProjects(round, 'greedy').selected).toEqual(['A', 'C', 'D']);
    // greedy-no-skip stops at B.
    expect(selectProjects(round, 'greedy-no-skip').selected).toEqual(['A']);
    // greedy-threshold leaves out D (score 1 < 2).
    expect(selectProjects(round, 'greedy-threshold').selected).toEqual(['A', 'C']);
  });

  it('keeps the round order between equal scores', () => {
    const round: BudgetInstance = {
      budget: 5n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'later-in-alphabet', cost: 5n },
        { id: 'earlier', cost: 5n },
      ],
      ballots: [{ voterId: '1', projects: ['earlier', 'later-in-alphabet'] }],
    };
    expect(selectProjects(round, 'greedy').selected).toEqual(['later-in-alphabet']);
  });

  it('refuses greedy-threshold without a threshold (PB_NO_THRESHOLD)', () => {
    const round: BudgetInstance = {
      budget: 5n,
      scale: 0,
      voteType: 'approval',
      projects: [{ id: 'a', cost: 5n }],
      ballots: [],
    };
    expect(() => selectProjects(round, 'greedy-threshold')).toThrow(
      expect.objectContaining({ code: 'PB_NO_THRESHOLD' }),
    );
  });
});
