import { type CsvLine, csvLines, numberAt } from './csv-table.js';
import type { Economy, Resource } from './economy.js';
import { planningError } from './errors.js';
import { fromTriplets } from './sparse-matrix.js';

/**
 * Soviet's own economy directory for council plans (docs/planning.md):
 * - products.csv   `product,demand`: each product and its final-demand target;
 * - techniques.csv `technique,product,labour,capacity`: each technique, the product it
 *   makes, labour per unit and its capacity (empty when unbounded);
 * - inputs.csv     `technique,product,amount`: what one unit of the technique uses, of a
 *   product or of a non-produced resource named in limits.csv;
 * - limits.csv     `resource,limit`: the resources available, `labour` at least.
 * Columns are found by their header names; names are unique in their file.
 */
export interface EconomyFiles {
  readonly products: string;
  readonly techniques: string;
  readonly inputs: string;
  readonly limits: string;
}

interface Rows {
  readonly file: string;
  readonly lines: readonly CsvLine[];
  readonly at: (name: string) => number;
}

function rowsOf(file: string, text: string, columns: readonly string[]): Rows {
  const [header, ...lines] = csvLines(text);
  if (!header) throw planningError('PLAN_FILE_BAD', { file, line: 1, reason: 'the file is empty' });
  const names = header.fields.map((f) => f.toLowerCase());
  for (const c of columns) {
    if (!names.includes(c)) {
      throw planningError('PLAN_FILE_BAD', {
        file,
        line: header.line,
        reason: `the header has no column ${c}`,
      });
    }
  }
  for (const { line, fields } of lines) {
    if (fields.length !== names.length) {
      throw planningError('PLAN_FILE_BAD', {
        file,
        line,
        reason: `expected ${names.length} fields, found ${fields.length}`,
      });
    }
  }
  return { file, lines, at: (name) => names.indexOf(name) };
}

function uniqueIndex(file: string, lines: readonly CsvLine[], column: number): Map<string, number> {
  const index = new Map<string, number>();
  for (const { line, fields } of lines) {
    const name = fields[column] ?? '';
    if (name === '')
      throw planningError('PLAN_FILE_BAD', { file, line, reason: 'the name is empty' });
    if (index.has(name))
      throw planningError('PLAN_FILE_BAD', { file, line, reason: `"${name}" is named twice` });
    index.set(name, index.size);
  }
  return index;
}

export function parseEconomy(files: EconomyFiles): Economy {
  const products = rowsOf('products.csv', files.products, ['product', 'demand']);
  const productIndex = uniqueIndex(products.file, products.lines, products.at('product'));
  const demand = Float64Array.from(products.lines, ({ line, fields }) =>
    nonNegative(products.file, line, fields[products.at('demand')], 'demand'),
  );
  const limits = rowsOf('limits.csv', files.limits, ['resource', 'limit']);
  const resourceIndex = uniqueIndex(limits.file, limits.lines, limits.at('resource'));
  if (!resourceIndex.has('labour')) {
    throw planningError('PLAN_FILE_BAD', {
      file: limits.file,
      line: 1,
      reason: 'there is no limit for labour',
    });
  }
  for (const name of resourceIndex.keys()) {
    if (productIndex.has(name)) {
      throw planningError('PLAN_FILE_BAD', {
        file: limits.file,
        line: 1,
        reason: `"${name}" is a product, not a resource`,
      });
    }
  }
  const techniques = rowsOf('techniques.csv', files.techniques, [
    'technique',
    'product',
    'labour',
    'capacity',
  ]);
  const techniqueIndex = uniqueIndex(techniques.file, techniques.lines, techniques.at('technique'));
  const m = techniques.lines.length;
  const makes = new Int32Array(m);
  const labour = new Float64Array(m);
  const capacity = new Float64Array(m);
  techniques.lines.forEach(({ line, fields }, k) => {
    const product = fields[techniques.at('product')] ?? '';
    const p = productIndex.get(product);
    if (p === undefined)
      throw planningError('PLAN_UNKNOWN_NAME', {
        file: techniques.file,
        name: product,
        kind: 'product',
      });
    makes[k] = p;
    labour[k] = nonNegative(techniques.file, line, fields[techniques.at('labour')], 'labour');
    const cap = fields[techniques.at('capacity')] ?? '';
    capacity[k] =
      cap === '' ? Number.POSITIVE_INFINITY : nonNegative(techniques.file, line, cap, 'capacity');
  });
  const inputs = rowsOf('inputs.csv', files.inputs, ['technique', 'product', 'amount']);
  const uses = [...resourceIndex.keys()].map(() => new Float64Array(m));
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const valueAt: number[] = [];
  for (const { line, fields } of inputs.lines) {
    const technique = fields[inputs.at('technique')] ?? '';
    const k = techniqueIndex.get(technique);
    if (k === undefined)
      throw planningError('PLAN_UNKNOWN_NAME', {
        file: inputs.file,
        name: technique,
        kind: 'technique',
      });
    const what = fields[inputs.at('product')] ?? '';
    const amount = nonNegative(inputs.file, line, fields[inputs.at('amount')], 'amount');
    const p = productIndex.get(what);
    const r = resourceIndex.get(what);
    if (p !== undefined) {
      rowOf.push(p);
      colOf.push(k);
      valueAt.push(amount);
    } else if (r !== undefined && what !== 'labour') {
      const use = uses[r];
      if (use) use[k] = (use[k] ?? 0) + amount;
    } else {
      throw planningError('PLAN_UNKNOWN_NAME', {
        file: inputs.file,
        name: what,
        kind: 'product or resource',
      });
    }
  }
  const resources: Resource[] = limits.lines.map(({ line, fields }, r) => {
    const name = fields[limits.at('resource')] ?? '';
    const text = fields[limits.at('limit')] ?? '';
    return {
      name,
      limit: text === '' ? Number.POSITIVE_INFINITY : nonNegative(limits.file, line, text, 'limit'),
      use: name === 'labour' ? labour : (uses[r] ?? new Float64Array(m)),
    };
  });
  return {
    products: [...productIndex.keys()],
    demand,
    techniques: [...techniqueIndex.keys()],
    makes,
    inputs: fromTriplets(
      productIndex.size,
      m,
      Int32Array.from(rowOf),
      Int32Array.from(colOf),
      Float64Array.from(valueAt),
    ),
    labour,
    capacity,
    resources,
  };
}

function nonNegative(file: string, line: number, text: string | undefined, what: string): number {
  const v = numberAt(file, line, text, what);
  if (v < 0)
    throw planningError('PLAN_FILE_BAD', { file, line, reason: `${what} ${v} is negative` });
  return v;
}

/** The four files of an economy, readable by parseEconomy (numbers round-trip exactly). */
export function formatEconomy(e: Economy): EconomyFiles {
  const products = ['product,demand', ...e.products.map((p, i) => `${p},${e.demand[i] ?? 0}`)];
  const techniques = [
    'technique,product,labour,capacity',
    ...e.techniques.map((t, k) => {
      const cap = e.capacity[k] ?? Number.POSITIVE_INFINITY;
      return `${t},${e.products[e.makes[k] ?? 0]},${e.labour[k] ?? 0},${Number.isFinite(cap) ? cap : ''}`;
    }),
  ];
  const inputs = ['technique,product,amount'];
  const { rowStarts, columns, values } = e.inputs;
  for (let i = 0; i < e.inputs.rows; i++) {
    for (let q = rowStarts[i] ?? 0; q < (rowStarts[i + 1] ?? 0); q++) {
      inputs.push(`${e.techniques[columns[q] ?? 0]},${e.products[i]},${values[q] ?? 0}`);
    }
  }
  for (const r of e.resources) {
    if (r.name === 'labour') continue;
    r.use.forEach((v, k) => {
      if (v !== 0) inputs.push(`${e.techniques[k]},${r.name},${v}`);
    });
  }
  const limits = [
    'resource,limit',
    ...e.resources.map((r) => `${r.name},${Number.isFinite(r.limit) ? r.limit : ''}`),
  ];
  const text = (lines: string[]) => `${lines.join('\n')}\n`;
  return {
    products: text(products),
    techniques: text(techniques),
    inputs: text(inputs),
    limits: text(limits),
  };
}
