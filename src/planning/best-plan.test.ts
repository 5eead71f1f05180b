import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHighs } from '../cli/load-highs.js';
import { bestPlanLp } from './best-plan.js';
import { harmony, harmonyDerivative, harmonyPlan } from './harmony.js';
import { highsSolver } from './highs-solver.js';
import { grossOutput, labourValues } from './leontief.js';
import { multiply } from './sparse-matrix.js';
import { parseSymmetricTable, symmetricTableEconomy } from './symmetric-table-format.js';
import { dataset } from './testing/datasets.js';
import { syntheticEconomy } from './testing/synthetic-economy.js';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('the best feasible plan', () => {
  it('with one technique per product and labour alone, t = L / (λ·d) (non-substitution)', () => {
    const e = symmetricTableEconomy(
      parseSymmetricTable(dataset('eurostat-beutel-germany-1995', 'Beutel_15_4.csv')),
    );
    const plan = bestPlanLp(e, highsSolver(highs));
    const lambda = labourValues(e.inputs, e.labour, { tolerance: 1e-13 }).x;
    const expected = 36428 / lambda.reduce((s, v, i) => s + v * (e.demand[i] ?? 0), 0);
    expect(plan.scale).toBeCloseTo(expected, 9);
    // The table's own year is (nearly) the plan: its rows add up to output to 46 in 10^6.
    expect(Math.abs(plan.scale - 1)).toBeLessThan(1e-4);
    const x = grossOutput(
      e.inputs,
      e.demand.map((d) => d * plan.scale),
      { tolerance: 1e-13 },
    ).x;
    plan.activity.forEach((y, i) => {
      expect(y).toBeCloseTo(x[i] ?? 0, 4);
    });
    expect(plan.binding).toEqual(['resource labour']);
  });

  it('the LP plan is feasible: net output covers t·d within capacities and labour', () => {
    const e = syntheticEconomy({
      products: 60,
      techniquesPerProduct: 2,
      inputs: 5,
      capacityShare: 0.4,
      seed: 11,
    });
    const plan = bestPlanLp(e, highsSolver(highs));
    const used = multiply(e.inputs, plan.activity);
    const net = new Float64Array(e.products.length);
    plan.activity.forEach((y, k) => {
      const p = e.makes[k] ?? 0;
      net[p] = (net[p] ?? 0) + y;
      expect(y).toBeLessThanOrEqual((e.capacity[k] ?? Number.POSITIVE_INFINITY) * (1 + 1e-9));
      expect(y).toBeGreaterThanOrEqual(-1e-9);
    });
    net.forEach((v, i) => {
      expect(v - (used[i] ?? 0)).toBeGreaterThanOrEqual(plan.scale * (e.demand[i] ?? 0) - 1e-7);
    });
    const labour = plan.activity.reduce((s, y, k) => s + y * (e.labour[k] ?? 0), 0);
    expect(labour).toBeLessThanOrEqual(60 * (1 + 1e-9));
  });

  it('harmony: a feasible plan below a proven bound that brackets the LP optimum', () => {
    for (const seed of [1, 2, 3]) {
      const e = syntheticEconomy({
        products: 40 + 20 * seed,
        techniquesPerProduct: 2,
        inputs: 6,
        minSum: 0.3,
        maxSum: 0.7,
        capacityShare: 0.3,
        seed,
      });
      const lp = bestPlanLp(e, highsSolver(highs)).scale;
      const h = harmonyPlan(e, { iterations: 100 });
      expect(h.scale).toBeLessThanOrEqual(lp * (1 + 1e-9));
      expect(h.bound).toBeGreaterThanOrEqual(lp * (1 - 1e-9));
      expect(h.harmonyScale).toBeLessThanOrEqual(h.scale + 1e-12);
      if (h.optimal) expect(Math.abs(h.scale - lp)).toBeLessThan(1e-6 * lp);
      expect((h.bound - h.scale) / lp).toBeLessThan(1e-3);
    }
  });

  it('the harmony function is concave, zero on target and steeper below it', () => {
    expect(harmony(0)).toBe(0);
    expect(harmonyDerivative(0)).toBe(1);
    for (const s of [-0.9, -0.5, -0.1, 0.1, 0.5, 2]) {
      expect(harmonyDerivative(s - 0.01)).toBeGreaterThan(harmonyDerivative(s));
      expect(harmony(s + 1e-6) - harmony(s)).toBeCloseTo(harmonyDerivative(s) * 1e-6, 10);
    }
    // A shortfall loses more harmony than an equal surplus gains.
    expect(-harmony(-0.5)).toBeGreaterThan(harmony(0.5));
  });

  it('refuses a plan nothing limits', () => {
    const e = syntheticEconomy({ products: 5, inputs: 2, seed: 1 });
    const free = {
      ...e,
      resources: [{ name: 'labour', limit: Number.POSITIVE_INFINITY, use: e.labour }],
    };
    expect(() => bestPlanLp(free, highsSolver(highs))).toThrow(/nothing limits/);
    expect(() => harmonyPlan(free)).toThrow(/nothing limits/);
  });
});
