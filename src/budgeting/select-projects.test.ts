import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BudgetInstance } from './budget-instance.js';
import { fraction } from './fraction.js';
import { parseRuleName, RULE_NAMES } from './rule-name.js';
import { selectProjects } from './select-projects.js';
import { roundArbitrary, SMALL } from './test-support/arbitraries.js';
import {
  referenceAdd1,
  referenceGreedy,
  referencePreferences,
} from './test-support/reference-rules.js';

describe('selectProjects', () => {
  it('applies the comparison step: greedy replaces Equal Shares only if more voters prefer it', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), (round) => {
        const result = selectProjects(round, 'equalshares/add1-comparison');
        const mes = referenceAdd1(round).run.selected.map((c) => round.projects[c]?.id ?? '');
        const greedy = referenceGreedy(round, 'greedy');
        const { preferA, preferB } = referencePreferences(round, mes, greedy);
        expect(result.selected).toEqual(preferB > preferA ? greedy : mes);
        if (result.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
        expect(result.report.comparison).toMatchObject({
          prefersEqualShares: preferA,
          prefersGreedy: preferB,
          chosen: preferB > preferA ? 'greedy' : 'equal-shares',
        });
        expect(result.payments === undefined).toBe(preferB > preferA);
      }),
      { numRuns: 200 },
    );
  });

  it('never spends more than the budget, under any rule', () => {
    fc.assert(
      fc.property(roundArbitrary(SMALL), fc.constantFrom(...RULE_NAMES), (generated, rule) => {
        const round = { ...generated, scoreThreshold: generated.scoreThreshold ?? 1n };
        const result = selectProjects(round, rule);
        expect(result.spent <= round.budget).toBe(true);
        expect(new Set(result.selected).size).toBe(result.selected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('funds every supported project when they all fit, as the completion settles there', () => {
    const round: BudgetInstance = {
      budget: 1000n,
      scale: 0,
      voteType: 'approval',
      projects: [
        { id: 'a', cost: 10n },
        { id: 'b', cost: 20n },
        { id: 'nobody', cost: 5n },
      ],
      ballots: [
        { voterId: '1', projects: ['a'] },
        { voterId: '2', projects: ['b'] },
      ],
    };
    const result = selectProjects(round, 'equalshares/add1');
    expect([...result.selected].sort()).toEqual(['a', 'b']);
    if (result.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    expect(result.report.everythingFits).toBe(true);
    // Each voter keeps a share of 500 (floor(1000 / 2)); a pays 10, b pays 20.
    expect(result.report.perVoter).toEqual(fraction(500n));
  });

  it('raises the share one currency unit at a time, not one minor unit', () => {
    // Scale 2: budget 10.00 for 2 voters starts at 5.00 each and moves in steps of 1.00.
    const round: BudgetInstance = {
      budget: 1000n,
      scale: 2,
      voteType: 'approval',
      projects: [
        { id: 'a', cost: 700n },
        { id: 'b', cost: 650n },
      ],
      ballots: [
        { voterId: '1', projects: ['a'] },
        { voterId: '2', projects: ['b'] },
      ],
    };
    const result = selectProjects(round, 'equalshares/add1');
    if (result.report.kind !== 'equal-shares') throw new Error('expected Equal Shares');
    // 5.00: nothing affordable. 6.00: nothing. 7.00: a and b (13.50 > 10.00): stop at 6.00.
    expect(result.report.startPerVoter).toEqual(fraction(500n));
    expect(result.report.perVoter).toEqual(fraction(600n));
    expect(result.selected).toEqual([]);
  });

  it('handles a round with no voters', () => {
    const round: BudgetInstance = {
      budget: 100n,
      scale: 0,
      voteType: 'approval',
      projects: [{ id: 'a', cost: 10n }],
      ballots: [],
    };
    for (const rule of RULE_NAMES) {
      const result = selectProjects({ ...round, scoreThreshold: 0n }, rule);
      expect(result.selected).toEqual(rule.startsWith('greedy') ? ['a'] : []);
    }
  });

  it('refuses an invalid round (PB_BAD_INSTANCE)', () => {
    const base: BudgetInstance = {
      budget: 10n,
      scale: 0,
      voteType: 'approval',
      projects: [{ id: 'a', cost: 5n }],
      ballots: [{ voterId: '1', projects: ['a'] }],
    };
    const bad: BudgetInstance[] = [
      { ...base, budget: -1n },
      { ...base, projects: [{ id: 'a', cost: 0n }] },
      { ...base, projects: [{ id: '', cost: 1n }] },
      { ...base, projects: [...base.projects, { id: 'a', cost: 1n }] },
      { ...base, ballots: [{ voterId: '1', projects: ['x'] }] },
      { ...base, ballots: [{ voterId: '1', projects: ['a', 'a'] }] },
      { ...base, ballots: [{ voterId: '1', projects: ['a'], points: [1] }] },
      { ...base, voteType: 'cumulative' },
      {
        ...base,
        voteType: 'cumulative',
        ballots: [{ voterId: '1', projects: ['a'], points: [1, 2] }],
      },
      {
        ...base,
        voteType: 'cumulative',
        ballots: [{ voterId: '1', projects: ['a'], points: [-1] }],
      },
      { ...base, voteType: 'choose-1', ballots: [{ voterId: '1', projects: [] }] },
      { ...base, scale: 1.5 },
    ];
    for (const round of bad) {
      expect(() => selectProjects(round, 'greedy')).toThrow(
        expect.objectContaining({ code: 'PB_BAD_INSTANCE' }),
      );
    }
  });

  it('reads rule names as pabulib writes them, and mes as equalshares/add1', () => {
    expect(parseRuleName('mes')).toBe('equalshares/add1');
    expect(parseRuleName(' Greedy-Threshold ')).toBe('greedy-threshold');
    for (const rule of RULE_NAMES) expect(parseRuleName(rule)).toBe(rule);
    expect(() => parseRuleName('greedy-custom')).toThrow(
      expect.objectContaining({ code: 'PB_UNKNOWN_RULE' }),
    );
  });
});
