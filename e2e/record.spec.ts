import { generateNoteKey } from '../src/record/note-key.js';
import { expect, ORG, orgVkey, test } from './support/fixtures.js';

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
