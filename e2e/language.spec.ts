import { fileURLToPath } from 'node:url';
import { DATASETS, expect, test } from './support/fixtures.js';

const ward = fileURLToPath(
  new URL('elections/scotland-2017-wards/blt/aberdeen_2017_ward1.blt', DATASETS),
);

test.describe('languages', () => {
  test('the switcher translates the page, sets its language, and is remembered', async ({
    page,
  }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Council democracy you can check',
    );

    const expected = {
      es: ['Democracia de consejos que se puede comprobar', 'Escrutar papeletas'],
      de: ['Rätedemokratie, die man nachprüfen kann', 'Stimmen auszählen'],
      ru: ['Советская демократия, которую можно проверить', 'Подсчёт бюллетеней'],
    };
    const labels = { en: 'Language', es: 'Idioma', de: 'Sprache', ru: 'Язык' };
    let current: keyof typeof labels = 'en';
    for (const [code, [title, nav]] of Object.entries(expected) as [
      keyof typeof expected,
      string[],
    ][]) {
      await page.getByLabel(labels[current]).selectOption(code);
      current = code;
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(title ?? '');
      await expect(page.getByRole('navigation').getByRole('link', { name: nav })).toBeVisible();
    }
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
    await expect(page.getByLabel('Язык')).toHaveValue('ru');
    await expect(page).toHaveTitle('Главная · Soviet');
  });

  test.describe('with a German browser', () => {
    test.use({ locale: 'de-DE' });

    test("starts in the browser's language, with its number format", async ({ page }) => {
      await page.goto('/practice');
      await expect(page.locator('html')).toHaveAttribute('lang', 'de');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(
        'Einen Rangfolge-Stimmzettel üben',
      );
      await page.getByRole('button', { name: '25 zufällige Stimmzettel hinzufügen' }).click();
      await page.getByRole('button', { name: 'Die Übungsstimmzettel auszählen' }).click();
      // German figures: a comma before the decimals of the Scottish quota.
      await expect(page.locator('.count dl')).toContainText('Quote');
      await expect(page.locator('.count dl dd').nth(4)).toHaveText(/^\d+,\d+$|^\d+$/);
    });
  });

  test.describe('with a browser in a language Soviet does not speak', () => {
    test.use({ locale: 'fr-FR' });

    test('falls back to English', async ({ page }) => {
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.getByLabel('Language')).toHaveValue('en');
    });
  });
});

test.describe('on a 360 px phone', () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test('every page, and a count, fit the width in every language', async ({ page }) => {
    await page.goto('/');
    for (const code of ['en', 'es', 'de', 'ru']) {
      await page.evaluate((c) => window.localStorage.setItem('soviet.language', c), code);
      for (const path of ['/', '/practice', '/count', '/record', '/nowhere']) {
        await page.goto(path);
        await expect(page.locator('html')).toHaveAttribute('lang', code);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        if (path === '/count') {
          // With a result: the stage view, its chart and both tables.
          await page.locator('input[type=file]').setInputFiles(ward);
          await page.locator('form button[type=submit]').click();
          await expect(page.locator('.elected-list li')).toHaveCount(4);
        }
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${code} ${path}: horizontal overflow in px`).toBeLessThanOrEqual(0);
      }
    }
  });
});
