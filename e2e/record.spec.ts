import { generateNoteKey } from '../src/record/note-key.js';
import { expect, expectAccessible, ORG, orgVkey, test } from './support/fixtures.js';
import { forgedLog } from './support/forged-log.js';

test.describe('verifying an organisation’s record in the browser', () => {
  test('verifies the real server’s checkpoint and every latest event, then its growth', async ({
    page,
  }) => {
    await page.goto('/record');
    await page.getByLabel('Organisation').fill(ORG);
    await page.getByLabel('Public key (vkey)').fill(orgVkey());
    await page.getByRole('button', { name: 'Verify' }).click();

    await expect(page.getByText('The record is verified')).toBeVisible();
    await expect(
      page.getByText(/each of the 20 latest events is proven to be in the log/),
    ).toBeVisible();
    await expect(page.locator('.event-card')).toHaveCount(20);
    await expect(page.locator('.event-card .badge--ok')).toHaveCount(20);
    await expect(page.getByText('First check from this browser')).toBeVisible();
    await expect(page.locator('.dl').first()).toContainText(`soviet.localhost/${ORG}`);

    // A second visit proves the log unchanged since the remembered checkpoint; a link
    // with the org alone verifies at once with the remembered key.
    await page.goto(`/record?org=${ORG}`);
    await page.reload();
    await expect(page.getByText('The record is verified')).toBeVisible();
    await expect(page.getByText(/Unchanged since your last check on/)).toBeVisible();
  });

  test('refuses a key that did not sign the checkpoint, and warns that it changed', async ({
    page,
  }) => {
    const real = orgVkey();
    await page.goto(`/record?org=${ORG}&vkey=${encodeURIComponent(real)}`);
    await expect(page.getByText('The record is verified')).toBeVisible();
    // Another key under the same name: a valid key, but the checkpoint is not signed by it.
    const [name = ''] = real.split('+');
    const forged = generateNoteKey(name, new Uint8Array(32).fill(9)).vkey;
    await page.getByLabel('Public key (vkey)').fill(forged);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect(
      page.getByRole('alert').filter({ hasText: 'The record does not verify' }),
    ).toBeVisible();
    await expect(
      page.getByRole('alert').filter({ hasText: 'differs from the one this browser remembered' }),
    ).toBeVisible();
  });

  test('explains an unknown organisation in the member’s language', async ({
    page,
    consoleGuard,
  }) => {
    consoleGuard.allow(/404 \(Not Found\)/);
    await page.goto('/record');
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Organización').fill('no-such-org');
    await page.getByLabel('Clave pública (vkey)').fill(orgVkey());
    await page.getByRole('button', { name: 'Verificar' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('El registro no se puede verificar');
    // The server sends the English sentence; its value is carried into the Spanish one.
    await expect(alert).toContainText('No existe ninguna organización llamada «no-such-org».');
  });
});

test.describe('recounting an organisation’s record in the browser', () => {
  test('finds every decision of the real server’s record, at 360 px, in any language', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/record?org=${ORG}&vkey=${encodeURIComponent(orgVkey())}`);
    await expect(page.getByText('The record is verified')).toBeVisible();
    await page.getByRole('button', { name: 'Recount every decision' }).click();
    const clean = page.getByRole('status').filter({ hasText: 'Every result matches the ballots' });
    await expect(clean).toBeVisible();
    await expect(clean.getByText('Entries recounted')).toBeVisible();
    await expect(clean.getByText('Elections counted')).toBeVisible();
    // Nothing wider than a phone, and nothing an assistive technology would stumble on.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectAccessible(page, 'the recount of a record');

    await page.getByLabel('Language').selectOption('ru');
    await page.getByRole('button', { name: 'Пересчитать снова' }).click();
    await expect(page.getByText('Каждый результат совпадает с бюллетенями')).toBeVisible();
  });

  test('names the election whose count an operator rewrote and signed again', async ({ page }) => {
    const forged = forgedLog();
    await forged.serve(page);
    await page.goto(`/record?org=${forged.org}&vkey=${encodeURIComponent(forged.vkey)}`);
    // The signature holds: the operator signed the rewritten log with their own key.
    await expect(page.getByText('The record is verified')).toBeVisible();
    await page.getByRole('button', { name: 'Recount every decision' }).click();
    const alert = page
      .getByRole('alert')
      .filter({ hasText: 'The recount does not match the record' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(
      `Entry ${forged.seq} (ElectionCounted), election ${forged.electionId}: elected[0]: the record says "${forged.recorded}", the rules give "${forged.elected}".`,
    );
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await expectAccessible(page, 'a recount that finds a rewritten count');
  });
});
