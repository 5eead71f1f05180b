import { expect, test } from './support/fixtures.js';

test.describe('navigation', () => {
  test('links change the page in place, the back button returns, and focus moves to the page', async ({
    page,
  }) => {
    await page.goto('/');
    // A marker on window survives in-place navigation but not a reload.
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Count ballots' }).click();
    await expect(page).toHaveURL(/\/count$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Count a ballot file');
    await expect(nav.getByRole('link', { name: 'Count ballots' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.locator('main')).toBeFocused();
    await expect(page).toHaveTitle('Count ballots · Soviet');
    await page.getByRole('link', { name: 'Soviet' }).click();
    await page.getByRole('link', { name: 'Verify a record' }).last().click();
    await expect(page).toHaveURL(/\/record$/);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Council democracy you can check',
    );
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Count a ballot file');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  test('a shared link opens its page directly, and an unknown one says so', async ({ page }) => {
    await page.goto('/practice');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Practise a ranked ballot');
    await page.goto('/no/such/page');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  test('the skip link takes keyboard users past the header', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});
