#!/usr/bin/env node
// `npm run build`, and `npm install` / `npm ci` through `prepare`: compiles the server and
// the CLI (src/, without the web app and the tests) to JavaScript in dist/ with tsc
// (tsconfig.build.json), then builds the web app (vite build → dist/web) when it is stale.
// `bin/soviet.js` and `npm start` run dist/; tests and `npm run dev` run the sources.
//
// --if-stale (`npm start` runs it first): compile only when a source is newer than the
// last build, so an unchanged checkout starts at once.
//
// Type errors do not stop the build (tsc still emits every file, as it transpiles each
// one on its own): they are printed, and `npm test` / `npm run typecheck` fail on them.
// Without the dev dependencies (`npm ci --omit=dev`) there is nothing to build with: an
// existing dist/ is kept, and without one the build fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const ifStale = process.argv.includes('--if-stale');
const entry = join(root, 'dist/cli/main.js');
const tsc = join(root, 'node_modules/.bin/tsc');

/** The newest modification time under a path, skipping the web app and test files. */
function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  if (path === 'src/web') return 0;
  let max = stat.mtimeMs;
  for (const name of readdirSync(full)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function compile() {
  if (
    ifStale &&
    existsSync(entry) &&
    Math.max(newest('src'), newest('tsconfig.json'), newest('tsconfig.build.json')) <=
      statSync(entry).mtimeMs
  ) {
    return true;
  }
  if (!existsSync(tsc)) {
    if (existsSync(entry)) {
      console.warn('build: no TypeScript compiler (dev dependencies omitted); keeping dist/.');
      return true;
    }
    console.error(
      'build: dist/ is missing and there is no TypeScript compiler: run `npm install`.',
    );
    return false;
  }
  console.log('Compiling the server and the CLI (dist/)…');
  const { status } = spawnSync(tsc, ['-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (!existsSync(entry)) {
    console.error('build: tsc produced no dist/cli/main.js.');
    return false;
  }
  if (status !== 0) {
    console.warn('build: the compiler reported type errors (above); dist/ was written anyway.');
  }
  // tsc leaves an unchanged output file alone: mark the build as done now.
  const now = new Date();
  utimesSync(entry, now, now);
  return true;
}

const compiled = compile();
const web = spawnSync(process.execPath, [join(root, 'scripts/build-web-if-stale.mjs')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(compiled && web.status === 0 ? 0 : 1);
