import { csvLines, type NamedTable, namedTable, numberAt } from './csv-table.js';
import type { DynamicEconomy, PlanYear } from './economy.js';
import { planningError } from './errors.js';

/**
 * The CSV tables of Cockshott's harmony planning programs (github.com/wc22m/5yearplan,
 * `plancode/`, and github.com/wc22m/NewHarmonywithJulia):
 * - flows: columns are the industries (one per product); rows are the goods used, then
 *   `labour` and `output`. A cell is the amount of the row's good the column industry
 *   uses to make its `output`, so the technical coefficient is cell / output.
 * - cap: the stock of the row's good the column industry holds to make its `output`.
 * - dep: the yearly depreciation rate of that stock.
 * - labtarg: one row per year: the final-consumption target of each product (by name)
 *   and the labour available (`labour`, any case).
 * Tables are read by row and column name when the first field of the header names the
 * row names (`headings` in 5yearplan) or rows carry names; the New Harmony tables carry
 * none, and their rows are the products in column order, then labour, then output.
 */
export interface HarmonyFiles {
  readonly flows: string;
  readonly cap: string;
  readonly dep: string;
  readonly labtarg: string;
  /** File names for messages. */
  readonly names?: { flows: string; cap: string; dep: string; labtarg: string };
}

const LABOUR = 'labour';
const OUTPUT = 'output';

export function parseHarmony(files: HarmonyFiles): DynamicEconomy {
  const names = files.names ?? {
    flows: 'flows.csv',
    cap: 'cap.csv',
    dep: 'dep.csv',
    labtarg: 'labtarg.csv',
  };
  const flows = harmonyTable(names.flows, files.flows, [LABOUR, OUTPUT]);
  const products = flows.columns;
  const get = (file: string, t: NamedTable, row: string, col: string) => {
    const r = t.rows.findIndex((name) => name.toLowerCase() === row.toLowerCase());
    const c = t.columns.findIndex((name) => name.toLowerCase() === col.toLowerCase());
    if (r < 0) throw planningError('PLAN_UNKNOWN_NAME', { file, name: row, kind: 'row' });
    if (c < 0) throw planningError('PLAN_UNKNOWN_NAME', { file, name: col, kind: 'column' });
    return t.values[r]?.[c] ?? 0;
  };
  const output = products.map((p) => get(names.flows, flows, OUTPUT, p));
  output.forEach((o, j) => {
    if (!(o > 0)) {
      throw planningError('PLAN_FILE_BAD', {
        file: names.flows,
        line: flows.lines[flows.rows.indexOf(OUTPUT)] ?? 0,
        reason: `the output of ${products[j]} must be positive`,
      });
    }
  });
  const perOutput = (file: string, t: NamedTable) =>
    products.map((i) => products.map((j, c) => get(file, t, i, j) / (output[c] ?? 1)));
  const cap = harmonyTable(names.cap, files.cap, []);
  const dep = harmonyTable(names.dep, files.dep, []);
  return {
    products,
    flow: perOutput(names.flows, flows),
    labour: products.map((j, c) => get(names.flows, flows, LABOUR, j) / (output[c] ?? 1)),
    capital: perOutput(names.cap, cap),
    depreciation: products.map((i) => products.map((j) => get(names.dep, dep, i, j))),
    stock: products.map((i) => products.map((j) => get(names.cap, cap, i, j))),
    years: planYears(names.labtarg, files.labtarg, products),
  };
}

/**
 * A harmony table by name. Rows are named when the header has one more field than
 * there are columns of numbers, i.e. when each row begins with a name; otherwise the
 * rows are the header's products in order followed by `extraRows`.
 */
function harmonyTable(file: string, text: string, extraRows: readonly string[]): NamedTable {
  const lines = csvLines(text);
  const header = lines[0];
  const first = lines[1];
  if (!header || !first)
    throw planningError('PLAN_FILE_BAD', { file, line: 1, reason: 'the table is empty' });
  const named =
    header.fields[0]?.toLowerCase() === 'headings' || Number.isNaN(Number(first.fields[0]));
  if (named) return namedTable(file, text);
  const columns = header.fields;
  const rowNames = [...columns, ...extraRows];
  if (lines.length - 1 > rowNames.length) {
    throw planningError('PLAN_FILE_BAD', {
      file,
      line: lines[rowNames.length + 1]?.line ?? 0,
      reason: `an unnamed table has at most ${rowNames.length} rows`,
    });
  }
  const body = lines.slice(1);
  return {
    columns,
    rows: body.map((_, r) => rowNames[r] ?? ''),
    values: body.map(({ line, fields }) => {
      if (fields.length !== columns.length) {
        throw planningError('PLAN_FILE_BAD', {
          file,
          line,
          reason: `expected ${columns.length} fields, found ${fields.length}`,
        });
      }
      return fields.map((f, c) => numberAt(file, line, f, `column ${columns[c]}`));
    }),
    lines: body.map((l) => l.line),
  };
}

/** labtarg: a row per year (the first field names it), product targets and labour by name. */
function planYears(file: string, text: string, products: readonly string[]): PlanYear[] {
  const t = namedTable(file, text);
  const column = (name: string) => {
    const c = t.columns.findIndex((col) => col.toLowerCase() === name.toLowerCase());
    if (c < 0) throw planningError('PLAN_UNKNOWN_NAME', { file, name, kind: 'column' });
    return c;
  };
  const labourAt = column(LABOUR);
  const at = products.map(column);
  return t.rows.map((name, r) => ({
    name,
    targets: at.map((c) => t.values[r]?.[c] ?? 0),
    labour: t.values[r]?.[labourAt] ?? 0,
  }));
}
