import { csvLines, numberAt } from './csv-table.js';
import type { Economy } from './economy.js';
import { planningError } from './errors.js';
import { fromTriplets, type SparseMatrix } from './sparse-matrix.js';

/**
 * A symmetric (product × product) input-output table as published in the Eurostat
 * *Manual of Supply, Use and Input-Output Tables* (2008, ch. 11 and 15), in the
 * machine-readable layout of the `iotables` R package (`Beutel_15_4.csv`): one row per
 * table row, a key column naming it (`iotables_row`), the intermediate-use columns named
 * like the product rows, then the final-use columns, then `output_bp`. The row keyed
 * `output_bp` (P1, output at basic prices) holds each product's output x_j, and
 * `employment_total` (when present) its employment.
 *
 * Technical coefficients a_ij = z_ij / x_j (Eurostat manual §11.3; Miller & Blair 2009,
 * §2.2); final demand d_i = the row's final-use cells.
 */
export interface SymmetricTable {
  readonly products: readonly string[];
  readonly coefficients: SparseMatrix;
  readonly output: Float64Array;
  readonly finalDemand: Float64Array;
  /** Employment per product, or undefined when the table has no employment row. */
  readonly employment: Float64Array | undefined;
}

const KEY = 'iotables_row';
const OUTPUT = 'output_bp';
const EMPLOYMENT = 'employment_total';

export function parseSymmetricTable(text: string, file = 'table.csv'): SymmetricTable {
  const [header, ...lines] = csvLines(text);
  if (!header) throw planningError('PLAN_FILE_BAD', { file, line: 1, reason: 'the file is empty' });
  const key = header.fields.indexOf(KEY);
  const outputColumn = header.fields.indexOf(OUTPUT);
  if (key < 0 || outputColumn < 0) {
    throw planningError('PLAN_FILE_BAD', {
      file,
      line: 1,
      reason: `the header needs the columns ${KEY} and ${OUTPUT}`,
    });
  }
  const byKey = new Map(lines.map((l) => [l.fields[key] ?? '', l]));
  // Products: the columns that are also row keys, in column order.
  const productColumns = header.fields
    .map((name, c) => [name, c] as const)
    .filter(([name, c]) => c !== key && byKey.has(name) && name !== OUTPUT);
  if (productColumns.length === 0)
    throw planningError('PLAN_FILE_BAD', {
      file,
      line: 1,
      reason: 'no column names a product row',
    });
  const lastProduct = productColumns[productColumns.length - 1]?.[1] ?? 0;
  const finalColumns = header.fields
    .map((_, c) => c)
    .filter((c) => c > lastProduct && c < outputColumn);
  const row = (name: string) => {
    const l = byKey.get(name);
    if (!l) throw planningError('PLAN_UNKNOWN_NAME', { file, name, kind: 'row' });
    return l;
  };
  const n = productColumns.length;
  const outputRow = row(OUTPUT);
  const output = Float64Array.from(productColumns, ([, c]) =>
    numberAt(file, outputRow.line, outputRow.fields[c], OUTPUT),
  );
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  const finalDemand = new Float64Array(n);
  productColumns.forEach(([name], i) => {
    const l = row(name);
    productColumns.forEach(([, c], j) => {
      const z = numberAt(file, l.line, l.fields[c], 'the cell');
      if (z !== 0) {
        rowOf.push(i);
        colOf.push(j);
        valueAt.push(z / (output[j] ?? 1));
      }
    });
    finalDemand[i] = finalColumns.reduce(
      (s, c) => s + numberAt(file, l.line, l.fields[c], 'the final use'),
      0,
    );
  });
  const employmentRow = byKey.get(EMPLOYMENT);
  const employment = employmentRow
    ? Float64Array.from(productColumns, ([, c]) =>
        numberAt(file, employmentRow.line, employmentRow.fields[c], 'employment'),
      )
    : undefined;
  return {
    products: productColumns.map(([name]) => name),
    coefficients: fromTriplets(
      n,
      n,
      Int32Array.from(rowOf),
      Int32Array.from(colOf),
      Float64Array.from(valueAt),
    ),
    output,
    finalDemand,
    employment,
  };
}

/**
 * The table as an economy: one technique per product, final demand the table's final
 * uses, labour = employment per unit of output and its limit the total employment (so
 * that the table's own year is a feasible plan at t ≈ 1). Without an employment row,
 * labour is unlimited.
 */
export function symmetricTableEconomy(t: SymmetricTable): Economy {
  const n = t.products.length;
  const labour = t.employment
    ? t.employment.map((e, j) => e / (t.output[j] ?? 1))
    : new Float64Array(n);
  const limit = t.employment ? t.employment.reduce((s, v) => s + v, 0) : Number.POSITIVE_INFINITY;
  return {
    products: t.products,
    demand: t.finalDemand,
    techniques: t.products,
    makes: Int32Array.from({ length: n }, (_, i) => i),
    inputs: t.coefficients,
    labour,
    capacity: new Float64Array(n).fill(Number.POSITIVE_INFINITY),
    resources: [{ name: 'labour', limit, use: labour }],
  };
}
