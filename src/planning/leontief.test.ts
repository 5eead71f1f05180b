import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SovietError } from '../errors/soviet-error.js';
import { leontiefInverse, solveDense } from './dense.js';
import {
  employmentMultipliers,
  grossOutput,
  labourValues,
  outputMultipliers,
  relativeResidual,
} from './leontief.js';
import { fromDense, toDense } from './sparse-matrix.js';
import { syntheticEconomy } from './testing/synthetic-economy.js';

/** A random productive dense A: column sums below 0.95. */
const productive = (n: number) =>
  fc
    .array(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), {
      minLength: n,
      maxLength: n,
    })
    .chain((raw) =>
      fc.double({ min: 0.05, max: 0.95, noNaN: true }).map((target) =>
        raw.map((row, i) =>
          row.map((v, j) => {
            const col = raw.reduce((s, r) => s + (r[j] ?? 0), 0) || 1;
            return i === j && col === 0 ? 0 : (v / col) * target;
          }),
        ),
      ),
    );

describe('Leontief solves against dense Gaussian elimination', () => {
  it('gross output and labour values agree for both methods on random economies', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            productive(n),
            fc.array(fc.double({ min: 0, max: 100, noNaN: true }), {
              minLength: n,
              maxLength: n,
            }),
          ),
        ),
        ([a, d]) => {
          const n = a.length;
          const reference = solveDense(
            a.map((row, i) => row.map((v, j) => (i === j ? 1 : 0) - v)),
            d.map((v) => [v]),
          ).map((r) => r[0] ?? 0);
          const referenceT = solveDense(
            a.map((_, i) => a.map((row, j) => (i === j ? 1 : 0) - (row[i] ?? 0))),
            d.map((v) => [v]),
          ).map((r) => r[0] ?? 0);
          const sparse = fromDense(a, n);
          const scale = Math.max(1, ...reference.map(Math.abs), ...referenceT.map(Math.abs));
          for (const method of ['jacobi', 'bicgstab'] as const) {
            const x = grossOutput(sparse, Float64Array.from(d), { method, tolerance: 1e-12 });
            const lambda = labourValues(sparse, Float64Array.from(d), { method, tolerance: 1e-12 });
            x.x.forEach((v, i) => {
              expect(Math.abs(v - (reference[i] ?? 0))).toBeLessThan(1e-9 * scale);
            });
            lambda.x.forEach((v, i) => {
              expect(Math.abs(v - (referenceT[i] ?? 0))).toBeLessThan(1e-9 * scale);
            });
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reaches a residual of 1e-9 on a sparse economy of 20,000 products, both methods agreeing', () => {
    const e = syntheticEconomy({ products: 20_000, seed: 7 });
    const jacobi = grossOutput(e.inputs, e.demand, { method: 'jacobi', tolerance: 1e-10 });
    const krylov = grossOutput(e.inputs, e.demand, { method: 'bicgstab', tolerance: 1e-10 });
    expect(relativeResidual(e.inputs, e.demand, krylov.x)).toBeLessThanOrEqual(1e-9);
    expect(krylov.iterations).toBeLessThan(jacobi.iterations);
    let worst = 0;
    krylov.x.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - (jacobi.x[i] ?? 0)) / Math.max(1, Math.abs(v)));
    });
    expect(worst).toBeLessThan(1e-8);
  });

  it('output multipliers are the column sums of the dense Leontief inverse', () => {
    const e = syntheticEconomy({ products: 40, inputs: 5, seed: 3 });
    const inverse = leontiefInverse(toDense(e.inputs));
    const sums = inverse[0]?.map((_, j) => inverse.reduce((s, row) => s + (row[j] ?? 0), 0)) ?? [];
    const multipliers = outputMultipliers(e.inputs, { tolerance: 1e-13 }).x;
    multipliers.forEach((m, j) => {
      expect(m).toBeCloseTo(sums[j] ?? 0, 10);
    });
    const jobs = employmentMultipliers(e.inputs, e.labour, { tolerance: 1e-13 }).x;
    jobs.forEach((m, j) => {
      const direct = inverse.reduce((s, row, i) => s + (e.labour[i] ?? 0) * (row[j] ?? 0), 0);
      expect(m).toBeCloseTo(direct, 10);
    });
  });

  it('refuses an economy that is not productive', () => {
    const a = fromDense([
      [0.5, 0.9],
      [0.9, 0.5],
    ]);
    const d = Float64Array.from([1, 1]);
    expect(() => grossOutput(a, d, { method: 'jacobi' })).toThrow(SovietError);
    expect(() => grossOutput(a, d, { method: 'jacobi' })).toThrow(/not productive/);
  });
});
