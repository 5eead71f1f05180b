import fc from 'fast-check';
import type { BudgetBallot, BudgetInstance, VoteType } from '../budget-instance.js';

export interface RoundShape {
  readonly maxProjects: number;
  readonly maxVoters: number;
  readonly maxCost: number;
  readonly maxBudget: number;
  readonly voteTypes: readonly VoteType[];
  readonly maxScale: number;
}

/** Small rounds: few voters, projects and whole-unit amounts, so that ties abound. */
export const SMALL: RoundShape = {
  maxProjects: 6,
  maxVoters: 9,
  maxCost: 40,
  maxBudget: 150,
  voteTypes: ['approval', 'cumulative', 'ordinal', 'choose-1', 'scoring'],
  maxScale: 0,
};

/**
 * Random rounds of the given shape. Costs and budgets are whole numbers of minor units
 * (multiplied by 10^scale·k for a random k so that decimals occur without making the
 * completion take 10^scale times more steps). Cumulative and scoring ballots carry points
 * 0..3 (0 allowed: a listed project with no weight); ordinal ballots sometimes carry
 * points, otherwise score by position.
 */
export function roundArbitrary(shape: RoundShape): fc.Arbitrary<BudgetInstance> {
  return fc
    .record({
      m: fc.integer({ min: 1, max: shape.maxProjects }),
      n: fc.integer({ min: 1, max: shape.maxVoters }),
      voteType: fc.constantFrom(...shape.voteTypes),
      scale: fc.integer({ min: 0, max: shape.maxScale }),
      threshold: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    })
    .chain(({ m, n, voteType, scale, threshold }) => {
      const unit = 10 ** scale;
      const money = (max: number) =>
        fc
          .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 0, max: unit - 1 }))
          .map(([whole, cents]) => BigInt(whole * unit + (cents % Math.max(unit, 1))));
      const ballot = (i: number): fc.Arbitrary<BudgetBallot> =>
        fc
          .shuffledSubarray(
            Array.from({ length: m }, (_, c) => `p${c}`),
            voteType === 'choose-1'
              ? { minLength: 1, maxLength: 1 }
              : { minLength: 1, maxLength: m },
          )
          .chain((projects) => {
            const withPoints =
              voteType === 'cumulative' || voteType === 'scoring'
                ? fc.constant(true)
                : voteType === 'ordinal'
                  ? fc.boolean()
                  : fc.constant(false);
            return withPoints.chain(
              (points): fc.Arbitrary<BudgetBallot> =>
                points
                  ? fc
                      .array(fc.integer({ min: 0, max: 3 }), {
                        minLength: projects.length,
                        maxLength: projects.length,
                      })
                      .map((pts) => ({ voterId: `v${i}`, projects, points: pts }))
                  : fc.constant<BudgetBallot>({ voterId: `v${i}`, projects }),
            );
          });
      return fc
        .record({
          projects: fc.tuple(
            ...Array.from({ length: m }, (_, c) =>
              money(shape.maxCost).map((cost) => ({ id: `p${c}`, cost })),
            ),
          ),
          ballots:
            n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => ballot(i))),
          // Mostly less than all projects cost together, so that the rules must choose.
          share: fc.integer({ min: 15, max: 85 }),
        })
        .map(({ projects, ballots, share }): BudgetInstance => {
          const total = projects.reduce((sum, p) => sum + p.cost, 0n);
          const cap = BigInt(shape.maxBudget * unit);
          const budget = (total * BigInt(share)) / 100n + 1n;
          return {
            budget: budget > cap ? cap : budget,
            scale,
            voteType,
            projects,
            ballots,
            ...(threshold !== undefined ? { scoreThreshold: BigInt(threshold) } : {}),
          };
        });
    });
}
