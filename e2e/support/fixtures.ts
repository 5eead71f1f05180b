import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Console messages a test expects (e.g. the 404 of a lookup it makes fail on purpose). */
export interface ConsoleGuard {
  allow(pattern: RegExp): void;
}

/**
 * The tests' `test`: every page is watched for console errors, uncaught exceptions and
 * Content-Security-Policy violations (Chromium reports those on the console), and a
 * test fails if any occurred that it did not announce with `consoleGuard.allow`: a page
 * that "works" while logging errors does not pass.
 */
export const test = base.extend<{ consoleGuard: ConsoleGuard }>({
  consoleGuard: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const allowed: RegExp[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = problems.filter((p) => !allowed.some((a) => a.test(p)));
      expect(unexpected, 'console errors, exceptions or CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** The e2e server's clock control (e2e/support/seed-and-serve.ts): API port + 1. */
export const CLOCK_URL = `http://127.0.0.1:${Number(process.env.SOVIET_E2E_API_PORT ?? 3917) + 1}`;

/** The seeded organisation (e2e/support/seed-and-serve.ts). */
export const ORG = 'demo-branch';

/** Its verifier key, as the server wrote it. */
export function orgVkey(): string {
  const dir = process.env.SOVIET_E2E_DIR;
  if (!dir) throw new Error('SOVIET_E2E_DIR is not set: run the tests with playwright.config.ts');
  return readFileSync(join(dir, 'vkey.txt'), 'utf8').trim();
}

/** The shared data sets beside the repository (read-only). */
export const DATASETS = new URL('../../../shared/datasets/', import.meta.url);

/** Runs axe-core (WCAG 2.x A and AA rules) and expects no serious or critical violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `accessibility of ${what}`).toEqual([]);
}
