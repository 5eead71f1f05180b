import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBlt } from '../src/counting/blt-format.js';
import { countElection } from '../src/counting/count-election.js';
import { DATASETS, expect, test } from './support/fixtures.js';

const WARD = 'aberdeen_2017_ward1.blt';
const wardPath = fileURLToPath(new URL(`elections/scotland-2017-wards/blt/${WARD}`, DATASETS));

test.describe('counting a ballot file in the browser', () => {
  test('counts a real Scottish ward stage by stage, as the counting module does', async ({
    page,
  }) => {
    // The expected result, computed in Node by the counting module itself: the browser
    // must reach the same result with its own build (its lots are drawn by @noble).
    const profile = parseBlt(readFileSync(wardPath));
    const report = countElection(profile);
    const names = (ids: readonly string[]) =>
      ids.map((id) => profile.candidates.find((c) => c.id === id)?.name ?? id);

    await page.goto('/count');
    await page.getByLabel('Ballot file').setInputFiles(wardPath);
    await page.getByRole('button', { name: 'Count', exact: true }).click();

    await expect(page.getByRole('heading', { name: `Result: ${profile.title}` })).toBeVisible();
    await expect(page.locator('.elected-list li')).toHaveText(names(report.elected));
    await expect(
      page.getByText(`${profile.title}: ${profile.candidates.length} candidates`),
    ).toBeVisible();

    // Stage 1 first; walk every stage with "Next", checking the heading and the table.
    const stages = report.stages.length;
    await expect(page.getByRole('heading', { name: `Stage 1 of ${stages}` })).toBeVisible();
    for (let s = 2; s <= stages; s++) {
      await page.getByRole('button', { name: 'Next' }).click();
      await expect(page.getByRole('heading', { name: `Stage ${s} of ${stages}` })).toBeVisible();
    }
    // The last stage's table: every candidate's votes after the stage, exactly.
    const last = report.stages[stages - 1];
    if (!last) throw new Error('no stages');
    const table = page.getByRole('table', { name: `Figures at stage ${stages}` });
    for (const [i, candidate] of profile.candidates.entries()) {
      const row = table.getByRole('row', { name: new RegExp(`^${escapeRegExp(candidate.name)}`) });
      const after = formatUnits(last.votes[i] ?? 0, report.scale);
      await expect(row.getByRole('cell').nth(2)).toHaveText(after);
    }
    await expect(
      page.getByRole('img', { name: new RegExp(`Votes at stage ${stages}`) }),
    ).toBeVisible();

    // The chosen stage can also be picked from the menu.
    await page.getByLabel('Stage', { exact: true }).selectOption({ index: 0 });
    await expect(page.getByRole('heading', { name: `Stage 1 of ${stages}` })).toBeVisible();

    // The whole result sheet is there too, and the report can be downloaded.
    await expect(page.getByRole('region', { name: 'Every stage' })).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download the report (JSON)' }).click();
    const file = await (await download).path();
    const downloaded = JSON.parse(readFileSync(file, 'utf8'));
    expect(downloaded.elected).toEqual(report.elected);
  });

  test('counts with another method and seat number when asked', async ({ page }) => {
    const profile = parseBlt(readFileSync(wardPath));
    const report = countElection(profile, { method: 'meek', seats: 2, seed: 'x' });
    await page.goto('/count');
    await page.getByLabel('Ballot file').setInputFiles(wardPath);
    await page.getByLabel('Counting method').selectOption('meek');
    await page.getByLabel('Seats to fill').fill('2');
    await page.getByLabel('Seed for ties left to lot').fill('x');
    await page.getByRole('button', { name: 'Count', exact: true }).click();
    await expect(page.locator('.count dl')).toContainText('Single transferable vote (Meek)');
    await expect(page.locator('.elected-list li')).toHaveCount(2);
    await expect(page.locator('.elected-list li')).toHaveText(
      report.elected.map((id) => profile.candidates.find((c) => c.id === id)?.name ?? id),
    );
  });

  test('says which line of a broken file is wrong, in the chosen language', async ({ page }) => {
    await page.goto('/count');
    await page.getByLabel('Language').selectOption('de');
    await page.getByLabel('Stimmzetteldatei').setInputFiles({
      name: 'broken.blt',
      mimeType: 'text/plain',
      buffer: Buffer.from('3 1\n4 1 2 0\n2 1 x 0\n0\n"A"\n"B"\n"C"\n"T"\n'),
    });
    await page.getByRole('button', { name: 'Auszählen' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Diese Datei kann nicht ausgezählt werden');
    await expect(alert).toContainText('Zeile 3 der Stimmzetteldatei ist kein gültiger Stimmzettel');
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The figure as the page prints it in English: exact, trailing zeros dropped. */
function formatUnits(units: number, scale: number): string {
  const whole = Math.floor(units / scale);
  const digits = String(scale).length - 1;
  const fraction = String(units - whole * scale)
    .padStart(digits, '0')
    .replace(/0+$/, '');
  const wholeText = whole.toLocaleString('en');
  return scale === 1 || !fraction ? wholeText : `${wholeText}.${fraction}`;
}
