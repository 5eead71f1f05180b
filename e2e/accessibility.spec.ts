import { fileURLToPath } from 'node:url';
import { DATASETS, expect, expectAccessible, ORG, orgVkey, test } from './support/fixtures.js';

const ward = fileURLToPath(
  new URL('elections/scotland-2017-wards/blt/aberdeen_2017_ward1.blt', DATASETS),
);

/** axe-core on every page, in the states that show the most (issue 6: no serious or critical violation). */
test.describe('accessibility (axe-core)', () => {
  for (const width of [360, 1280]) {
    test.describe(`at ${width} px`, () => {
      test.use({ viewport: { width, height: 800 } });

      test('home', async ({ page }) => {
        await page.goto('/');
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        await expectAccessible(page, 'the home page');
      });

      test('practice, with a ranking, a picked-up candidate and a count', async ({ page }) => {
        await page.goto('/practice');
        await page.getByRole('button', { name: /^Rank \d+: Amara Okafor$/ }).click();
        await page.getByRole('button', { name: /^Rank \d+: Chen Wei$/ }).click();
        await page.getByRole('button', { name: /^Chen Wei, rank 2 of 2/ }).click();
        await expectAccessible(page, 'the practice ballot');
        await page.getByRole('button', { name: 'Add 25 random ballots' }).click();
        await page.getByRole('button', { name: 'Count the practice ballots' }).click();
        await expect(page.locator('.elected-list li').first()).toBeVisible();
        await expectAccessible(page, 'the practice count');
      });

      test('count, with a result and an error', async ({ page }) => {
        await page.goto('/count');
        await expectAccessible(page, 'the empty count page');
        await page.getByLabel('Ballot file').setInputFiles(ward);
        await page.getByRole('button', { name: 'Count', exact: true }).click();
        await expect(page.locator('.elected-list li').first()).toBeVisible();
        await expectAccessible(page, 'a count');
        await page.getByLabel('Ballot file').setInputFiles({
          name: 'bad.blt',
          mimeType: 'text/plain',
          buffer: Buffer.from('x\n'),
        });
        await page.getByRole('button', { name: 'Count', exact: true }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await expectAccessible(page, 'a count error');
      });

      test('record, verified', async ({ page }) => {
        await page.goto(`/record?org=${ORG}&vkey=${encodeURIComponent(orgVkey())}`);
        await expect(page.getByText('The record is verified')).toBeVisible();
        await page.locator('.event-card details').first().locator('summary').click();
        await expectAccessible(page, 'the record page');
      });

      test('page not found', async ({ page }) => {
        await page.goto('/nowhere');
        await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
        await expectAccessible(page, 'the not-found page');
      });
    });
  }
});
