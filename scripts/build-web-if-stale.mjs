#!/usr/bin/env node
// `npm start` runs this first: it builds the web app (vite build → dist/web) when the
// build is missing or older than any source it bundles, so a fresh checkout needs no
// separate build step and an unchanged one starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const built = join(root, 'dist/web/index.html');
const sources = ['src/web', 'src/counting', 'src/record', 'src/errors', 'vite.config.ts'];

function newest(path) {
  const full = join(root, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = stat.mtimeMs;
  for (const entry of readdirSync(full)) max = Math.max(max, newest(join(path, entry)));
  return max;
}

const stale = !existsSync(built) || sources.some((s) => newest(s) > statSync(built).mtimeMs);
if (stale) {
  console.log('Building the web app (dist/web)…');
  const vite = join(root, 'node_modules/.bin/vite');
  const { status } = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (status !== 0) {
    console.error('The web app did not build; the API will still be served.');
  }
}
