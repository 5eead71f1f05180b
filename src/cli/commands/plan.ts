import { writeFile } from 'node:fs/promises';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import {
  bestPlanLp,
  type Economy,
  grossOutput,
  harmonyPlan,
  highsSolver,
  labourValues,
  leontiefSystem,
  planningError,
  solveMultiYearPlan,
  staticEconomy,
} from '../../planning/index.js';
import { loadHighs } from '../load-highs.js';
import { type PlanInput, readPlanInput } from '../plan-input.js';

/**
 * `soviet plan <dir> [--method leontief|lp|harmony] [--json] [--out plan.csv]`: reads an
 * economy directory (src/cli/plan-input.ts) and plans it (src/planning). One JSON line
 * per run with `products`, `method`, `format`, `scale` (t, for lp and harmony),
 * `objective` (the LP's optimum; for a multi-year plan the sum of the yearly
 * fulfilments, listed per year in `fulfilment`), `grossOutput` (Σ gross outputs),
 * `labour` (l·x), `labourValues` (Σλ), `iterations`, `solveSeconds` (the solve alone),
 * `parseSeconds` and `binding` (the binding constraints). These names are an interface
 * other tools rely on. `--out` writes the whole plan as CSV.
 */
export function register(program: Command): void {
  program
    .command('plan')
    .description(
      'plan an economy: gross outputs and labour values, the best feasible plan, the multi-year plan',
    )
    .argument('<dir>', 'economy directory (docs/planning.md)')
    .option(
      '--method <method>',
      'leontief, lp or harmony (default: lp for plans with choices, else leontief)',
    )
    .option('--json', 'print one JSON line')
    .option('--out <file>', 'write the full plan as CSV')
    .action(async (dir: string, options: PlanCommandOptions) => {
      await planCommand(dir, options);
    });
}

export interface PlanCommandOptions {
  method?: string;
  json?: boolean;
  out?: string;
}

export type PlanMethod = 'leontief' | 'lp' | 'harmony';

export interface PlanSummary {
  readonly dir: string;
  readonly format: PlanInput['format'];
  readonly method: PlanMethod;
  readonly products: number;
  readonly scale?: number;
  readonly objective?: number;
  readonly fulfilment?: readonly number[];
  readonly bound?: number;
  readonly grossOutput: number;
  readonly labour: number;
  readonly labourValues: number;
  readonly iterations: number;
  readonly residual?: number;
  readonly parseSeconds: number;
  readonly solveSeconds: number;
  readonly binding: readonly string[];
}

export interface PlanRun {
  readonly summary: PlanSummary;
  /** The full plan as CSV. */
  readonly csv: string;
}

async function planCommand(dir: string, options: PlanCommandOptions): Promise<void> {
  const bar = progress(dir);
  let run: PlanRun;
  try {
    run = await planDirectory(dir, options.method, bar?.update);
  } finally {
    bar?.stop();
  }
  if (options.out) await writeFile(options.out, run.csv);
  process.stdout.write(
    options.json ? `${JSON.stringify(run.summary)}\n` : formatSummary(run.summary),
  );
}

/** Reads and plans a directory; the work behind `soviet plan`. */
export async function planDirectory(
  dir: string,
  method?: string,
  onProgress?: (done: number, total: number) => void,
): Promise<PlanRun> {
  const started = performance.now();
  const input = await readPlanInput(dir);
  const parseSeconds = (performance.now() - started) / 1000;
  const chosen = parseMethod(
    method ?? (input.format === 'harmony' || input.format === 'soviet' ? 'lp' : 'leontief'),
  );
  const base = { dir, format: input.format, method: chosen, parseSeconds };
  if (input.format === 'harmony' && chosen === 'lp') return multiYear(input.dynamic, base);
  const economy = input.format === 'harmony' ? staticEconomy(input.dynamic) : input.economy;
  if (chosen === 'leontief') return leontief(economy, base, onProgress);
  return chosen === 'lp' ? await lp(economy, base) : harmony(economy, base, onProgress);
}

function parseMethod(method: string): PlanMethod {
  if (method === 'leontief' || method === 'lp' || method === 'harmony') return method;
  throw planningError('PLAN_UNKNOWN_METHOD', { method });
}

type Base = Pick<PlanSummary, 'dir' | 'format' | 'method' | 'parseSeconds'>;

const sum = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] ?? 0;
  return s;
};
const dotOf = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] ?? 0) * (b[i] ?? 0);
  return s;
};

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, (performance.now() - started) / 1000];
}

function leontief(
  economy: Economy,
  base: Base,
  onProgress?: (done: number, total: number) => void,
): PlanRun {
  const system = leontiefSystem(economy);
  const onIteration = onProgress ? (k: number) => onProgress(k, 0) : undefined;
  const [[x, lambda], seconds] = timed(() => [
    grossOutput(system.a, economy.demand, {
      tolerance: 1e-10,
      ...(onIteration ? { onIteration } : {}),
    }),
    labourValues(system.a, system.labour, { tolerance: 1e-10 }),
  ]);
  const csv = ['product,technique,grossOutput,labourValue'];
  economy.products.forEach((p, i) => {
    csv.push(
      `${p},${economy.techniques[system.technique[i] ?? 0] ?? ''},${x.x[i] ?? 0},${lambda.x[i] ?? 0}`,
    );
  });
  return {
    summary: {
      ...base,
      products: economy.products.length,
      grossOutput: sum(x.x),
      labour: dotOf(system.labour, x.x),
      labourValues: sum(lambda.x),
      iterations: x.iterations + lambda.iterations,
      residual: Math.max(x.residual, lambda.residual),
      solveSeconds: seconds,
      binding: [],
    },
    csv: `${csv.join('\n')}\n`,
  };
}

/** Σ gross output, labour and Σ labour values of a plan given by technique activities. */
function planFigures(economy: Economy, activity: Float64Array) {
  const system = leontiefSystem(economy, activity);
  const lambda = labourValues(system.a, system.labour, { tolerance: 1e-10 });
  return {
    grossOutput: sum(activity),
    labour: dotOf(economy.labour, activity),
    labourValues: sum(lambda.x),
  };
}

function activityCsv(economy: Economy, activity: Float64Array): string {
  const csv = ['technique,product,output,capacity'];
  economy.techniques.forEach((t, k) => {
    const cap = economy.capacity[k] ?? Number.POSITIVE_INFINITY;
    csv.push(
      `${t},${economy.products[economy.makes[k] ?? 0]},${activity[k] ?? 0},${Number.isFinite(cap) ? cap : ''}`,
    );
  });
  return `${csv.join('\n')}\n`;
}

async function lp(economy: Economy, base: Base): Promise<PlanRun> {
  const solve = highsSolver(await loadHighs());
  const [plan, seconds] = timed(() => bestPlanLp(economy, solve));
  return {
    summary: {
      ...base,
      products: economy.products.length,
      scale: plan.scale,
      objective: plan.scale,
      ...planFigures(economy, plan.activity),
      iterations: plan.iterations,
      solveSeconds: seconds,
      binding: plan.binding,
    },
    csv: activityCsv(economy, plan.activity),
  };
}

function harmony(
  economy: Economy,
  base: Base,
  onProgress?: (done: number, total: number) => void,
): PlanRun {
  const [plan, seconds] = timed(() =>
    harmonyPlan(economy, onProgress ? { onIteration: onProgress } : {}),
  );
  return {
    summary: {
      ...base,
      products: economy.products.length,
      scale: plan.scale,
      bound: plan.bound,
      ...planFigures(economy, plan.activity),
      iterations: plan.iterations + plan.polishRounds,
      solveSeconds: seconds,
      binding: plan.binding,
    },
    csv: activityCsv(economy, plan.activity),
  };
}

async function multiYear(
  dynamic: Parameters<typeof solveMultiYearPlan>[0],
  base: Base,
): Promise<PlanRun> {
  const solve = highsSolver(await loadHighs());
  const [plan, seconds] = timed(() => solveMultiYearPlan(dynamic, solve));
  const n = dynamic.products.length;
  const flow = staticEconomy(dynamic).inputs;
  const lambda = labourValues(flow, Float64Array.from(dynamic.labour), { tolerance: 1e-12 });
  const csv = ['year,product,output'];
  plan.output.forEach((x, t) => {
    x.forEach((v, j) => {
      csv.push(`${dynamic.years[t]?.name ?? t + 1},${dynamic.products[j]},${v}`);
    });
  });
  return {
    summary: {
      ...base,
      products: n,
      objective: plan.objective,
      fulfilment: plan.fulfilment,
      grossOutput: plan.output.reduce((s, x) => s + sum(x), 0),
      labour: sum(plan.labour),
      labourValues: sum(lambda.x),
      iterations: plan.iterations,
      solveSeconds: seconds,
      binding: plan.binding,
    },
    csv: `${csv.join('\n')}\n`,
  };
}

export function formatSummary(s: PlanSummary): string {
  const fmt = (v: number) =>
    Math.abs(v) >= 1e6 ? v.toExponential(6) : String(Number(v.toPrecision(9)));
  const lines = [`${s.dir}: ${s.products} products (${s.format}), method ${s.method}`];
  if (s.fulfilment)
    lines.push(
      `objective ${fmt(s.objective ?? 0)}; yearly fulfilment ${s.fulfilment.map(fmt).join(', ')}`,
    );
  else if (s.scale !== undefined) {
    lines.push(
      `scale t = ${fmt(s.scale)}${s.bound !== undefined ? ` (proven bound ${fmt(s.bound)})` : ''}`,
    );
  }
  lines.push(
    `gross output ${fmt(s.grossOutput)}; labour ${fmt(s.labour)}; Σ labour values ${fmt(s.labourValues)}`,
  );
  lines.push(
    `${s.iterations} iterations; parsed in ${s.parseSeconds.toFixed(3)} s, solved in ${s.solveSeconds.toFixed(3)} s`,
  );
  if (s.binding.length > 0) {
    const shown = s.binding.slice(0, 12);
    lines.push(
      `binding: ${shown.join('; ')}${s.binding.length > shown.length ? `; … (${s.binding.length} in all)` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A progress bar on stderr for long solves, on a terminal only and after half a second. */
function progress(dir: string) {
  if (process.stderr.isTTY !== true) return undefined;
  const started = Date.now();
  let bar: SingleBar | undefined;
  return {
    update(done: number, total: number): void {
      if (!bar && Date.now() - started > 500) {
        bar = new SingleBar({
          format: `${dir} {bar} {value}/{total} iterations`,
          stream: process.stderr,
          hideCursor: true,
        });
        bar.start(total || 1000, 0);
      }
      if (bar && total === 0 && done > bar.getTotal()) bar.setTotal(done * 2);
      bar?.update(done);
    },
    stop(): void {
      bar?.stop();
    },
  };
}
