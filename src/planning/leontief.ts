import { planningError } from './errors.js';
import { multiply, type SparseMatrix, transpose } from './sparse-matrix.js';

/**
 * The open Leontief model: gross output x for a final demand d solves (I − A)x = d,
 * where A[i][j] is the input of product i per unit of product j (Leontief, *The
 * Structure of American Economy*, 1941; Miller & Blair, *Input-Output Analysis*, 2nd ed.,
 * 2009, §2.3). Labour values solve λ = l + Aᵀλ (Marx's values as vertically integrated
 * labour: Pasinetti, *Lectures on the Theory of Production*, 1977, ch. 5).
 *
 * Two iterative methods, both needing only products with A (no factorisation, so they
 * scale to 10^6 products; a sparse LU fills in on real input-output structures):
 * - `jacobi`: the Neumann series x_{k+1} = d + A x_k, the reference. It converges for
 *   any productive economy (spectral radius of A below 1, Hawkins–Simon), linearly at
 *   that radius; its residual d − (I − A)x_k is x_{k+1} − x_k, free to watch.
 * - `bicgstab`: van der Vorst's BiCGSTAB (SIAM J. Sci. Stat. Comput. 13(2), 1992,
 *   Alg. 1) on I − A, much faster when the radius is near 1.
 */
export type LeontiefMethod = 'jacobi' | 'bicgstab';

export interface SolveOptions {
  readonly method?: LeontiefMethod;
  /** Stop when ‖b − (I − A)x‖₂ ≤ tolerance · ‖b‖₂. Default 1e-10. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
  /** Called after each iteration with the relative residual (for progress bars). */
  readonly onIteration?: (iteration: number, residual: number) => void;
}

export interface SolveResult {
  readonly x: Float64Array;
  readonly iterations: number;
  /** The true relative residual ‖b − (I − A)x‖₂ / ‖b‖₂ of the returned x. */
  readonly residual: number;
  readonly method: LeontiefMethod;
}

/** Gross output x with (I − A)x = d. Throws PLAN_NOT_PRODUCTIVE if the iteration diverges. */
export function grossOutput(
  a: SparseMatrix,
  d: Float64Array,
  options: SolveOptions = {},
): SolveResult {
  return solveLeontief(a, d, options);
}

/**
 * Labour values λ = l + Aᵀλ: the labour directly and indirectly needed per unit of each
 * product. Pass `aTransposed` when it is at hand (it is built otherwise).
 */
export function labourValues(
  a: SparseMatrix,
  l: Float64Array,
  options: SolveOptions = {},
  aTransposed: SparseMatrix = transpose(a),
): SolveResult {
  return solveLeontief(aTransposed, l, options);
}

/**
 * Output multipliers: the column sums of the Leontief inverse (I − A)⁻¹, i.e. the gross
 * output of the whole economy per unit of final demand for each product (Miller & Blair
 * 2009, §6.2.1). Column sums of (I − A)⁻¹ are the solution μ of (I − Aᵀ)μ = 1, so one
 * solve gives them all.
 */
export function outputMultipliers(a: SparseMatrix, options: SolveOptions = {}): SolveResult {
  return labourValues(a, new Float64Array(a.rows).fill(1), options);
}

/**
 * Employment multipliers (type I): employment per unit of final demand for each product,
 * direct and indirect, e = (I − Aᵀ)⁻¹ w for employment coefficients w (Miller & Blair
 * 2009, §6.3). They are labour values measured in jobs.
 */
export function employmentMultipliers(
  a: SparseMatrix,
  employmentPerUnit: Float64Array,
  options: SolveOptions = {},
): SolveResult {
  return labourValues(a, employmentPerUnit, options);
}

/** Solves (I − M)x = b for square M by the chosen method. */
export function solveLeontief(
  m: SparseMatrix,
  b: Float64Array,
  options: SolveOptions = {},
): SolveResult {
  const method = options.method ?? 'bicgstab';
  return method === 'jacobi' ? jacobi(m, b, options) : bicgstab(m, b, options);
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) * (v[i] as number);
  return Math.sqrt(s);
}

function dot(u: Float64Array, v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < u.length; i++) s += (u[i] as number) * (v[i] as number);
  return s;
}

/** out = (I − M)v, using `work` for M v. */
function applyIMinus(m: SparseMatrix, v: Float64Array, out: Float64Array): Float64Array {
  multiply(m, v, out);
  for (let i = 0; i < v.length; i++) out[i] = (v[i] as number) - (out[i] as number);
  return out;
}

/** The true relative residual ‖b − (I − M)x‖ / ‖b‖. */
export function relativeResidual(m: SparseMatrix, b: Float64Array, x: Float64Array): number {
  const r = applyIMinus(m, x, new Float64Array(b.length));
  for (let i = 0; i < r.length; i++) r[i] = (b[i] as number) - (r[i] as number);
  const nb = norm(b);
  return nb === 0 ? norm(r) : norm(r) / nb;
}

function jacobi(m: SparseMatrix, b: Float64Array, options: SolveOptions): SolveResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100_000;
  const nb = norm(b) || 1;
  let x = Float64Array.from(b);
  let next = new Float64Array(b.length);
  let best = Number.POSITIVE_INFINITY;
  for (let k = 1; k <= maxIterations; k++) {
    multiply(m, x, next);
    let change = 0;
    for (let i = 0; i < next.length; i++) {
      const v = (next[i] ?? 0) + (b[i] ?? 0);
      next[i] = v;
      change += (v - (x[i] ?? 0)) ** 2;
    }
    // The residual of x_k is x_{k+1} − x_k; we return x_{k+1}, whose residual is smaller still.
    const residual = Math.sqrt(change) / nb;
    [x, next] = [next, x];
    options.onIteration?.(k, residual);
    if (!Number.isFinite(residual) || (k > 50 && residual > 1e3 * best)) {
      throw planningError('PLAN_NOT_PRODUCTIVE', {
        reason: `residual ${residual} at iteration ${k}`,
      });
    }
    best = Math.min(best, residual);
    if (residual <= tolerance) {
      return { x, iterations: k, residual: relativeResidual(m, b, x), method: 'jacobi' };
    }
  }
  throw planningError('PLAN_NOT_CONVERGED', {
    method: 'jacobi',
    tolerance,
    iterations: maxIterations,
  });
}

/**
 * BiCGSTAB (van der Vorst 1992, Alg. 1; Saad 2003, Alg. 7.7) on (I − M)x = b from x₀ = b.
 * The recurred residual drifts from the true one in floating point, so on reaching the
 * tolerance the true residual is computed and, if it is not yet small enough, the
 * iteration restarts from there.
 */
function bicgstab(m: SparseMatrix, b: Float64Array, options: SolveOptions): SolveResult {
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10_000;
  const n = b.length;
  const nb = norm(b) || 1;
  const x = Float64Array.from(b);
  const r = new Float64Array(n);
  const rHat = new Float64Array(n);
  const p = new Float64Array(n);
  const v = new Float64Array(n);
  const s = new Float64Array(n);
  const t = new Float64Array(n);
  let k = 0;
  while (k < maxIterations) {
    // (Re)start: true residual, shadow residual r̂ = r.
    applyIMinus(m, x, r);
    for (let i = 0; i < n; i++) r[i] = (b[i] as number) - (r[i] as number);
    let residual = norm(r) / nb;
    if (residual <= tolerance) return { x, iterations: k, residual, method: 'bicgstab' };
    rHat.set(r);
    p.fill(0);
    v.fill(0);
    let rho = 1;
    let alpha = 1;
    let omega = 1;
    while (k < maxIterations) {
      k += 1;
      const rhoNew = dot(rHat, r);
      if (rhoNew === 0 || omega === 0) break; // breakdown: restart
      const beta = (rhoNew / rho) * (alpha / omega);
      rho = rhoNew;
      for (let i = 0; i < n; i++)
        p[i] = (r[i] as number) + beta * ((p[i] as number) - omega * (v[i] as number));
      applyIMinus(m, p, v);
      const rHatV = dot(rHat, v);
      if (rHatV === 0) break;
      alpha = rho / rHatV;
      for (let i = 0; i < n; i++) s[i] = (r[i] as number) - alpha * (v[i] as number);
      if (norm(s) / nb <= tolerance) {
        for (let i = 0; i < n; i++) x[i] = (x[i] as number) + alpha * (p[i] as number);
        options.onIteration?.(k, norm(s) / nb);
        break;
      }
      applyIMinus(m, s, t);
      const tt = dot(t, t);
      omega = tt === 0 ? 0 : dot(t, s) / tt;
      for (let i = 0; i < n; i++) {
        x[i] = (x[i] as number) + alpha * (p[i] as number) + omega * (s[i] as number);
        r[i] = (s[i] as number) - omega * (t[i] as number);
      }
      residual = norm(r) / nb;
      options.onIteration?.(k, residual);
      if (!Number.isFinite(residual)) {
        throw planningError('PLAN_NOT_PRODUCTIVE', {
          reason: `residual ${residual} at iteration ${k}`,
        });
      }
      if (residual <= tolerance) break;
    }
  }
  const residual = relativeResidual(m, b, x);
  if (residual <= tolerance) return { x, iterations: k, residual, method: 'bicgstab' };
  throw planningError('PLAN_NOT_CONVERGED', {
    method: 'bicgstab',
    tolerance,
    iterations: maxIterations,
  });
}
