import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DATASETS, expect, ORG, orgVkey, test } from './support/fixtures.js';

/**
 * Screenshots of the main pages at phone and desktop widths, into docs/screenshots/
 * (the README shows them). Each page is brought to its most telling state first.
 */
const OUT = new URL('../docs/screenshots/', import.meta.url);
const ward = fileURLToPath(
  new URL('elections/scotland-2017-wards/blt/aberdeen_2017_ward1.blt', DATASETS),
);

const pages: { name: string; prepare: (page: Page) => Promise<void> }[] = [
  {
    name: 'home',
    prepare: async (page) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    },
  },
  {
    name: 'ballot',
    prepare: async (page) => {
      await page.goto('/practice');
      for (const name of ['Chen Wei', 'Amara Okafor', 'Elif Yılmaz']) {
        await page.getByRole('button', { name: new RegExp(`^Rank \\d+: ${name}$`) }).click();
      }
      await page.getByRole('button', { name: /^Amara Okafor, rank 2/ }).click();
    },
  },
  {
    name: 'count',
    prepare: async (page) => {
      await page.goto('/count');
      await page.getByLabel('Ballot file').setInputFiles(ward);
      await page.getByRole('button', { name: 'Count', exact: true }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('heading', { name: /^Stage 3 of/ })).toBeVisible();
    },
  },
  {
    name: 'record',
    prepare: async (page) => {
      await page.goto(`/record?org=${ORG}&vkey=${encodeURIComponent(orgVkey())}`);
      await expect(page.getByText('The record is verified')).toBeVisible();
    },
  },
];

for (const width of [360, 1280]) {
  test.describe(`screenshots at ${width} px`, () => {
    test.use({ viewport: { width, height: width < 600 ? 780 : 900 } });
    for (const { name, prepare } of pages) {
      test(name, async ({ page }) => {
        await prepare(page);
        // No sideways scrolling on a phone: the page fits its width.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);
        await page.screenshot({
          path: fileURLToPath(new URL(`${name}-${width}.png`, OUT)),
          fullPage: true,
        });
      });
    }
  });
}
