/**
 * `npm run bench startup`: start-up of the compiled `soviet` command (bin/soviet.js →
 * dist/), as whole processes, against bare `node -e 0` measured in the same run (the
 * median of several runs each: the machine is shared).
 *
 * - `soviet --help`: target within 150 ms of bare node (the CLI loads no command module).
 * - `soviet count` on the 1,000,000-ballot profile of the count benchmark (written as a
 *   `.blt` file, one ballot per line): target under 1 s end to end.
 * - `soviet serve` on an existing data directory: from spawn to the first answer of
 *   `/api/v1/health`. PGlite's own start-up (`PGlite.create` on that directory, timed in
 *   a process of its own) is reported apart, and the rest (ready − PGlite) is what the
 *   1 s target is about. With DATABASE_URL set, the server is also timed on PostgreSQL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './bench-types.js';
import { syntheticBlt } from './count.bench.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const soviet = join(root, 'bin/soviet.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.floor(sorted.length / 2)] as number);
}

/** GNU time, when installed: CPU time (user + system) is far steadier than wall time. */
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall and CPU time of one whole process, in ms; fails on a non-zero exit. */
function timeProcess(args: string[]): { wall: number; cpu: number } {
  const options = { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] as ('ignore' | 'pipe')[] };
  const start = process.hrtime.bigint();
  const run = GNU_TIME
    ? spawnSync(GNU_TIME, ['-f', 'cpu %U %S', process.execPath, ...args], options)
    : spawnSync(process.execPath, args, options);
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr.toString());
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : Number.NaN };
}

/** Medians of several runs: wall and CPU ms. */
function timeRuns(runs: number, args: string[]): { wall: number; cpu: number } {
  const times = Array.from({ length: runs }, () => timeProcess(args));
  return { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) };
}

/** Starts `soviet serve`, waits for the health route to answer, stops it; ms to ready. */
async function serveUntilReady(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [soviet, ...args, 'serve', '--port', '0'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    for (;;) {
      const ok = await fetch(`${url}/api/v1/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

export async function run(): Promise<BenchResult> {
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('the build failed');
  const figures: Record<string, number | string> = {};
  const notes: string[] = [];
  const work = mkdtempSync(join(tmpdir(), 'soviet-startup-bench-'));
  try {
    const bare = timeRuns(9, ['-e', '0']);
    figures.nodeBareMs = bare.wall;
    figures.nodeBareCpuMs = bare.cpu;
    const help = timeRuns(9, [soviet, '--help']);
    figures.helpMs = help.wall;
    figures.helpCpuMs = help.cpu;
    figures.helpOverBareMs = help.wall - bare.wall;
    figures.helpCpuOverBareMs = help.cpu - bare.cpu;
    figures.helpWithin150msOfBare = help.wall - bare.wall <= 150 ? 'yes' : 'no';

    const blt = join(work, 'synthetic.blt');
    writeFileSync(blt, syntheticBlt());
    const count = timeRuns(3, [soviet, 'count', blt]);
    figures.count1MBallotsMs = count.wall;
    figures.count1MBallotsCpuMs = count.cpu;
    figures.count1MBallotsUnderOneSecond = count.wall < 1000 ? 'yes' : 'no';

    // An existing data directory: the first start creates it (initdb), untimed.
    const data = join(work, 'data');
    const env = { ...process.env, DATABASE_URL: '', SOVIET_DATA: data };
    await serveUntilReady([], env);
    const ready: number[] = [];
    for (let i = 0; i < 3; i++) ready.push(await serveUntilReady([], env));
    figures.serveReadyPgliteMs = median(ready);
    const pgliteScript = `const { PGlite } = await import('@electric-sql/pglite');
      const t = performance.now();
      const db = await PGlite.create({ dataDir: ${JSON.stringify(join(data, 'pglite'))} });
      process.stdout.write(String(performance.now() - t));
      await db.close();`;
    const pglite: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', pgliteScript], {
        cwd: root,
      });
      pglite.push(Number(r.stdout.toString()));
    }
    figures.pgliteOpenMs = median(pglite);
    figures.serveReadyMinusPgliteMs = figures.serveReadyPgliteMs - figures.pgliteOpenMs;
    figures.serveReadyMinusPgliteUnderOneSecond =
      figures.serveReadyMinusPgliteMs < 1000 ? 'yes' : 'no';

    if (process.env.DATABASE_URL) {
      const pgEnv = { ...process.env, SOVIET_DATA: data };
      await serveUntilReady([], pgEnv); // migrations, the instance key
      const pgReady: number[] = [];
      for (let i = 0; i < 3; i++) pgReady.push(await serveUntilReady([], pgEnv));
      figures.serveReadyPostgresMs = median(pgReady);
    } else notes.push('DATABASE_URL not set: the server was not timed on PostgreSQL');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  notes.push(
    `load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(36)} ${v}`);
  for (const n of notes) console.log(`  ${n}`);
  return { name: 'startup', figures, notes };
}
