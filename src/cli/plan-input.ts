import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  beaEconomy,
  beaModel,
  type DynamicEconomy,
  type Economy,
  leontiefEconomy,
  parseBeaTable,
  parseEconomy,
  parseHarmony,
  parseMatrixMarket,
  parseSymmetricTable,
  parseVector,
  planningError,
  symmetricTableEconomy,
} from '../planning/index.js';

/**
 * Reads an economy directory for `soviet plan`, its format found from the files it holds
 * (docs/planning.md): Soviet's own (products.csv), the harmony tables (flows.csv or
 * *flows.csv with cap, dep, labtarg), a Matrix Market technology (A.mtx, labour.csv,
 * demand.csv, optional limits.csv), BEA's summary tables (IOMakeSummary.txt,
 * IODirectRequirements.txt, iousesummary.txt) or a symmetric table (a .csv with an
 * output_bp column). Parsing is timed apart from solving.
 */
export type PlanInput =
  | { readonly format: 'soviet' | 'matrix-market' | 'bea' | 'symmetric'; readonly economy: Economy }
  | { readonly format: 'harmony'; readonly dynamic: DynamicEconomy };

export async function readPlanInput(dir: string): Promise<PlanInput> {
  let files: string[];
  try {
    files = await readdir(dir);
  } catch {
    throw planningError('PLAN_UNKNOWN_FORMAT', { dir });
  }
  const text = (name: string) => readFile(join(dir, name), 'utf8');
  const has = (name: string) => files.includes(name);
  if (has('products.csv')) {
    const [products, techniques, inputs, limits] = await Promise.all(
      ['products.csv', 'techniques.csv', 'inputs.csv', 'limits.csv'].map(text),
    );
    return {
      format: 'soviet',
      economy: parseEconomy({
        products: products ?? '',
        techniques: techniques ?? '',
        inputs: inputs ?? '',
        limits: limits ?? '',
      }),
    };
  }
  const flows = files.find((f) => f.endsWith('flows.csv'));
  if (flows) return { format: 'harmony', dynamic: await readHarmony(dir, files, flows, text) };
  if (has('A.mtx'))
    return { format: 'matrix-market', economy: await readMatrixMarket(dir, has, text) };
  if (has('IOMakeSummary.txt')) {
    const [make, direct, use] = await Promise.all(
      ['IOMakeSummary.txt', 'IODirectRequirements.txt', 'iousesummary.txt'].map(text),
    );
    const useTable = parseBeaTable(use ?? '', 'iousesummary.txt', 4);
    const model = beaModel(
      parseBeaTable(make ?? '', 'IOMakeSummary.txt', 3),
      parseBeaTable(direct ?? '', 'IODirectRequirements.txt', 5),
      useTable,
    );
    return { format: 'bea', economy: beaEconomy(model, useTable) };
  }
  for (const f of files.filter((name) => name.endsWith('.csv'))) {
    const t = await text(f);
    if (/(^|,)output_bp(,|\r?\n)/.test(t.slice(0, t.indexOf('\n') + 1))) {
      return { format: 'symmetric', economy: symmetricTableEconomy(parseSymmetricTable(t, f)) };
    }
  }
  throw planningError('PLAN_UNKNOWN_FORMAT', { dir });
}

async function readHarmony(
  dir: string,
  files: readonly string[],
  flows: string,
  text: (name: string) => Promise<string>,
): Promise<DynamicEconomy> {
  // 5yearplan: flows.csv, cap.csv, dep.csv, labtarg.csv; New Harmony: jeuflows.csv,
  // jeucap.csv, jeudep.csv, jeulabtargs.csv. The prefix is what precedes "flows".
  const prefix = flows.slice(0, -'flows.csv'.length);
  const find = (stem: string) => {
    const name = files.find((f) => f.startsWith(prefix + stem) && f.endsWith('.csv'));
    if (!name) throw planningError('PLAN_UNKNOWN_FORMAT', { dir });
    return name;
  };
  const names = { flows, cap: find('cap'), dep: find('dep'), labtarg: find('labtarg') };
  const [f, c, d, l] = await Promise.all(
    [names.flows, names.cap, names.dep, names.labtarg].map(text),
  );
  return parseHarmony({ flows: f ?? '', cap: c ?? '', dep: d ?? '', labtarg: l ?? '', names });
}

async function readMatrixMarket(
  dir: string,
  has: (name: string) => boolean,
  text: (name: string) => Promise<string>,
): Promise<Economy> {
  const a = parseMatrixMarket(new Uint8Array(await readFile(join(dir, 'A.mtx'))));
  const labour = parseVector(await text('labour.csv'), 'labour.csv', a.rows);
  const demand = parseVector(await text('demand.csv'), 'demand.csv', a.rows);
  let limit = Number.POSITIVE_INFINITY;
  if (has('limits.csv')) {
    const line = (await text('limits.csv'))
      .split(/\r?\n/)
      .find((l) => l.trim().startsWith('labour,'));
    limit = Number(line?.split(',')[1] ?? Number.NaN);
    if (!Number.isFinite(limit)) {
      throw planningError('PLAN_FILE_BAD', {
        file: 'limits.csv',
        line: 2,
        reason: 'the labour limit is not a number',
      });
    }
  }
  return leontiefEconomy(a, labour, demand, limit);
}
