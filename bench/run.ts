import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './bench-types.js';

/**
 * `npm run bench [name...]`: runs every benchmark (or the named ones) one after another
 * and writes each result to bench/results/<name>.json with the machine's load, so that
 * figures can be read in context. Each benchmark measures itself against a baseline
 * run in the same process: absolute numbers on a shared 2-core machine are noisy.
 */
const benches: Record<string, () => Promise<{ run: Bench }>> = {
  append: () => import('./append.bench.js'),
  'budget-round': () => import('./budget-round.bench.js'),
  count: () => import('./count.bench.js'),
  council: () => import('./council.bench.js'),
  democracy: () => import('./democracy.bench.js'),
  http: () => import('./http.bench.js'),
  pb: () => import('./pb.bench.js'),
  planning: () => import('./planning.bench.js'),
  recount: () => import('./recount.bench.js'),
  'signed-acts': () => import('./signed-acts.bench.js'),
  startup: () => import('./startup.bench.js'),
  verify: () => import('./verify.bench.js'),
};

const wanted = process.argv.slice(2);
const names = wanted.length ? wanted : Object.keys(benches);
const outDir = join(import.meta.dirname, 'results');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const name of names) {
  const load = benches[name];
  if (!load) {
    console.error(`bench: no benchmark named ${name}; known: ${Object.keys(benches).join(', ')}`);
    failed = true;
    continue;
  }
  console.log(`\n=== ${name}`);
  const result = await (await load()).run();
  const record = {
    ...result,
    at: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg() },
    node: process.version,
  };
  // A benchmark may name its result after a variant it ran (http-signed).
  writeFileSync(join(outDir, `${result.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
}
process.exitCode = failed ? 1 : 0;
