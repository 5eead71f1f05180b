import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  type BallotProfile,
  type CountMethod,
  type CountReport,
  countElection,
  countingError,
  parseBlt,
  parsePreflib,
} from '../../counting/index.js';
import { SovietError } from '../../errors/soviet-error.js';

/**
 * `soviet count <file>... [--method …] [--seats N] [--seed S] [--json]`: counts ballot
 * files (`.blt`; PrefLib `.soi`/`.toi`/`.soc`/`.toc`, or any file whose first line starts
 * with `#`). For each file it prints the stage-by-stage table, or with --json one JSON
 * document per line: the whole CountReport plus `file`, with `elected` (names in order of
 * election) and, for Schulze, `ranking`. Seats come from the file unless --seats is
 * given. A malformed file stops the command with `soviet: CODE: file: Line n … reason`.
 */
export function register(program: Command): void {
  program
    .command('count')
    .description('count ballot files (.blt, PrefLib .soi/.toi) and print the stage-by-stage result')
    .argument('<files...>', 'ballot files')
    .option(
      '--method <method>',
      'scottish-stv, meek, irv, schulze or approval (default: scottish-stv for several seats, irv for one)',
    )
    .option('--seats <n>', 'seats to fill (default: from the file)')
    .option('--seed <seed>', 'seed of the draw for ties left to lot', '')
    .option('--json', 'print one JSON document per line instead of tables')
    .action(async (files: string[], options: CountCommandOptions) => {
      await countCommand(files, options);
    });
}

export interface CountCommandOptions {
  method?: string;
  seats?: string;
  seed: string;
  json?: boolean;
}

const PREFLIB = new Set(['.soi', '.toi', '.soc', '.toc']);

/** Reads one ballot file, naming the file in any refusal. */
export function parseBallotFile(file: string, bytes: Uint8Array): BallotProfile {
  try {
    const ext = extname(file).toLowerCase();
    const looksPreflib = PREFLIB.has(ext) || (ext !== '.blt' && firstNonBlank(bytes) === 0x23);
    return looksPreflib ? parsePreflib(bytes) : parseBlt(bytes);
  } catch (error) {
    if (error instanceof SovietError)
      throw new SovietError(error.code, `${file}: ${error.message}`, error.params);
    throw error;
  }
}

function firstNonBlank(bytes: Uint8Array): number {
  for (const b of bytes) if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b;
  return -1;
}

async function countCommand(files: string[], options: CountCommandOptions): Promise<void> {
  const seats =
    options.seats === undefined
      ? undefined
      : /^\d+$/.test(options.seats)
        ? Number(options.seats)
        : Number.NaN;
  const sizes: number[] = [];
  for (const file of files) {
    try {
      sizes.push((await stat(file)).size);
    } catch (error) {
      throw countingError('COUNT_FILE_UNREADABLE', {
        file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      });
    }
  }
  const progress = progressBar(
    sizes.reduce((a, b) => a + b, 0),
    files.length,
  );
  try {
    for (const [i, file] of files.entries()) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw countingError('COUNT_FILE_UNREADABLE', {
          file,
          reason: (error as NodeJS.ErrnoException).code ?? String(error),
        });
      }
      const profile = parseBallotFile(file, bytes);
      progress.add((sizes[i] as number) / 2);
      const report = countElection(profile, {
        ...(options.method === undefined ? {} : { method: options.method as CountMethod }),
        ...(seats === undefined ? {} : { seats }),
        seed: options.seed,
      });
      progress.add((sizes[i] as number) / 2);
      const text = options.json
        ? `${JSON.stringify({ file, title: profile.title, ...report })}\n`
        : formatReport(file, profile.title, report);
      process.stdout.write(text);
    }
  } finally {
    progress.stop();
  }
}

const METHOD_NAMES: Record<CountMethod, string> = {
  'scottish-stv': 'Scottish STV (SSI 2007/42 Sch. 1 rules 45–52)',
  meek: 'Meek STV (Hill, Wichmann & Woodall 1987)',
  irv: 'instant-runoff',
  schulze: 'Schulze (winning votes)',
  approval: 'approval',
};

/** Votes in units of 1/scale, printed with the decimals the rules use (at most 5). */
function figure(units: number, scale: number): string {
  if (scale === 1) return String(units);
  const decimals = Math.min(5, Math.round(Math.log10(scale)));
  const whole = Math.floor(units / scale);
  const frac = Math.floor(((units - whole * scale) * 10 ** decimals) / scale);
  return `${whole}.${String(frac).padStart(decimals, '0')}`;
}

/** The report as a table: one row per candidate, one column per stage, then the actions. */
export function formatReport(file: string, title: string, report: CountReport): string {
  const out: string[] = [];
  const names = report.candidates.map((c) => c.name);
  out.push(`${file}${title ? ` — ${title}` : ''}`);
  out.push(
    `${METHOD_NAMES[report.method]}; ${report.seats} seat${report.seats === 1 ? '' : 's'}; ${report.ballots} ballots` +
      (report.quota === null ? '' : `; quota ${figure(report.quota, report.scale)}`),
  );
  if (report.method === 'schulze') {
    out.push('Ranking:');
    for (const [i, id] of (report.ranking ?? []).entries()) out.push(`  ${i + 1}. ${id}`);
  } else {
    const width = Math.max(16, ...names.map((n) => n.length));
    const cols = report.stages.map((s) => s.number);
    const cells = (values: number[]) =>
      values.map((v) => figure(v, report.scale).padStart(14)).join('');
    out.push(`${'Stage'.padEnd(width)}${cols.map((n) => String(n).padStart(14)).join('')}`);
    for (const [c, name] of names.entries())
      out.push(`${name.padEnd(width)}${cells(report.stages.map((s) => s.votes[c] as number))}`);
    out.push(
      `${'Non-transferable'.padEnd(width)}${cells(report.stages.map((s) => s.nonTransferable))}`,
    );
    if (report.stages.some((s) => s.lostToRounding !== 0))
      out.push(
        `${'Lost to rounding'.padEnd(width)}${cells(report.stages.map((s) => s.lostToRounding))}`,
      );
    out.push(`${'Total'.padEnd(width)}${cells(report.stages.map((s) => s.total))}`);
    out.push('');
    for (const s of report.stages) {
      const a = s.action;
      const what =
        a.kind === 'FirstPreferences'
          ? report.method === 'approval'
            ? 'approvals'
            : 'first preferences'
          : a.kind === 'SurplusTransfer'
            ? `surplus of ${a.candidate} (${figure(a.surplus, report.scale)}) transferred at ${figure(a.transferValue, report.scale)}`
            : a.kind === 'Exclusion'
              ? `${a.candidates.join(', ')} excluded, papers transferred`
              : `keep values recomputed (${a.iterations} iterations)`;
      const events = s.events
        .map((e) => (e.kind === 'Elected' ? `${e.candidate} elected (${e.reason})` : ''))
        .filter((e) => e !== '');
      out.push(`Stage ${s.number}: ${what}${events.length ? `; ${events.join('; ')}` : ''}`);
    }
  }
  for (const lot of report.lots)
    out.push(
      `Lot drawn (stage ${lot.stage}, ${lot.purpose}) among ${lot.among.join(', ')}: ${lot.chosen}`,
    );
  out.push(`Elected: ${report.elected.join(', ') || '(none)'}`);
  return `${out.join('\n')}\n\n`;
}

/**
 * A progress bar on stderr for large inputs: at once on a terminal when there is much to
 * count; otherwise only once the work has taken two seconds, as a line every few seconds.
 */
function progressBar(totalBytes: number, files: number) {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | undefined;
  let done = 0;
  const worthIt = totalBytes > 4_000_000 || files > 20;
  return {
    add(bytes: number) {
      done += bytes;
      if (!bar && worthIt && (tty || Date.now() - started > 2000)) {
        bar = new SingleBar({
          stream: process.stderr,
          format: 'counting [{bar}] {percentage}% | {eta_formatted} left',
          noTTYOutput: !tty,
          notTTYSchedule: 3000,
          hideCursor: tty,
        });
        bar.start(totalBytes, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
