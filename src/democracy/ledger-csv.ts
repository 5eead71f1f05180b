import { formatAmount } from './currency.js';
import type { DemocracyEvent } from './events/index.js';
import type { Decision, EntryLine } from './treasury-state.js';

/**
 * A ledger entry as the export sees it: what the entry events (`IncomeRecorded`,
 * `TransferRecorded`, `PaymentMade`) carry, all public. The projections
 * (store/projections/treasury-projection.ts) hold the same fields.
 */
export interface LedgerEntryRow {
  readonly entryId: string;
  readonly at: number;
  readonly councilId: string;
  readonly kind: 'income' | 'transfer' | 'payment';
  readonly currency: string;
  readonly lines: readonly EntryLine[];
  readonly authorisationId: string | null;
  readonly decision: Decision | null;
  readonly payee: string | null;
  readonly source: string | null;
  readonly memo: string;
  readonly by: string;
}

/** The entries of the ledgers in `events` (public parts suffice), in log order. */
export function ledgerEntriesOf(
  events: Iterable<DemocracyEvent>,
  filter: { readonly councilId?: string } = {},
): LedgerEntryRow[] {
  const out: LedgerEntryRow[] = [];
  for (const e of events) {
    if (e.kind !== 'IncomeRecorded' && e.kind !== 'TransferRecorded' && e.kind !== 'PaymentMade')
      continue;
    if (filter.councilId !== undefined && e.councilId !== filter.councilId) continue;
    const base = {
      entryId: e.entryId,
      at: e.at,
      councilId: e.councilId,
      currency: e.currency,
      lines: e.lines,
      memo: e.memo,
      by: e.by,
    };
    if (e.kind === 'PaymentMade')
      out.push({
        ...base,
        kind: 'payment',
        authorisationId: e.authorisationId,
        decision: e.decision,
        payee: e.payee,
        source: null,
      });
    else
      out.push({
        ...base,
        kind: e.kind === 'IncomeRecorded' ? 'income' : 'transfer',
        authorisationId: null,
        decision: null,
        payee: null,
        source: e.kind === 'IncomeRecorded' ? e.source : null,
      });
  }
  return out;
}

/** The decision behind a payment, as one cell: `motion:mo4` or `budget:pb1/pj7`. */
export function decisionRef(decision: Decision | null): string {
  if (!decision) return '';
  return decision.kind === 'motion'
    ? `motion:${decision.motionId}`
    : `budget:${decision.roundId}/${decision.projectId}`;
}

export const LEDGER_CSV_COLUMNS = [
  'entry',
  'date',
  'council',
  'kind',
  'account',
  'debit',
  'credit',
  'currency',
  'authorisation',
  'decision',
  'payee',
  'source',
  'memo',
  'recorded_by',
] as const;

/**
 * A field as RFC 4180 §2 writes it: quoted when it holds a comma, a double quote, CR or
 * LF, with inner quotes doubled. Text that members typed and that a spreadsheet would
 * read as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe
 * (OWASP, "CSV Injection").
 */
function field(value: string, text: boolean): string {
  const safe = text && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The ledger as CSV (RFC 4180: CRLF line ends, a header row): one row per line of each
 * entry, in entry order, debit or credit in the currency's decimals ("1234.56"); the
 * date is the entry's time in ISO 8601 UTC. Pure: the CLI and the HTTP API call it on
 * entries read from the log or the projections.
 */
export function ledgerCsv(entries: readonly LedgerEntryRow[]): string {
  const rows = [LEDGER_CSV_COLUMNS.join(',')];
  for (const e of entries) {
    for (const line of e.lines) {
      const amount = formatAmount(line.amount, e.currency);
      rows.push(
        [
          field(e.entryId, false),
          field(new Date(e.at).toISOString(), false),
          field(e.councilId, false),
          field(e.kind, false),
          field(line.account, false),
          field(line.side === 'debit' ? amount : '', false),
          field(line.side === 'credit' ? amount : '', false),
          field(e.currency, false),
          field(e.authorisationId ?? '', false),
          field(decisionRef(e.decision), false),
          field(e.payee ?? '', true),
          field(e.source ?? '', true),
          field(e.memo, true),
          field(e.by, false),
        ].join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
