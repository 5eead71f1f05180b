import { planningError } from './errors.js';

/**
 * Comma-separated text as the planning formats use it: one record per line, fields
 * trimmed, double quotes around a field removed (BEA writes its codes quoted; none of
 * the formats quotes a comma). Blank lines are skipped, keeping line numbers for errors.
 */
export interface CsvLine {
  readonly line: number;
  readonly fields: readonly string[];
}

export function csvLines(text: string): CsvLine[] {
  const out: CsvLine[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '') return;
    out.push({ line: i + 1, fields: raw.split(',').map(unquote) });
  });
  return out;
}

function unquote(field: string): string {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f;
}

/** A finite number, or PLAN_FILE_BAD naming the file, line and field. */
export function numberAt(
  file: string,
  line: number,
  text: string | undefined,
  what: string,
): number {
  const t = (text ?? '').trim();
  const value = t === '' ? Number.NaN : Number(t);
  if (!Number.isFinite(value)) {
    throw planningError('PLAN_FILE_BAD', { file, line, reason: `${what} "${t}" is not a number` });
  }
  return value;
}

/**
 * A table with named rows and columns: the first line names the columns (its first
 * field heads the row names), each later line starts with its row's name.
 */
export interface NamedTable {
  readonly columns: readonly string[];
  readonly rows: readonly string[];
  /** values[r][c] */
  readonly values: readonly (readonly number[])[];
  readonly lines: readonly number[];
}

export function namedTable(file: string, text: string): NamedTable {
  const lines = csvLines(text);
  const header = lines[0];
  if (!header) throw planningError('PLAN_FILE_BAD', { file, line: 1, reason: 'the file is empty' });
  const columns = header.fields.slice(1);
  const rows: string[] = [];
  const values: number[][] = [];
  for (const { line, fields } of lines.slice(1)) {
    if (fields.length !== columns.length + 1) {
      throw planningError('PLAN_FILE_BAD', {
        file,
        line,
        reason: `expected ${columns.length + 1} fields, found ${fields.length}`,
      });
    }
    rows.push(fields[0] ?? '');
    values.push(fields.slice(1).map((f, c) => numberAt(file, line, f, `column ${columns[c]}`)));
  }
  return { columns, rows, values, lines: lines.slice(1).map((l) => l.line) };
}

/** The value at a named row and column, or PLAN_UNKNOWN_NAME. */
export function cell(file: string, table: NamedTable, row: string, column: string): number {
  const r = table.rows.indexOf(row);
  const c = table.columns.indexOf(column);
  if (r < 0) throw planningError('PLAN_UNKNOWN_NAME', { file, name: row, kind: 'row' });
  if (c < 0) throw planningError('PLAN_UNKNOWN_NAME', { file, name: column, kind: 'column' });
  return table.values[r]?.[c] ?? 0;
}
