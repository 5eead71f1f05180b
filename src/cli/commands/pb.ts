import { readFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { budgetingError } from '../../budgeting/errors.js';
import {
  type Add1Progress,
  type EqualSharesReport,
  formatMinorUnits,
  fraction,
  type MesPayments,
  type PbFile,
  parseRuleName,
  type RuleName,
  readPb,
  type Selection,
  selectProjects,
  toDecimalString,
} from '../../budgeting/index.js';
import { SovietError } from '../../errors/soviet-error.js';

/**
 * `soviet pb <file.pb>... [--rule <rule>] [--json] [--voters] [--tie-order <ids>]`:
 * applies a participatory-budgeting rule to pabulib `.pb` files (src/budgeting). Without
 * --rule, the rule the file's META names; `--rule mes` is `equalshares/add1`. For each
 * file it prints the funded projects with their costs and, when the Method of Equal Shares
 * decides, how much the voters paid (a distribution; every voter with --voters). With
 * --json it prints one JSON document per line with `file`, `rule`, `selected` (funded
 * project ids in order of funding), `spent`, and for Equal Shares the per-voter share,
 * the completion steps, the payment summary and, with --voters, `voters` (id → paid).
 * Amounts are decimals in the file's currency. A malformed file stops the command with
 * `soviet: CODE: file: Line n: reason`.
 */
export function register(program: Command): void {
  program
    .command('pb')
    .description('apply a participatory-budgeting rule to pabulib .pb files')
    .argument('<files...>', 'pabulib .pb files')
    .option(
      '--rule <rule>',
      'equalshares/add1 (or mes), equalshares/add1-comparison, equalshares, equalshares-comparison, greedy, greedy-threshold, greedy-no-skip (default: the rule the file names)',
    )
    .option('--json', 'print one JSON document per line')
    .option('--voters', 'also give what each voter paid under Equal Shares')
    .option(
      '--tie-order <ids>',
      'comma-separated project ids: the order that breaks ties Equal Shares cannot break by cost and votes',
    )
    .action(async (files: string[], options: PbCommandOptions) => {
      await pbCommand(files, options);
    });
}

export interface PbCommandOptions {
  rule?: string;
  json?: boolean;
  voters?: boolean;
  tieOrder?: string;
}

async function readPbFile(file: string): Promise<PbFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw budgetingError('PB_FILE_UNREADABLE', {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  try {
    return readPb(text);
  } catch (error) {
    if (error instanceof SovietError) {
      throw new SovietError(error.code, `${file}: ${error.message}`, error.params);
    }
    throw error;
  }
}

async function pbCommand(files: string[], options: PbCommandOptions): Promise<void> {
  const forced = options.rule === undefined ? undefined : parseRuleName(options.rule);
  const tieOrder = options.tieOrder
    ?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const file of files) {
    const round = await readPbFile(file);
    let rule: RuleName;
    if (forced) rule = forced;
    else if (round.rule === undefined || round.rule === '') throw budgetingError('PB_NO_RULE');
    else rule = parseRuleName(round.rule);
    const progress = progressBar(file, round.budget, round.scale);
    let selection: Selection;
    try {
      selection = selectProjects(round, rule, {
        onProgress: (p) => progress.update(p),
        ...(tieOrder ? { tieOrder } : {}),
      });
    } finally {
      progress.stop();
    }
    process.stdout.write(
      options.json
        ? `${JSON.stringify(toJson(file, round, selection, options.voters === true))}\n`
        : formatSelection(file, round, selection, options.voters === true),
    );
  }
}

/** An amount of minor units (possibly a fraction of one) in currency units, to the cent. */
function money(num: bigint, den: bigint, scale: number): string {
  return toDecimalString(fraction(num, den * 10n ** BigInt(scale)), Math.max(scale, 2));
}

function metaValue(round: PbFile, key: string): string | undefined {
  return round.meta.find(([k]) => k === key)?.[1];
}

export interface PaymentSummary {
  readonly voters: number;
  /** Voters who paid nothing. */
  readonly paidNothing: number;
  /** Voters who paid their whole share. */
  readonly paidAll: number;
  readonly min: string;
  readonly p10: string;
  readonly median: string;
  readonly p90: string;
  readonly max: string;
  readonly mean: string;
}

/** The distribution of what voters paid, exact until printed to the cent. */
export function summarisePayments(payments: MesPayments, scale: number): PaymentSummary {
  const { paid, denominator } = payments;
  const sorted = [...paid].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  const at = (p: number) => sorted[Math.floor(p * Math.max(n - 1, 0))] ?? 0n;
  const whole = (payments.perVoter.num * denominator) / payments.perVoter.den;
  let total = 0n;
  let paidNothing = 0;
  let paidAll = 0;
  for (const x of sorted) {
    total += x;
    if (x === 0n) paidNothing += 1;
    if (x === whole) paidAll += 1;
  }
  const show = (x: bigint) => money(x, denominator, scale);
  return {
    voters: n,
    paidNothing,
    paidAll,
    min: show(at(0)),
    p10: show(at(0.1)),
    median: show(at(0.5)),
    p90: show(at(0.9)),
    max: show(at(1)),
    mean: money(total, denominator * BigInt(Math.max(n, 1)), scale),
  };
}

function toJson(file: string, round: PbFile, selection: Selection, voters: boolean) {
  const scale = round.scale;
  const report = selection.report;
  const base = {
    file,
    rule: selection.rule,
    selected: selection.selected,
    spent: formatMinorUnits(selection.spent, scale),
    budget: formatMinorUnits(round.budget, scale),
  };
  if (report.kind !== 'equal-shares') return base;
  const payments = selection.payments;
  return {
    ...base,
    perVoter: money(report.perVoter.num, report.perVoter.den, scale),
    startPerVoter: money(report.startPerVoter.num, report.startPerVoter.den, scale),
    completionSteps: report.completionSteps,
    ties: report.ties,
    ...(report.comparison ? { comparison: report.comparison } : {}),
    ...(payments ? { payments: summarisePayments(payments, scale) } : {}),
    ...(payments && voters
      ? {
          voters: Object.fromEntries(
            round.ballots.map((b, i) => [
              b.voterId,
              money(payments.paid[i] ?? 0n, payments.denominator, scale),
            ]),
          ),
        }
      : {}),
  };
}

const RULE_TITLES: Record<RuleName, string> = {
  'equalshares/add1': 'Method of Equal Shares, Add1 completion',
  'equalshares/add1-comparison': 'Method of Equal Shares, Add1 completion, comparison with greedy',
  equalshares: 'Method of Equal Shares, no completion',
  'equalshares-comparison': 'Method of Equal Shares, comparison with greedy',
  greedy: 'greedy by score',
  'greedy-threshold': 'greedy by score above the threshold',
  'greedy-no-skip': 'greedy by score, stopping at the first project that does not fit',
};

/** The human-readable report of one file. */
export function formatSelection(
  file: string,
  round: PbFile,
  selection: Selection,
  voters: boolean,
): string {
  const scale = round.scale;
  const currency = metaValue(round, 'currency');
  const amount = (units: bigint) =>
    `${formatMinorUnits(units, scale)}${currency ? ` ${currency}` : ''}`;
  const description = metaValue(round, 'description');
  const out: string[] = [];
  out.push(`${file}${description ? ` — ${description}` : ''}`);
  out.push(
    `Rule: ${selection.rule} (${RULE_TITLES[selection.rule]}); budget ${amount(round.budget)}; ` +
      `${round.ballots.length} voters; ${round.projects.length} projects`,
  );
  const report = selection.report;
  if (report.kind === 'equal-shares') out.push(...equalSharesLines(report, round));
  const byId = new Map(round.projects.map((p, c) => [p.id, c]));
  const nameAt = round.projectColumns.indexOf('name');
  out.push(
    `Funded: ${selection.selected.length} projects, ${amount(selection.spent)} of ${amount(round.budget)}`,
  );
  const idWidth = Math.max(2, ...selection.selected.map((id) => id.length));
  if (selection.selected.length > 0) {
    out.push(`  ${'#'.padStart(3)}  ${'id'.padEnd(idWidth)}  ${'cost'.padStart(14)}  name`);
  }
  for (const [i, id] of selection.selected.entries()) {
    const project = round.projects[byId.get(id) ?? -1];
    const name = nameAt >= 0 ? (project?.fields[nameAt] ?? '') : '';
    const cost = formatMinorUnits(project?.cost ?? 0n, scale);
    out.push(
      `  ${String(i + 1).padStart(3)}  ${id.padEnd(idWidth)}  ${cost.padStart(14)}  ${name}`,
    );
  }
  const payments = selection.payments;
  if (payments) {
    const s = summarisePayments(payments, scale);
    out.push(
      `Payments: each voter's share was ${money(payments.perVoter.num, payments.perVoter.den, scale)}`,
    );
    out.push(
      `  ${s.voters} voters: ${s.paidNothing} paid nothing, ${s.paidAll} paid their whole share; ` +
        `mean ${s.mean}`,
    );
    out.push(`  min ${s.min} · 10% ${s.p10} · median ${s.median} · 90% ${s.p90} · max ${s.max}`);
    if (voters) {
      out.push('  voter_id;paid');
      for (const [i, b] of round.ballots.entries()) {
        out.push(`  ${b.voterId};${money(payments.paid[i] ?? 0n, payments.denominator, scale)}`);
      }
    } else {
      out.push('  (--voters lists what each voter paid)');
    }
  }
  return `${out.join('\n')}\n\n`;
}

function equalSharesLines(report: EqualSharesReport, round: PbFile): string[] {
  const scale = round.scale;
  const share = (f: { num: bigint; den: bigint }) => money(f.num, f.den, scale);
  const lines: string[] = [];
  if (report.completionSteps > 0 || report.everythingFits) {
    lines.push(
      `Share per voter: ${share(report.startPerVoter)}, raised to ${share(report.perVoter)} ` +
        `in ${report.completionSteps} one-unit steps${report.everythingFits ? ' (every supported project fits)' : ''}`,
    );
  } else {
    lines.push(`Share per voter: ${share(report.perVoter)}`);
  }
  for (const tie of report.ties) {
    lines.push(
      `Tie in round ${tie.round + 1} among ${tie.projects.join(', ')}: ${tie.chosen} funded (by ${tie.brokenBy === 'order' ? 'the tie order' : tie.brokenBy === 'cost' ? 'lower cost' : 'more votes'})`,
    );
  }
  const comparison = report.comparison;
  if (comparison) {
    lines.push(
      `Comparison with greedy: ${comparison.prefersEqualShares} voters prefer Equal Shares, ` +
        `${comparison.prefersGreedy} prefer greedy; ${comparison.chosen === 'greedy' ? 'greedy' : 'Equal Shares'} stands`,
    );
  }
  return lines;
}

/**
 * A progress bar on stderr for the Add1 completion: at once on a terminal, otherwise a
 * line every few seconds once the work has taken two seconds. Shows the share of the
 * budget the current outcome spends.
 */
function progressBar(file: string, budget: bigint, scale: number) {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | undefined;
  let lastLine = 0;
  const percent = (p: Add1Progress) =>
    budget > 0n ? Number((p.spent * 1000n) / budget) / 10 : 100;
  return {
    update(p: Add1Progress): void {
      const elapsed = Date.now() - started;
      if (tty) {
        if (!bar && elapsed > 300) {
          bar = new SingleBar({
            format: `${file} {bar} {value}% of the budget · share {share} · step {steps}`,
            stream: process.stderr,
            hideCursor: true,
          });
          bar.start(100, 0, { share: '', steps: 0 });
        }
        bar?.update(percent(p), { share: formatMinorUnits(p.perVoter, scale), steps: p.steps });
      } else if (elapsed > 2000 && elapsed - lastLine > 3000) {
        lastLine = elapsed;
        process.stderr.write(
          `${file}: step ${p.steps}, outcome spends ${percent(p)}% of the budget\n`,
        );
      }
    },
    stop(): void {
      bar?.stop();
    },
  };
}
