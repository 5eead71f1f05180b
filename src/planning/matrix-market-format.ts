import { csvLines, numberAt } from './csv-table.js';
import type { Economy } from './economy.js';
import { planningError } from './errors.js';
import { fromTriplets, type SparseMatrix } from './sparse-matrix.js';

/**
 * A large technology matrix in Matrix Market exchange format (Boisvert, Pozo &
 * Remington, "The Matrix Market Exchange Formats: Initial Design", NIST IR 5935, 1996):
 * `%%MatrixMarket matrix coordinate real general`, comment lines starting with %, a size
 * line `rows cols entries`, then `i j value` lines, 1-based. Entry (i, j) is the input of
 * product i per unit of product j. Parsed from bytes without splitting into strings:
 * a 10^7-entry file is ~200 MB of text.
 */
export function parseMatrixMarket(bytes: Uint8Array, file = 'A.mtx'): SparseMatrix {
  const reader = new Scanner(bytes, file);
  const banner = reader.line().trim().toLowerCase().split(/\s+/);
  if (banner[0] !== '%%matrixmarket' || banner[1] !== 'matrix' || banner[2] !== 'coordinate') {
    throw reader.fail('the banner must be "%%MatrixMarket matrix coordinate real general"');
  }
  if (banner[3] !== 'real' && banner[3] !== 'integer')
    throw reader.fail('only real or integer entries are read');
  if (banner[4] !== 'general') throw reader.fail('only general (not symmetric) matrices are read');
  let size = reader.line();
  while (size.startsWith('%') || size.trim() === '') size = reader.line();
  const [rows, cols, entries] = size.trim().split(/\s+/).map(Number);
  if (!isCount(rows) || !isCount(cols) || !isCount(entries))
    throw reader.fail(`bad size line "${size.trim()}"`);
  const rowOf = new Int32Array(entries);
  const colOf = new Int32Array(entries);
  const valueAt = new Float64Array(entries);
  for (let k = 0; k < entries; k++) {
    const i = reader.integer();
    const j = reader.integer();
    const v = reader.real();
    if (i < 1 || i > rows || j < 1 || j > cols)
      throw reader.fail(`entry (${i}, ${j}) is outside ${rows}×${cols}`);
    rowOf[k] = i - 1;
    colOf[k] = j - 1;
    valueAt[k] = v;
    reader.endOfLine();
  }
  reader.endOfFile();
  return fromTriplets(rows, cols, rowOf, colOf, valueAt);
}

function isCount(v: number | undefined): v is number {
  return v !== undefined && Number.isSafeInteger(v) && v >= 0;
}

/** Reads numbers straight from bytes, tracking the line for errors. */
class Scanner {
  private at = 0;
  private lineNo = 1;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {}

  fail(reason: string) {
    return planningError('PLAN_FILE_BAD', { file: this.file, line: this.lineNo, reason });
  }

  line(): string {
    const start = this.at;
    while (this.at < this.bytes.length && this.bytes[this.at] !== 10) this.at++;
    const text = new TextDecoder().decode(this.bytes.subarray(start, this.at));
    if (this.at >= this.bytes.length && start === this.at) throw this.fail('the file ends early');
    this.at++;
    this.lineNo++;
    return text;
  }

  private skipBlanks(): void {
    while (this.bytes[this.at] === 32 || this.bytes[this.at] === 9 || this.bytes[this.at] === 13)
      this.at++;
  }

  private token(): string {
    this.skipBlanks();
    const start = this.at;
    for (;;) {
      const c = this.bytes[this.at];
      if (c === undefined || c === 32 || c === 9 || c === 10 || c === 13) break;
      this.at++;
    }
    if (start === this.at) throw this.fail('an entry line must hold "row column value"');
    return String.fromCharCode(...this.bytes.subarray(start, this.at));
  }

  integer(): number {
    // Fast path: plain decimal digits.
    this.skipBlanks();
    let v = 0;
    const start = this.at;
    for (;;) {
      const c = this.bytes[this.at] ?? 0;
      if (c < 48 || c > 57) break;
      v = v * 10 + (c - 48);
      this.at++;
    }
    const c = this.bytes[this.at];
    if (this.at === start || !(c === 32 || c === 9)) {
      this.at = start;
      const t = this.token();
      throw this.fail(`"${t}" is not a row or column number`);
    }
    return v;
  }

  real(): number {
    const t = this.token();
    const v = Number(t);
    if (!Number.isFinite(v)) throw this.fail(`"${t}" is not a number`);
    return v;
  }

  endOfLine(): void {
    this.skipBlanks();
    const c = this.bytes[this.at];
    if (c === undefined) return;
    if (c !== 10) throw this.fail('an entry line must hold exactly "row column value"');
    this.at++;
    this.lineNo++;
  }

  endOfFile(): void {
    while (this.at < this.bytes.length) {
      const c = this.bytes[this.at];
      if (c !== 10 && c !== 13 && c !== 32 && c !== 9)
        throw this.fail('there are more entries than the size line says');
      if (c === 10) this.lineNo++;
      this.at++;
    }
  }
}

/** `labour.csv` / `demand.csv`: a header line, then one number per line in product order. */
export function parseVector(text: string, file: string, length: number): Float64Array {
  const [, ...lines] = csvLines(text);
  if (lines.length !== length) {
    throw planningError('PLAN_FILE_BAD', {
      file,
      line: lines[Math.min(lines.length, length)]?.line ?? lines.length + 2,
      reason: `expected ${length} numbers (one per product), found ${lines.length}`,
    });
  }
  return Float64Array.from(lines, ({ line, fields }) =>
    numberAt(file, line, fields[0], 'the value'),
  );
}

/** One technique per product: the economy of a square technology matrix. */
export function leontiefEconomy(
  a: SparseMatrix,
  labour: Float64Array,
  demand: Float64Array,
  labourLimit = Number.POSITIVE_INFINITY,
  products?: readonly string[],
): Economy {
  if (a.rows !== a.cols) {
    throw planningError('PLAN_FILE_BAD', {
      file: 'A.mtx',
      line: 2,
      reason: `the matrix is ${a.rows}×${a.cols}, not square`,
    });
  }
  const names = products ?? Array.from({ length: a.rows }, (_, i) => String(i + 1));
  return {
    products: names,
    demand,
    techniques: names,
    makes: Int32Array.from({ length: a.rows }, (_, i) => i),
    inputs: a,
    labour,
    capacity: new Float64Array(a.rows).fill(Number.POSITIVE_INFINITY),
    resources: [{ name: 'labour', limit: labourLimit, use: labour }],
  };
}
