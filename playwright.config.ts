import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests (issue 6) in Debian's Chromium, nothing downloaded, against the real
 * server: the web app is built (`vite build` → dist/web), an organisation's log is
 * seeded in a fresh data directory (e2e/support/seed-and-serve.ts), and `soviet serve`
 * serves both the API and the app, under its own Content-Security-Policy.
 *
 * SOVIET_E2E_PREVIEW=1 serves the app with `vite preview` instead (proxying `/api` to
 * the server, under the same policy): for a server that does not serve dist/web.
 *
 * The config is evaluated in every worker too: the temp directory is made once, in the
 * main process, and handed to the workers through the environment.
 */
process.env.SOVIET_E2E_DIR ??= mkdtempSync(join(tmpdir(), 'soviet-e2e-'));
const apiPort = Number(process.env.SOVIET_E2E_API_PORT ?? 3917);
const webPort = Number(process.env.SOVIET_E2E_WEB_PORT ?? 4317);
const viaPreview = process.env.SOVIET_E2E_PREVIEW === '1';

const server = {
  command: viaPreview
    ? 'node --import tsx e2e/support/seed-and-serve.ts'
    : 'npx vite build --logLevel warn && node --import tsx e2e/support/seed-and-serve.ts',
  url: `http://127.0.0.1:${apiPort}/api/v1/health`,
  env: { PORT: String(apiPort), HOST: '127.0.0.1' },
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: 'pipe' as const,
  stderr: 'pipe' as const,
};

const preview = {
  command: `npx vite build --logLevel warn && npx vite preview --port ${webPort} --strictPort --host 127.0.0.1`,
  url: `http://127.0.0.1:${webPort}/`,
  env: { SOVIET_API: `http://127.0.0.1:${apiPort}`, SOVIET_PREVIEW_CSP: '1' },
  timeout: 120_000,
  reuseExistingServer: false,
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // scripts/test.mjs reads the JSON report (PLAYWRIGHT_JSON_OUTPUT_NAME).
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${viaPreview ? webPort : apiPort}`,
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    // A control that never appears fails the step, not the whole test's time budget.
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: viaPreview ? [server, preview] : [server],
});
