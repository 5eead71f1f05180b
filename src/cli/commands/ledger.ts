import type { Command } from 'commander';
import { formatAmount } from '../../democracy/index.js';
import { createTreasuryService } from '../../service/treasury-service.js';
import type { LedgerView } from '../../service/views/treasury-view.js';
import { democracyDomain } from '../../store/democracy-domain.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';

/**
 * `soviet ledger <org> [--council <id>] [--csv]`: an organisation's treasury (RULES.md:
 * open to every member) from the configured database. Without `--csv`, each council's
 * ledger: its currency, treasurer, accounts with debits, credits and balances, and its
 * authorisations with what they have left; with `--csv`, every entry line as CSV
 * (democracy/ledger-csv.ts), for one council with `--council`. Refuses an unknown
 * organisation (ORG_NOT_FOUND) and a council without a ledger (LEDGER_NOT_OPEN).
 */
export function register(program: Command): void {
  program
    .command('ledger')
    .description("print an organisation's ledgers (balances, authorisations) or export them as CSV")
    .argument('<org>', 'the organisation (its slug)')
    .option('--council <id>', 'only this council’s ledger (e.g. c4)')
    .option('--csv', 'print the entries as CSV (one row per debit or credit)')
    .action(async (org: string, options: { council?: string; csv?: boolean }, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const store = await openStore(config, { domain: democracyDomain });
      try {
        await store.organisation(org);
        const treasury = createTreasuryService({ store });
        if (options.csv) {
          if (options.council !== undefined) await treasury.ledgerView(org, options.council);
          process.stdout.write(await treasury.ledgerCsv(org, options.council));
          return;
        }
        const ledgers =
          options.council !== undefined
            ? [await treasury.ledgerView(org, options.council)]
            : (await treasury.treasuryView(org)).ledgers;
        const authorisations = await treasury.authorisations(org, options.council);
        if (ledgers.length === 0) {
          process.stdout.write(`${org}: no council keeps a ledger yet.\n`);
          return;
        }
        const out: string[] = [];
        for (const ledger of ledgers) {
          out.push(...ledgerLines(ledger));
          const own = authorisations.filter((a) => a.council.id === ledger.council.id);
          if (own.length > 0) {
            out.push('  authorisations:');
            for (const a of own) {
              const from =
                a.decision.kind === 'motion'
                  ? `motion ${a.decision.motionId}`
                  : `budget ${a.decision.roundId}`;
              out.push(
                `    ${a.id.padEnd(8)} ${from.padEnd(14)} ${a.payee}: ${formatAmount(a.paid, a.currency)} paid of ${formatAmount(a.amount, a.currency)}, ${formatAmount(a.remaining, a.currency)} left${a.mandateId ? ` (office pay, ${a.mandateId})` : ''}`,
              );
            }
          }
          out.push('');
        }
        process.stdout.write(out.join('\n'));
      } finally {
        await store.close();
      }
    });
}

function ledgerLines(ledger: LedgerView): string[] {
  const money = (n: number) => formatAmount(n, ledger.currency);
  const rows = ledger.accounts.map((a) => [
    a.code,
    a.type,
    money(a.debits),
    money(a.credits),
    money(a.balance),
  ]);
  const header = ['account', 'type', 'debits', 'credits', 'balance'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    `  ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`;
  return [
    `${ledger.council.name} (${ledger.council.id}): ${ledger.currency}, ${ledger.entries} entries, treasurer ${ledger.treasurer ? `${ledger.treasurer.name} (${ledger.treasurer.id})` : 'vacant'}`,
    line(header),
    ...rows.map(line),
    line(['total', '', money(ledger.totals.debits), money(ledger.totals.credits), '']),
  ];
}
