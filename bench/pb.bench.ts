/**
 * `npm run bench pb`: the Method of Equal Shares with the Add1 completion
 * (`equalshares/add1`, exact arithmetic) on the largest instances of the data set,
 * Warsaw 2026 (61,668 voters, 83 projects) and Łódź 2022 (90,494 voters, 160 projects).
 * Target: each under two seconds, parsing included. The tool cities use today takes over
 * a minute on them.
 *
 * Reported per instance, in seconds (median of three runs after a warm-up): parsing the
 * file's text, parsing + Equal Shares with completion, and the baseline in the same
 * process, parsing + the greedy rule the city applied (what any count must at least do).
 * The ratio is Equal Shares over the baseline. Also the work done: one-unit completion
 * steps (each an exact Equal Shares trial run from scratch, stopped once its verdict is
 * certain; see src/budgeting/mes-completion.ts) and funded projects.
 */
import { readFileSync } from 'node:fs';
import { parseRuleName, readPb, selectProjects } from '../src/budgeting/index.js';
import type { BenchResult } from './bench-types.js';

const DATA = new URL('../../shared/datasets/pabulib/', import.meta.url);
const INSTANCES = [
  ['warsaw2026', 'Poland_Warszawa_2026.pb'],
  ['lodz2022', 'Poland_Lodz_2022.pb'],
] as const;
const RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function seconds(task: () => void): number {
  const times: number[] = [];
  task(); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    task();
    times.push((performance.now() - started) / 1000);
  }
  return median(times);
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export async function run(): Promise<BenchResult> {
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  for (const [name, fileName] of INSTANCES) {
    const text = readFileSync(new URL(fileName, DATA), 'utf8');
    const file = readPb(text);
    const official = parseRuleName(file.rule ?? 'greedy');
    let steps = 0;
    let funded = 0;
    const parse = seconds(() => {
      readPb(text);
    });
    const mes = seconds(() => {
      const result = selectProjects(readPb(text), 'equalshares/add1');
      if (result.report.kind === 'equal-shares') steps = result.report.completionSteps;
      funded = result.selected.length;
    });
    const baseline = seconds(() => {
      selectProjects(readPb(text), official);
    });
    figures[`${name}.voters`] = file.ballots.length;
    figures[`${name}.projects`] = file.projects.length;
    figures[`${name}.parse_s`] = round3(parse);
    figures[`${name}.mes_add1_s`] = round3(mes);
    figures[`${name}.baseline_${official}_s`] = round3(baseline);
    figures[`${name}.ratio_mes_over_baseline`] = Math.round((mes / baseline) * 10) / 10;
    figures[`${name}.completion_steps`] = steps;
    figures[`${name}.funded`] = funded;
    const verdict = mes < 2 ? 'meets' : 'misses';
    notes.push(
      `${fileName}: ${file.ballots.length} voters; equalshares/add1 in ${round3(mes)} s including parsing ` +
        `(${steps} completion steps, ${round3((mes - parse) / (steps + 2))} s per step); ` +
        `${verdict} the 2 s target; ${figures[`${name}.ratio_mes_over_baseline`]}× parse + ${official}.`,
    );
  }
  for (const line of notes) console.log(line);
  console.log(figures);
  return { name: 'pb', figures, notes };
}
