import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInstance } from './budget-instance.js';
import { type Fraction, fraction } from './fraction.js';
import { MesEngine } from './mes-engine.js';
import { paidBy } from './mes-payments.js';
import { compileProfile } from './profile.js';
import { type Selection, selectProjects } from './select-projects.js';
import { roundArbitrary, SMALL } from './test-support/arbitraries.js';
import { referenceAdd1, referenceMes } from './test-support/reference-rules.js';

const ids = (round: BudgetInstance, list: readonly number[]) =>
  list.map((c) => round.projects[c]?.id);
const same = (a: Fraction, b: Fraction) => a.num === b.num && a.den === b.den;

/** What each voter paid, in ballot order. */
function paidByEach(result: Selection): Fraction[] {
  const payments = result.payments;
  if (!payments) throw new Error('expected payments');
  return payments.paid.map((_, i) => paidBy(payments, i));
}

describe('Method of Equal Shares against the literal reference', () => {
  it('equalshares/add1 funds the same projects, in the same order, at the same per-voter budget, with the same payments', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const fast = selectProjects(round, 'equalshares/add1');
        const slow = referenceAdd1(round);
        expect(fast.selected).toEqual(ids(round, slow.run.selected));
        if (fast.report.kind !== 'equal-shares') throw new Error('expected an Equal Shares report');
        expect(fast.report.perVoter).toEqual(fraction(slow.perVoter));
        const payments = fast.payments;
        if (!payments) throw new Error('expected payments');
        round.ballots.forEach((_, i) => {
          expect(same(paidBy(payments, i), slow.run.paid[i] ?? fraction(0n))).toBe(true);
        });
        // Every funded project is paid in full, and nothing else is paid for.
        const total = payments.paid.reduce((s, x) => s + x, 0n);
        expect(total).toBe(fast.spent * payments.denominator);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same outcome in exact mode (no float guidance) as the reference', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const fast = selectProjects(round, 'equalshares/add1', { mode: 'exact' });
        expect(fast.selected).toEqual(ids(round, referenceAdd1(round).run.selected));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same outcome when float budgets carry rounding-sized errors (jittered mode)', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const fast = selectProjects(round, 'equalshares/add1', { mode: 'jittered' });
        expect(fast.selected).toEqual(ids(round, referenceAdd1(round).run.selected));
      }),
      { numRuns: 300 },
    );
  });

  it('equalshares without completion gives each voter budget / voters, exactly', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const fast = selectProjects(round, 'equalshares');
        const n = BigInt(Math.max(round.ballots.length, 1));
        const slow = referenceMes(round, fraction(round.budget, n));
        expect(fast.selected).toEqual(ids(round, slow.selected));
        const payments = fast.payments;
        if (!payments) throw new Error('expected payments');
        round.ballots.forEach((_, i) => {
          expect(same(paidBy(payments, i), slow.paid[i] ?? fraction(0n))).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('decides exactly when amounts are beyond float precision (and Equal Shares ignores the unit)', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const huge = 10n ** 18n;
        const big: BudgetInstance = {
          ...round,
          budget: round.budget * huge,
          projects: round.projects.map((p) => ({ ...p, cost: p.cost * huge })),
        };
        const expected = selectProjects(round, 'equalshares').selected;
        expect(selectProjects(big, 'equalshares').selected).toEqual(expected);
        const n = BigInt(Math.max(big.ballots.length, 1));
        expect(ids(big, referenceMes(big, fraction(big.budget, n)).selected)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with the reference on larger rounds with spread-out budgets (float guidance at work)', () => {
    const shape = {
      maxProjects: 14,
      maxVoters: 120,
      maxCost: 5000,
      maxBudget: 30000,
      voteTypes: ['approval', 'cumulative'] as const,
      maxScale: 2,
    };
    fc.assert(
      fc.property(roundArbitrary(shape), fc.integer({ min: 1, max: 400 }), (round, share) => {
        const profile = compileProfile(round);
        const perVoter = BigInt(share) * 10n ** BigInt(round.scale);
        const fast = new MesEngine(profile).run(perVoter);
        const slow = referenceMes(round, fraction(perVoter));
        expect(fast.selected).toEqual(slow.selected);
      }),
      { numRuns: 40 },
    );
  });

  it('settles a capped run early only when the full run lands on the same side of the cap', () => {
    fc.assert(
      fc.property(
        roundArbitrary(SMALL),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 200 }),
        (round, share, capAt) => {
          const engine = new MesEngine(compileProfile(round));
          const perVoter = BigInt(share) * 10n ** BigInt(round.scale);
          const full = engine.run(perVoter);
          const cap = BigInt(capAt) * 10n ** BigInt(round.scale);
          const capped = engine.run(perVoter, full.selected, cap);
          expect(capped.spent > cap).toBe(full.spent > cap);
          // What a capped run funded is what the full run funded first.
          expect(full.selected.slice(0, capped.selected.length)).toEqual(capped.selected);
          if (capped.complete) expect(capped.selected).toEqual(full.selected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('funds by the least payment per unit of utility (a hand-counted round)', () => {
    // β = 40 / 4 = 10. X (cost 30; A, B, C) asks 10 of each: ρ = 10/30. Y (cost 20; C, D)
    // asks 10 of each: ρ = 10/20. Z (cost 15; D) cannot be paid by D's 10. X wins and
    // empties A, B, C; then Y has only D's 10 < 20, and nothing else is affordable.
    const round: BudgetInstance = {
      budget: 40n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'X', cost: 30n },
        { id: 'Y', cost: 20n },
        { id: 'Z', cost: 15n },
      ],
      ballots: [
        { voterId: 'A', projects: ['X'] },
        { voterId: 'B', projects: ['X'] },
        { voterId: 'C', projects: ['X', 'Y'] },
        { voterId: 'D', projects: ['Y', 'Z'] },
      ],
    };
    const result = selectProjects(round, 'equalshares');
    expect(result.selected).toEqual(['X']);
    expect(paidByEach(result)).toEqual([fraction(10n), fraction(10n), fraction(10n), fraction(0n)]);
  });

  it('funds the least payment per unit of cost first, not the cheapest (a hand-counted round)', () => {
    // β = 30 / 3 = 10. P (cost 12; A, B) asks 6 each: ρ = 6/12. Q (cost 24; A, B, C) asks
    // 8 each: ρ = 8/24. R (cost 9; C) asks 9: ρ = 9/9. Q wins; everyone keeps 2. Then P
    // has 4 < 12 behind it and R has 2 < 9: both are dropped.
    const round: BudgetInstance = {
      budget: 30n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'P', cost: 12n },
        { id: 'Q', cost: 24n },
        { id: 'R', cost: 9n },
      ],
      ballots: [
        { voterId: 'A', projects: ['P', 'Q'] },
        { voterId: 'B', projects: ['P', 'Q'] },
        { voterId: 'C', projects: ['Q', 'R'] },
      ],
    };
    const result = selectProjects(round, 'equalshares');
    expect(result.selected).toEqual(['Q']);
    expect(paidByEach(result)).toEqual([fraction(8n), fraction(8n), fraction(8n)]);
  });

  it('charges those short of money everything and the rest an equal share (a hand-counted round)', () => {
    // β = 20 / 4 = 5. S (cost 8; A, B) asks 4 each: ρ = 4/8. T (cost 9; A, B, C) asks 3
    // each: ρ = 3/9. U (cost 6; C, D) asks 3 each: ρ = 3/6. T wins: A, B, C keep 2, D 5.
    // S now has 4 < 8 behind it: dropped. U: the equal share 3 is more than C's 2, so C
    // pays 2 and D the remaining 4 (q = 4, ρ = 4/6); funded.
    const round: BudgetInstance = {
      budget: 20n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'S', cost: 8n },
        { id: 'T', cost: 9n },
        { id: 'U', cost: 6n },
      ],
      ballots: [
        { voterId: 'A', projects: ['S', 'T'] },
        { voterId: 'B', projects: ['S', 'T'] },
        { voterId: 'C', projects: ['T', 'U'] },
        { voterId: 'D', projects: ['U'] },
      ],
    };
    const result = selectProjects(round, 'equalshares');
    expect(result.selected).toEqual(['T', 'U']);
    expect(paidByEach(result)).toEqual([fraction(3n), fraction(3n), fraction(5n), fraction(4n)]);
  });

  it('breaks a tie in ρ by lower cost, then more votes, then the tie order, and reports it', () => {
    // β = 20 / 2 = 10: each project asks 10 of its one supporter, ρ = 1 for both, with
    // the same cost and one vote each: the tie order decides.
    const rich: BudgetInstance = {
      budget: 20n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'first', cost: 10n },
        { id: 'second', cost: 10n },
      ],
      ballots: [
        { voterId: 'a', projects: ['first'] },
        { voterId: 'b', projects: ['second'] },
      ],
    };
    const byOrder = selectProjects(rich, 'equalshares');
    expect(byOrder.selected).toEqual(['first', 'second']);
    if (byOrder.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    expect(byOrder.report.ties[0]).toMatchObject({
      projects: ['first', 'second'],
      chosen: 'first',
      brokenBy: 'order',
    });
    const reversed = selectProjects(rich, 'equalshares', { tieOrder: ['second'] });
    expect(reversed.selected).toEqual(['second', 'first']);

    // β = 80 / 4 = 20. dear (cost 20; a, b) asks 10 each: ρ = 10/20; cheap (cost 10; c,
    // d) asks 5 each: ρ = 5/10. Equal ρ: the cheaper goes first.
    const tied: BudgetInstance = {
      budget: 80n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'dear', cost: 20n },
        { id: 'cheap', cost: 10n },
      ],
      ballots: [
        { voterId: 'a', projects: ['dear'] },
        { voterId: 'b', projects: ['dear'] },
        { voterId: 'c', projects: ['cheap'] },
        { voterId: 'd', projects: ['cheap'] },
      ],
    };
    const cheaper = selectProjects(tied, 'equalshares');
    expect(cheaper.selected[0]).toBe('cheap');
    if (cheaper.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    expect(cheaper.report.ties[0]?.brokenBy).toBe('cost');
  });
});
