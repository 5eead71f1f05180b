import { csvLines, numberAt } from './csv-table.js';
import { type Dense, identityMinus, inverse, matmul, zeros } from './dense.js';
import type { Economy } from './economy.js';
import { planningError } from './errors.js';
import { fromDense } from './sparse-matrix.js';

/**
 * The US Bureau of Economic Analysis benchmark input-output accounts as published on its
 * diskettes (1997 summary level, NDN-0305): comma-separated records `row code, column
 * code, [year,] table number, value, …`. Read here: the make table V (Table 3,
 * industry × commodity), the use table U (Table 4, commodity × industry or final use),
 * the direct requirements B (Table 5) and, to compare with, the total-requirements tables
 * (Tables 7 and 8).
 *
 * The total requirements follow BEA's "Mathematical Derivation of the Total Requirements
 * Tables" (MathIO.txt, 1997), under the industry-technology assumption:
 * q = commodity output (column sums of V without scrap), g = industry output (row sums of
 * V with scrap), D = V q̂⁻¹ (market shares), p = scrap / g, W = (I − p̂)⁻¹ D;
 * commodity × commodity (I − BW)⁻¹, industry × commodity W(I − BW)⁻¹ (Table 7),
 * industry × industry (I − WB)⁻¹ (Table 8).
 */
export interface BeaRecords {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** value of (row code, column code) */
  readonly value: ReadonlyMap<string, number>;
}

/** Scrap, used and secondhand goods (IO-CodeSummary.txt). */
export const SCRAP = 'S004';

/**
 * Records of one BEA table: the value is the field after the table number `table`
 * (field 3 in Tables 3, 5, 7 and 8; field 4 in the use table, which carries the year).
 */
export function parseBeaTable(text: string, file: string, table: number): BeaRecords {
  const value = new Map<string, number>();
  const rows = new Set<string>();
  const columns = new Set<string>();
  for (const { line, fields } of csvLines(text)) {
    const at = fields[2] === String(table) ? 2 : fields[3] === String(table) ? 3 : -1;
    if (at < 0 || fields.length < at + 2) {
      throw planningError('PLAN_FILE_BAD', {
        file,
        line,
        reason: `not a record of table ${table}`,
      });
    }
    const row = fields[0] ?? '';
    const col = fields[1] ?? '';
    rows.add(row);
    columns.add(col);
    value.set(`${row},${col}`, numberAt(file, line, fields[at + 1], 'the value'));
  }
  return { rows: [...rows], columns: [...columns], value };
}

export interface BeaModel {
  readonly industries: readonly string[];
  readonly commodities: readonly string[];
  /** B: commodity × industry direct requirements. */
  readonly direct: Dense;
  /** W: industry × commodity transformation matrix. */
  readonly transformation: Dense;
  /** g: industry output. */
  readonly industryOutput: readonly number[];
}

const get = (t: BeaRecords, r: string, c: string) => t.value.get(`${r},${c}`) ?? 0;

/**
 * The model of MathIO.txt from the make table and the direct requirements. With `use`,
 * B is recomputed at full precision as U ĝ⁻¹ instead of the published 7-decimal B.
 */
export function beaModel(make: BeaRecords, direct: BeaRecords, use?: BeaRecords): BeaModel {
  const industries = make.rows;
  const commodities = [
    ...new Set([...make.columns, ...direct.rows.filter((c) => !c.startsWith('V'))]),
  ];
  const g = industries.map((i) => make.columns.reduce((s, c) => s + get(make, i, c), 0));
  const q = commodities.map((c) =>
    c === SCRAP ? 0 : industries.reduce((s, i) => s + get(make, i, c), 0),
  );
  const transformation = industries.map((i, r) =>
    commodities.map((c, k) => {
      if (c === SCRAP || (q[k] ?? 0) === 0) return 0;
      const share = get(make, i, c) / (q[k] ?? 1);
      return share / (1 - get(make, i, SCRAP) / (g[r] ?? 1));
    }),
  );
  const directMatrix = commodities.map((c) =>
    industries.map((i, r) => (use ? get(use, c, i) / (g[r] ?? 1) : get(direct, c, i))),
  );
  return { industries, commodities, direct: directMatrix, transformation, industryOutput: g };
}

/** (I − BW)⁻¹, commodity × commodity. */
export function commodityByCommodity(model: BeaModel): Dense {
  return inverse(identityMinus(matmul(model.direct, model.transformation)));
}

/** W(I − BW)⁻¹, industry × commodity (BEA Table 7). */
export function industryByCommodity(model: BeaModel): Dense {
  return matmul(model.transformation, commodityByCommodity(model));
}

/** (I − WB)⁻¹, industry × industry (BEA Table 8). */
export function industryByIndustry(model: BeaModel): Dense {
  return inverse(identityMinus(matmul(model.transformation, model.direct)));
}

/**
 * The commodity economy: A = BW, final demand = the use table's final-use columns
 * (codes F…), labour = compensation of employees (V001) per unit, carried to commodities
 * by W, and the labour limit = total compensation (so that the actual year is t = 1).
 */
export function beaEconomy(model: BeaModel, use: BeaRecords): Economy {
  const { commodities, industries } = model;
  const a = matmul(model.direct, model.transformation);
  const finalUses = use.columns.filter((c) => c.startsWith('F'));
  const demand = Float64Array.from(commodities, (c) =>
    finalUses.reduce((s, f) => s + get(use, c, f), 0),
  );
  const perIndustry = industries.map(
    (i, r) => get(use, 'V001', i) / (model.industryOutput[r] ?? 1),
  );
  const labour = Float64Array.from(commodities, (_, k) =>
    industries.reduce(
      (s, _i, r) => s + (perIndustry[r] ?? 0) * (model.transformation[r]?.[k] ?? 0),
      0,
    ),
  );
  const limit = industries.reduce((s, i) => s + get(use, 'V001', i), 0);
  return {
    products: commodities,
    demand,
    techniques: commodities,
    makes: Int32Array.from(commodities, (_, k) => k),
    inputs: fromDense(a, commodities.length),
    labour,
    capacity: new Float64Array(commodities.length).fill(Number.POSITIVE_INFINITY),
    resources: [{ name: 'labour', limit, use: labour }],
  };
}

/** A published table as a dense matrix over the given row and column codes. */
export function denseOf(t: BeaRecords, rows: readonly string[], columns: readonly string[]): Dense {
  const out = zeros(rows.length, columns.length);
  rows.forEach((r, i) => {
    columns.forEach((c, j) => {
      const row = out[i];
      if (row) row[j] = get(t, r, c);
    });
  });
  return out;
}
