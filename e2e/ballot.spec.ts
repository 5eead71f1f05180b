import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.js';

/** The names in "Your ranking", in order. */
async function ranking(page: Page): Promise<string[]> {
  const names = page.locator('.ballot__ranked .ballot__item .ballot__name');
  return (await names.allInnerTexts()).map((n) => n.trim());
}

const handle = (page: Page, name: string): Locator =>
  page.getByRole('button', { name: new RegExp(`^${name}, rank \\d+ of \\d+\\. Reorder$`) });

const status = (page: Page) => page.locator('.ballot [role="status"]');

test.describe('the ranked ballot', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/practice');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Practise a ranked ballot' }),
    ).toBeVisible();
  });

  test('works with the keyboard alone', async ({ page }) => {
    // Tab from the top of the page to the first "Rank" button, as a keyboard user would.
    await page.keyboard.press('Tab');
    const firstRank = page.getByRole('button', { name: 'Rank 1: Amara Okafor' });
    for (
      let i = 0;
      i < 30 && !(await firstRank.evaluate((b) => b === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(firstRank).toBeFocused();
    // Enter ranks the focused candidate and moves focus to the next one: rank three in a row.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect(await ranking(page)).toEqual(['Amara Okafor', 'Bruno Silva', 'Chen Wei']);
    await expect(status(page)).toHaveText('Chen Wei ranked 3 of 3.');

    // Pick Chen up with Space on its handle, move it to the top with the arrows, drop it.
    await handle(page, 'Chen Wei').focus();
    await page.keyboard.press('Space');
    await expect(status(page)).toContainText('Chen Wei picked up, at rank 3 of 3');
    await page.keyboard.press('ArrowUp');
    await expect(status(page)).toHaveText('Chen Wei moved to rank 2 of 3.');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await expect(status(page)).toHaveText('Chen Wei dropped at rank 1 of 3.');
    expect(await ranking(page)).toEqual(['Chen Wei', 'Amara Okafor', 'Bruno Silva']);
    await expect(handle(page, 'Chen Wei')).toBeFocused();

    // Escape puts a moved candidate back where it was picked up.
    await page.keyboard.press('ArrowDown'); // not picked up: moves focus to the next handle
    await expect(handle(page, 'Amara Okafor')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    expect(await ranking(page)).toEqual(['Chen Wei', 'Bruno Silva', 'Amara Okafor']);
    await page.keyboard.press('Escape');
    expect(await ranking(page)).toEqual(['Chen Wei', 'Amara Okafor', 'Bruno Silva']);
    await expect(status(page)).toHaveText('Move cancelled. Amara Okafor is back at rank 2 of 3.');

    // Delete removes the focused candidate from the ranking.
    await page.keyboard.press('Delete');
    expect(await ranking(page)).toEqual(['Chen Wei', 'Bruno Silva']);
    await expect(status(page)).toHaveText('Amara Okafor removed from your ranking. 2 ranked.');
    await expect(page.getByRole('button', { name: /^Rank \d+: Amara Okafor$/ })).toBeFocused();

    // Cast it with the keyboard too.
    await page.getByRole('button', { name: 'Cast this practice ballot' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Practice ballot cast: Chen Wei and Bruno Silva.')).toBeVisible();
    await expect(page.getByText('1 practice ballot is in the box.')).toBeVisible();
  });

  test('works with the buttons', async ({ page }) => {
    await page.getByRole('button', { name: /^Rank \d+: Dana Novak$/ }).click();
    await page.getByRole('button', { name: /^Rank \d+: Bruno Silva$/ }).click();
    await page.getByRole('button', { name: /^Rank \d+: Elif Yılmaz$/ }).click();
    expect(await ranking(page)).toEqual(['Dana Novak', 'Bruno Silva', 'Elif Yılmaz']);
    await page.getByRole('button', { name: 'Move Elif Yılmaz up' }).click();
    await page.getByRole('button', { name: 'Move Elif Yılmaz up' }).click();
    expect(await ranking(page)).toEqual(['Elif Yılmaz', 'Dana Novak', 'Bruno Silva']);
    // At the top, "up" is marked unavailable (aria-disabled) but stays focusable, and says so.
    const up = page.getByRole('button', { name: 'Move Elif Yılmaz up' });
    await expect(up).toHaveAttribute('aria-disabled', 'true');
    await up.focus();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Elif Yılmaz is already first.');
    await page.getByRole('button', { name: 'Move Dana Novak down' }).click();
    expect(await ranking(page)).toEqual(['Elif Yılmaz', 'Bruno Silva', 'Dana Novak']);
    await page.getByRole('button', { name: 'Remove Bruno Silva from your ranking' }).click();
    expect(await ranking(page)).toEqual(['Elif Yılmaz', 'Dana Novak']);
    await page.getByRole('button', { name: 'Clear my ranking' }).click();
    expect(await ranking(page)).toEqual([]);
    await expect(page.getByText('No one ranked yet.')).toBeVisible();
  });

  test('works by dragging the handles', async ({ page }) => {
    for (const name of ['Amara Okafor', 'Bruno Silva', 'Chen Wei', 'Dana Novak']) {
      await page.getByRole('button', { name: new RegExp(`^Rank \\d+: ${name}$`) }).click();
    }
    const drag = async (name: string, targetName: string, below: boolean) => {
      const from = await handle(page, name).boundingBox();
      const to = await page.locator('.ballot__item', { hasText: targetName }).boundingBox();
      if (!from || !to) throw new Error('not laid out');
      const x = from.x + from.width / 2;
      await page.mouse.move(x, from.y + from.height / 2);
      await page.mouse.down();
      const targetY = below ? to.y + to.height * 0.8 : to.y + to.height * 0.2;
      await page.mouse.move(x, targetY, { steps: 12 });
      await page.mouse.up();
    };
    // Drag Dana (4th) up over Amara (1st): Dana becomes first.
    await drag('Dana Novak', 'Amara Okafor', false);
    expect(await ranking(page)).toEqual(['Dana Novak', 'Amara Okafor', 'Bruno Silva', 'Chen Wei']);
    await expect(status(page)).toHaveText('Dana Novak moved to rank 1 of 4.');
    // Drag Amara (2nd) down past Chen (4th): Amara becomes last.
    await drag('Amara Okafor', 'Chen Wei', true);
    expect(await ranking(page)).toEqual(['Dana Novak', 'Bruno Silva', 'Chen Wei', 'Amara Okafor']);
    // A press without movement is a click: it picks the candidate up for the keyboard.
    await handle(page, 'Bruno Silva').click();
    await expect(handle(page, 'Bruno Silva')).toHaveAttribute('aria-pressed', 'true');
  });

  test('casts practice ballots and counts them stage by stage', async ({ page }) => {
    await page.getByRole('button', { name: 'Add 25 random ballots' }).click();
    await expect(page.getByText('25 practice ballots are in the box.')).toBeVisible();
    await page.getByLabel('Seats to fill').selectOption('2');
    await page.getByRole('button', { name: 'Count the practice ballots' }).click();
    await expect(
      page.getByRole('heading', {
        name: 'Result: Practice election: delegates to the district council',
      }),
    ).toBeVisible();
    await expect(page.locator('.elected-list li')).toHaveCount(2);
    await expect(page.getByRole('img', { name: /Votes at stage 1/ })).toBeVisible();
  });
});
