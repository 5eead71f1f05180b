import type { SparseMatrix } from './sparse-matrix.js';

/**
 * An economy for one plan period (issue 11): products with final-demand targets;
 * techniques, each making one unit of one product from inputs of products, labour and
 * other non-produced resources, perhaps up to a capacity; and limits on the resources.
 * Stored by column in typed arrays, so that 10^6 techniques cost no object each.
 */
export interface Economy {
  readonly products: readonly string[];
  /** Final-demand target per product (the plan ray's direction). */
  readonly demand: Float64Array;
  readonly techniques: readonly string[];
  /** The product each technique makes (index into products). */
  readonly makes: Int32Array;
  /** inputs[i][k]: units of product i used per unit of technique k's output. */
  readonly inputs: SparseMatrix;
  /** Labour per unit of each technique's output. */
  readonly labour: Float64Array;
  /** Most output each technique can make; +Infinity when unbounded. */
  readonly capacity: Float64Array;
  /** Limits on non-produced resources; `labour` is the one named "labour". */
  readonly resources: readonly Resource[];
}

export interface Resource {
  readonly name: string;
  /** Amount available; +Infinity when unlimited. */
  readonly limit: number;
  /** Use per unit of each technique's output (for labour, Economy.labour). */
  readonly use: Float64Array;
}

/**
 * A multi-year economy in the shape of Cockshott's harmony planning tables
 * (github.com/wc22m/5yearplan, documentation.odt): one technique per product, with
 * flow, capital and depreciation coefficients and a target ray per year. Dense: these
 * tables have tens of products.
 */
export interface DynamicEconomy {
  readonly products: readonly string[];
  /** flow[i][j]: input of product i per unit of output of industry j. */
  readonly flow: readonly (readonly number[])[];
  /** Labour per unit of output of each industry. */
  readonly labour: readonly number[];
  /** capital[i][j]: stock of product i per unit of yearly output capacity of industry j. */
  readonly capital: readonly (readonly number[])[];
  /** depreciation[i][j]: the share of stock i in industry j worn out in a year. */
  readonly depreciation: readonly (readonly number[])[];
  /** stock[i][j]: stock of product i held by industry j at the start of year 1. */
  readonly stock: readonly (readonly number[])[];
  readonly years: readonly PlanYear[];
}

export interface PlanYear {
  readonly name: string;
  /** Final-consumption target per product. */
  readonly targets: readonly number[];
  /** Labour available in the year. */
  readonly labour: number;
}

/** The technique index making each product, when each product has exactly one (else -1). */
export function singleTechniques(economy: Economy): Int32Array {
  const chosen = new Int32Array(economy.products.length).fill(-1);
  economy.makes.forEach((p, k) => {
    chosen[p] = chosen[p] === -1 ? k : -2;
  });
  return chosen;
}

/** The labour resource's limit (+Infinity if none is given). */
export function labourLimit(economy: Economy): number {
  return economy.resources.find((r) => r.name === 'labour')?.limit ?? Number.POSITIVE_INFINITY;
}
