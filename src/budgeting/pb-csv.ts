import { budgetingError } from './errors.js';

/** One record of a `.pb` file: its fields and the line it starts on (1-based). */
export interface PbRecord {
  readonly line: number;
  readonly fields: string[];
}

/**
 * Reads `.pb` text record by record, calling `visit` with each record's first line
 * (1-based) and its fields, in order (pabulib.org/format: fields separated by `;`, CSV
 * quoting). A field that holds `;`, `"` or a line break is put in double quotes, and a
 * `"` inside it is written `""`; a quoted field may span lines. A quote inside a field
 * that does not start with one is kept as written (as Python's csv reader, which Pabulib
 * uses, does). Blank lines are skipped; `\r\n` and `\n` both end a line; a leading
 * byte-order mark is ignored. Text after a closing quote, or a quote left open at the end
 * of the file, throw PB_BAD_QUOTING with the line number.
 */
export function forEachRecord(text: string, visit: (line: number, fields: string[]) => void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? '';
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (line.indexOf('"') < 0) {
      if (line.length === 0 || line.trim() === '') continue;
      visit(i + 1, line.split(';'));
      continue;
    }
    const start = i;
    const fields: string[] = [];
    let field = '';
    let pos = 0;
    let quoted = false;
    let afterQuote = false;
    for (;;) {
      if (pos >= line.length) {
        if (!quoted) break;
        // A quoted field goes on over the line break.
        i += 1;
        if (i >= lines.length) {
          throw budgetingError('PB_BAD_QUOTING', {
            line: start + 1,
            reason: 'a quoted field is never closed',
          });
        }
        field += '\n';
        line = lines[i] ?? '';
        if (line.endsWith('\r')) line = line.slice(0, -1);
        pos = 0;
        continue;
      }
      const ch = line[pos] ?? '';
      if (quoted) {
        if (ch === '"') {
          if (line[pos + 1] === '"') {
            field += '"';
            pos += 2;
          } else {
            quoted = false;
            afterQuote = true;
            pos += 1;
          }
        } else {
          field += ch;
          pos += 1;
        }
        continue;
      }
      if (ch === ';') {
        fields.push(field);
        field = '';
        afterQuote = false;
        pos += 1;
      } else if (afterQuote) {
        throw budgetingError('PB_BAD_QUOTING', {
          line: i + 1,
          reason: `text follows a closing quote in field ${fields.length + 1}`,
        });
      } else if (ch === '"' && field === '') {
        quoted = true;
        pos += 1;
      } else {
        field += ch;
        pos += 1;
      }
    }
    fields.push(field);
    visit(start + 1, fields);
  }
}

/** Quotes a field if it holds `;`, `"`, a line break or leading/trailing spaces. */
export function quoteField(value: string): string {
  if (/[;"\r\n]/.test(value) || value !== value.trim()) return `"${value.replaceAll('"', '""')}"`;
  return value;
}
