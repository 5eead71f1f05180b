#!/usr/bin/env node
// `npm test`: lint, type-check (the server and CLI, the web app, the browser tests: the three
// projects of `npm run typecheck`), then every unit/integration test (vitest) and, where
// Debian's Chromium is installed, the browser tests (Playwright). Prints one closing
// line `N passed, N failed` that CI reads, and exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ??
  1;

let passed = 0;
let failed = 0;
const step = (name, ok) => {
  if (ok) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} failed`);
  }
};

const extra = process.argv.slice(2);
// SOVIET_TEST_SCOPE=unit: the Vitest suite alone (CI's extra Node version: lint, types and the
// browser do not depend on the Node that runs the server, and CI runs them twice already).
const everything = !extra.length && process.env.SOVIET_TEST_SCOPE !== 'unit';
if (everything) {
  step('lint (biome)', run(bin('biome'), ['check', '.']) === 0);
  step('typecheck (tsc)', run(bin('tsc'), ['-p', '.']) === 0);
  // The web app and the browser tests have tsconfigs of their own (DOM lib, Playwright types),
  // which `tsc -p .` excludes: each is a counted step, as the README promises.
  step('typecheck web app (tsc -p src/web)', run(bin('tsc'), ['-p', 'src/web']) === 0);
  step('typecheck browser tests (tsc -p e2e)', run(bin('tsc'), ['-p', 'e2e']) === 0);
}

const report = join(root, '.vitest-report.json');
rmSync(report, { force: true });
const vitest = run(bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
  ...extra,
]);
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (vitest !== 0 && r.numFailedTests === 0 ? 1 : 0);
} else {
  failed += 1;
}

const e2eDir = join(root, 'e2e');
if (everything && existsSync(e2eDir)) {
  if (existsSync('/usr/bin/chromium')) {
    const pwReport = join(root, '.playwright-report.json');
    rmSync(pwReport, { force: true });
    const pw = run(bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: pwReport });
    if (existsSync(pwReport)) {
      const s = JSON.parse(readFileSync(pwReport, 'utf8')).stats;
      passed += s.expected;
      failed += s.unexpected + (pw !== 0 && s.unexpected === 0 ? 1 : 0);
    } else failed += 1;
  } else {
    // The browser tests need Debian's Chromium; CI (.ci/run) installs it and runs them.
    console.error(
      'Note: browser tests not run here: install Debian Chromium (apt-get install -y chromium).',
    );
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
