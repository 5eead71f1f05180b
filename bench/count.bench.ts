/**
 * `npm run bench count`: counts a seeded synthetic profile of 1,000,000 ranked ballots,
 * 20 candidates, 5 seats, under every rule, and reports ballots per second. The Scottish
 * STV figure includes reading and parsing the `.blt` file (written to a temp file, one
 * ballot per line, unaggregated: the worst case for the parser); the target is under one
 * second for it. Baseline in the same process: reading the file's bytes and one plain
 * pass over them (counting lines), the least any count must do.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CountMethod, countElection, parseBlt } from '../src/counting/index.js';
import type { BenchResult } from './bench-types.js';

const BALLOTS = 1_000_000;
const CANDIDATES = 20;
const SEATS = 5;

/** mulberry32: a small seeded PRNG, so the profile is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Ballots as real electorates cast them, roughly: candidates have unequal support
 * (weights 1/(k+1)^0.8), each voter ranks a Plackett–Luce sample of them (popular
 * candidates first, more often), and stops after a geometric number of preferences
 * (mean about 4; some rank all 20). Written one ballot per line with weight 1.
 */
export function syntheticBlt(seed = 2017): string {
  const random = prng(seed);
  const support = Array.from({ length: CANDIDATES }, (_, k) => 1 / (k + 1) ** 0.8);
  const lines: string[] = [`${CANDIDATES} ${SEATS}`];
  const left = new Array<number>(CANDIDATES);
  for (let b = 0; b < BALLOTS; b++) {
    let length = 1;
    while (length < CANDIDATES && random() < 0.75) length++;
    for (let k = 0; k < CANDIDATES; k++) left[k] = support[k] as number;
    let total = support.reduce((x, y) => x + y, 0);
    let line = '1';
    for (let r = 0; r < length; r++) {
      let x = random() * total;
      let k = 0;
      while (k < CANDIDATES - 1 && (x >= (left[k] as number) || left[k] === 0)) {
        x -= left[k] as number;
        k++;
      }
      if (left[k] === 0) break;
      total -= left[k] as number;
      left[k] = 0;
      line += ` ${k + 1}`;
    }
    lines.push(`${line} 0`);
  }
  lines.push('0');
  for (let k = 0; k < CANDIDATES; k++) lines.push(`"Candidate ${k + 1}"`);
  lines.push('"Synthetic election, seed 2017"');
  return `${lines.join('\n')}\n`;
}

function time<T>(work: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = work();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function best<T>(runs: number, work: () => T): { ms: number; value: T } {
  let out = time(work);
  for (let i = 1; i < runs; i++) {
    const next = time(work);
    if (next.ms < out.ms) out = next;
  }
  return out;
}

export async function run(): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'soviet-count-bench-'));
  const file = join(dir, 'synthetic.blt');
  const figures: Record<string, number | string> = {
    ballots: BALLOTS,
    candidates: CANDIDATES,
    seats: SEATS,
  };
  const notes: string[] = [];
  try {
    writeFileSync(file, syntheticBlt());
    // Baseline: the bytes in, and one pass over them.
    const baseline = best(3, () => {
      const bytes = readFileSync(file);
      let lines = 0;
      for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) lines++;
      return lines;
    });
    figures.fileMB = Math.round(readFileSync(file).length / 1e5) / 10;
    figures.baselineReadAndScanMs = Math.round(baseline.ms);

    // Scottish STV, end to end: read + parse + count.
    const scottish = best(3, () =>
      countElection(parseBlt(readFileSync(file)), { method: 'scottish-stv', seed: 'bench' }),
    );
    figures.scottishEndToEndMs = Math.round(scottish.ms);
    figures.scottishEndToEndBallotsPerSecond = Math.round(BALLOTS / (scottish.ms / 1000));
    figures.scottishVsBaseline = Math.round((scottish.ms / baseline.ms) * 10) / 10;
    figures.scottishUnderOneSecond = scottish.ms < 1000 ? 'yes' : 'no';
    notes.push(
      `Scottish STV elected ${scottish.value.elected.join(', ')} in ${scottish.value.stages.length} stages`,
    );

    const parsed = best(3, () => parseBlt(readFileSync(file)));
    figures.readAndParseMs = Math.round(parsed.ms);
    const profile = parsed.value;
    figures.lines = profile.ballots.lines;

    const methods: CountMethod[] = ['scottish-stv', 'meek', 'irv', 'schulze', 'approval'];
    for (const method of methods) {
      const seats = method === 'irv' ? 1 : SEATS;
      const counted = best(method === 'meek' ? 1 : 3, () =>
        countElection(profile, { method, seats, seed: 'bench' }),
      );
      figures[`${method}CountMs`] = Math.round(counted.ms);
      figures[`${method}BallotsPerSecond`] = Math.round(BALLOTS / (counted.ms / 1000));
      notes.push(
        `${method}: ${(counted.value.ranking ?? counted.value.elected).slice(0, seats).join(', ')}; ${counted.value.stages.length} stages`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(36)} ${v}`);
  for (const n of notes) console.log(`  ${n}`);
  return { name: 'count', figures, notes };
}
