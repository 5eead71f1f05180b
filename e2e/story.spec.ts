import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { CLOCK_URL, expect, expectAccessible, test } from './support/fixtures.js';

/**
 * The whole story of issue 6, as new users would live it, each member in their own
 * browser context: found an organisation (a congress over two base councils), invite
 * members, elect delegates, pass a motion with an amendment in the congress, instruct a
 * delegate, see the breach, petition and recall the delegate, run the by-election, and
 * see the record verified. Phases last days: the e2e server's clock is moved forward
 * (seed-and-serve.ts), as the scheduler would find it. Along the way the main pages are
 * checked with axe-core and photographed at phone and desktop widths.
 */
const ORG = 'dockers-union';
const PASSWORD = 'red flag flying high 1917';
const SHOTS = new URL('../docs/screenshots/', import.meta.url);

interface Person {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

async function person(browser: Browser, baseURL: string, name: string): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${name}: console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${name}: page error: ${e.message}`));
  return { name, context, page, problems };
}

/** Moves the server's clock forward by `days`, processing every deadline passed. */
async function advance(days: number): Promise<void> {
  const answer = await fetch(`${CLOCK_URL}/advance?days=${days}`, { method: 'POST' });
  expect(answer.ok).toBe(true);
  expect(((await answer.json()) as { failed: number }).failed).toBe(0);
}

/** axe at both widths, no sideways scrolling on a phone, and a screenshot at each. */
async function check(page: Page, name: string): Promise<void> {
  const before = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
    await expectAccessible(page, `${name} at ${width} px`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    const wide =
      overflow > 0
        ? await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
              .slice(0, 5)
              .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
          )
        : [];
    expect(
      overflow,
      `${name}: horizontal overflow at ${width} px (${wide.join(', ')})`,
    ).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: fileURLToPath(new URL(`${name}-${width}.png`, SHOTS)),
      fullPage: true,
    });
  }
  await page.setViewportSize(before);
}

async function join(p: Person, link: string, username: string): Promise<void> {
  await p.page.goto(link);
  await p.page.getByLabel('Your name, as members will see it').fill(p.name);
  await p.page.getByLabel('Username').fill(username);
  await p.page.getByLabel('Password').fill(PASSWORD);
  await p.page.getByRole('button', { name: 'Join' }).click();
  await expect(p.page.getByRole('heading', { level: 1, name: 'Dockers Union' })).toBeVisible();
  await expect(p.page.getByText(`You are ${p.name}.`)).toBeVisible();
}

async function invitationLink(page: Page): Promise<string> {
  const field = page.getByLabel('Invitation link');
  const before = (await field.count()) ? await field.inputValue() : '';
  await page.getByRole('button', { name: 'Create an invitation' }).click();
  await expect(field).not.toHaveValue(before);
  return field.inputValue();
}

/** Goes to a council from the organisation's page, as a member would. */
async function openCouncil(page: Page, name: string): Promise<void> {
  await page.goto(`/orgs/${ORG}`);
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** From a council page, the open election of its delegation, or the one its delegate won. */
async function openDelegationElection(page: Page, council: string, won = false): Promise<void> {
  await openCouncil(page, council);
  await page
    .locator('.seat-group', { hasText: 'Our delegates to Congress' })
    .getByRole('link', { name: won ? 'Their election' : /^(Election|By-election):/ })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Delegates of ${council} to Congress` }),
  ).toBeVisible();
}

async function nominateMyself(p: Person, council: string): Promise<void> {
  await openDelegationElection(p.page, council);
  await p.page.getByLabel('Nominate').selectOption({ label: `${p.name} (myself)` });
  await p.page.getByRole('button', { name: 'Nominate', exact: true }).click();
  await expect(p.page.locator('li', { hasText: p.name }).getByText('standing')).toBeVisible();
}

/** Ranks `names` in order with the ballot widget and casts; returns the receipt. */
async function castBallot(p: Person, council: string, names: readonly string[]): Promise<string> {
  await openDelegationElection(p.page, council);
  for (const name of names) {
    await p.page.getByRole('button', { name: new RegExp(`^Rank \\d+: ${name}$`) }).click();
  }
  await p.page.getByRole('button', { name: 'Cast my ballot' }).click();
  const receipt = p.page.getByTestId('receipt');
  await expect(receipt).toHaveText(/^[0-9a-f]{32}$/);
  return ((await receipt.textContent()) ?? '').trim();
}

test('the whole story: founding, delegates, an instructed motion, a breach, a recall, a by-election, the record', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL as string;
  const [ada, ben, cat, dan, eve, fin] = (await Promise.all(
    ['Ada Byron', 'Ben Okafor', 'Cat Ivanova', 'Dan Schmidt', 'Eve García', 'Fin Murphy'].map((n) =>
      person(browser, base, n),
    ),
  )) as [Person, Person, Person, Person, Person, Person];

  // — Ada founds the union: a congress over two base councils. —
  const a = ada.page;
  await a.goto('/');
  await a.getByRole('link', { name: 'Found an organisation' }).first().click();
  await a.getByLabel('Name', { exact: true }).fill('Dockers Union');
  await expect(a.getByLabel('Short name in addresses')).toHaveValue(ORG);
  await a.getByLabel('Name of council 1', { exact: true }).fill('Congress');
  await a.getByLabel('Offices of council 1', { exact: true }).fill('');
  await a.getByLabel('Name of council 1.1').fill('North Branch');
  await a.getByLabel('Offices of council 1.1').fill('');
  await a.getByLabel('Name of council 1.2').fill('South Branch');
  await a.getByLabel('Offices of council 1.2').fill('');
  await a.getByLabel('Your name, as members will see it').fill(ada.name);
  await a.getByLabel('Your base council').selectOption('North Branch');
  await a.getByLabel('Username').fill('ada');
  await a.getByLabel('Password').fill(PASSWORD);
  await check(a, 'found');
  await a.getByRole('button', { name: 'Found the organisation' }).click();
  await expect(a.getByRole('heading', { level: 1, name: 'Dockers Union' })).toBeVisible();

  // — Members join by invitation; Dan moves to South Branch and invites Eve and Fin. —
  for (const [p, user] of [
    [ben, 'ben'],
    [cat, 'cat'],
    [dan, 'dan'],
  ] as const) {
    await join(p, await invitationLink(a), user);
  }
  await dan.page.getByLabel('Base council').selectOption({ label: 'South Branch' });
  await dan.page.getByRole('button', { name: 'Move' }).click();
  await expect(dan.page.getByRole('link', { name: 'South Branch' }).first()).toBeVisible();
  await expect(dan.page.locator('li', { hasText: 'your base council' })).toContainText(
    'South Branch',
  );
  await join(eve, await invitationLink(dan.page), 'eve');
  await join(fin, await invitationLink(dan.page), 'fin');

  // — Nominations for each branch's delegate to the congress. —
  await nominateMyself(ben, 'North Branch');
  await nominateMyself(cat, 'North Branch');
  await nominateMyself(dan, 'South Branch');
  await openDelegationElection(eve.page, 'South Branch');
  await eve.page.getByLabel('Nominate').selectOption({ label: fin.name });
  await eve.page.getByRole('button', { name: 'Nominate', exact: true }).click();
  // Fin is told, and accepts.
  await fin.page.goto(`/orgs/${ORG}`);
  await fin.page.getByRole('link', { name: /^You were nominated/ }).click();
  await fin.page.getByRole('button', { name: 'Accept my nomination' }).click();
  await expect(fin.page.locator('li', { hasText: fin.name }).getByText('standing')).toBeVisible();

  // — A week later voting opens: ranked secret ballots, each with a receipt. —
  await advance(8);
  await openDelegationElection(a, 'North Branch');
  await check(a, 'election-ballot');
  const adaReceipt = await castBallot(ada, 'North Branch', [ben.name, cat.name]);
  await check(a, 'election-receipt');
  await castBallot(ben, 'North Branch', [ben.name]);
  await castBallot(cat, 'North Branch', [cat.name, ben.name]);
  await castBallot(dan, 'South Branch', [dan.name]);
  await castBallot(eve, 'South Branch', [dan.name, fin.name]);
  await castBallot(fin, 'South Branch', [fin.name]);

  // — The count: Ben and Dan are elected; Ada finds her ballot among the published ones. —
  await advance(8);
  await openDelegationElection(a, 'North Branch', true);
  await expect(a.getByText(`Elected: ${ben.name}.`)).toBeVisible();
  await expect(a.getByRole('textbox', { name: 'Receipt' })).toHaveValue(adaReceipt);
  await a.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(a.getByText('Your ballot is among the published ballots')).toBeVisible();
  await expect(a.getByText(`It was counted as cast: ${ben.name} and ${cat.name}.`)).toBeVisible();
  await expect(a.getByRole('heading', { name: 'The count, stage by stage' })).toBeVisible();
  await check(a, 'election-count');

  // — In the congress Ben proposes a motion, Dan seconds and amends it. —
  await openCouncil(ben.page, 'Congress');
  await expect(ben.page.getByText(`${dan.name} (from South Branch)`)).toBeVisible();
  await ben.page.getByLabel('Title').fill('National strike ballot');
  await ben.page.getByLabel('Text').fill('The union holds a national strike ballot in March.');
  await ben.page.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(
    ben.page.getByRole('heading', { level: 1, name: 'National strike ballot' }),
  ).toBeVisible();
  const motionUrl = ben.page.url();
  await dan.page.goto(motionUrl);
  await dan.page.getByRole('button', { name: 'Second this motion' }).click();
  await expect(dan.page.getByText('In debate')).toBeVisible();
  await dan.page
    .getByLabel('Your amendment: the motion’s whole text as it would read')
    .fill('The union holds a national strike ballot in April.');
  await dan.page.getByRole('button', { name: 'Propose the amendment' }).click();
  await expect(
    dan.page.getByRole('heading', { name: `Amendment 1, by ${dan.name}` }),
  ).toBeVisible();

  // — North Branch instructs its delegate: vote yes. —
  await openCouncil(a, 'North Branch');
  await a.getByLabel('Kind of motion').selectOption('instruction');
  await expect(a.getByLabel('Motion of Congress')).toHaveValue(/.+/);
  await a.getByLabel('Our delegates vote').selectOption('yes');
  await a.getByLabel('Title').fill('Our delegate votes yes to the strike ballot');
  await a.getByLabel('Text').fill('North Branch instructs its delegate to vote yes.');
  await a.getByRole('button', { name: 'Propose', exact: true }).click();
  await expect(a.getByText('This instruction binds our delegates to vote yes.')).toBeVisible();
  await cat.page.goto(a.url());
  await cat.page.getByRole('button', { name: 'Second this motion' }).click();
  await expect(cat.page.getByText('In debate')).toBeVisible();

  // — Debate ends: the congress votes on the amendment (open), the branch on the instruction (secret). —
  await advance(8);
  for (const p of [ben, dan]) {
    await p.page.goto(motionUrl);
    await p.page
      .getByRole('group', { name: 'Your vote on amendment 1' })
      .getByRole('button', { name: 'Vote yes' })
      .click();
    await expect(p.page.getByText('You have voted')).toBeVisible();
  }
  for (const p of [ada, cat]) {
    await p.page.goto(a.url());
    await p.page.getByRole('button', { name: 'Vote yes' }).click();
    await expect(p.page.getByTestId('receipt')).toBeVisible();
  }

  // — The amendment is adopted and the motion goes to the vote; Ben abstains against his instruction. —
  await advance(8);
  await ben.page.goto(motionUrl);
  await expect(ben.page.locator('.motion-text').first()).toHaveText(
    'The union holds a national strike ballot in April.',
  );
  await expect(ben.page.getByText('Adopted')).toBeVisible();
  await ben.page
    .getByRole('group', { name: 'Your vote on the motion' })
    .getByRole('button', { name: 'Vote abstain' })
    .click();
  await expect(ben.page.getByText('You have voted')).toBeVisible();
  await dan.page.goto(motionUrl);
  await dan.page
    .getByRole('group', { name: 'Your vote on the motion' })
    .getByRole('button', { name: 'Vote yes' })
    .click();
  // Votes among delegates are open: each delegate's vote, by name.
  const votes = dan.page.getByRole('table', { name: 'How each delegate voted' }).last();
  await expect(votes).toContainText(`${ben.name}abstain`);
  await expect(votes).toContainText(`${dan.name}yes`);
  await expect(
    dan.page.getByText(
      `${ben.name} voted abstain on “National strike ballot”, instructed to vote yes.`,
    ),
  ).toBeVisible();
  await check(dan.page, 'motion');

  // — North Branch is told of the breach, and Ada opens a recall citing it; Cat signs. —
  await a.goto(`/orgs/${ORG}`);
  await expect(a.getByText(/^Our delegate broke our instruction/)).toBeVisible();
  await check(a, 'organisation');
  await openCouncil(a, 'North Branch');
  await expect(
    a.getByText(`${ben.name} voted abstain on “National strike ballot”, instructed to vote yes.`),
  ).toBeVisible();
  await check(a, 'council');
  await a.getByRole('button', { name: `Open a recall of ${ben.name} citing this breach` }).click();
  await a.getByLabel('Reason').fill('Our delegate broke our instruction on the strike ballot.');
  await expect(a.getByRole('checkbox')).toBeChecked();
  await a.getByRole('button', { name: 'Open the petition' }).click();
  await expect(a.getByRole('heading', { level: 1, name: /^Recall of Ben Okafor/ })).toBeVisible();
  const progress = a.getByRole('progressbar', { name: 'Signatures' });
  await expect(progress).toHaveAttribute('value', '1');
  await expect(progress).toHaveAttribute('max', '2');
  await expect(a.locator('.meter__text')).toHaveText('1 of the 2 signatures needed');
  const recallUrl = a.url();
  await ben.page.goto(`/orgs/${ORG}`);
  await expect(ben.page.getByText(/^A recall petition against you/)).toBeVisible();
  await cat.page.goto(recallUrl);
  await cat.page.getByRole('button', { name: 'Sign the petition' }).click();
  await expect(cat.page.getByText('Recall vote', { exact: true })).toBeVisible();
  await cat.page.getByRole('button', { name: 'Vote recall' }).click();
  await expect(cat.page.getByTestId('receipt')).toBeVisible();
  await a.goto(recallUrl);
  await a.getByRole('button', { name: 'Vote recall' }).click();
  await expect(a.getByTestId('receipt')).toBeVisible();
  await check(a, 'recall');

  // — A week on: the motion has passed as amended, and Ben is recalled; the by-election opens. —
  await advance(8);
  await dan.page.goto(motionUrl);
  await expect(dan.page.getByText('The motion passed')).toBeVisible();
  await a.goto(recallUrl);
  await expect(a.getByText(`${ben.name} is recalled: a by-election opens.`)).toBeVisible();
  await nominateMyself(cat, 'North Branch');
  await expect(cat.page.getByText('By-election')).toBeVisible();
  await advance(8);
  await castBallot(ada, 'North Branch', [cat.name]);
  await castBallot(cat, 'North Branch', [cat.name]);
  await advance(8);
  await openDelegationElection(a, 'North Branch', true);
  await expect(a.getByText(`Elected: ${cat.name}.`)).toBeVisible();
  await openCouncil(a, 'Congress');
  await expect(a.getByText(`${cat.name} (from North Branch)`)).toBeVisible();

  // — The record: its key taken on first use, the checkpoint and the latest events verified. —
  await a.goto(`/orgs/${ORG}`);
  await a.getByRole('link', { name: 'Verify the record' }).click();
  await expect(a.getByText('The record is verified')).toBeVisible();
  await check(a, 'org-record');
  await a.reload();
  await expect(a.getByText('Same key as the one this browser remembered')).toBeVisible();
  await expect(a.getByText('The record is verified')).toBeVisible();

  // — Ada changes her password, logs out, and logs in again with the new one. —
  await a.goto('/account');
  await expect(a.getByRole('heading', { name: 'My personal data' })).toBeVisible();
  await check(a, 'account');
  await a.getByLabel('Current password').fill(PASSWORD);
  await a.getByLabel('New password').fill('all power to the councils 1905');
  await a.getByRole('button', { name: 'Change password' }).click();
  await expect(a.getByText('Your password is changed.', { exact: false })).toBeVisible();
  await a.getByRole('button', { name: 'Log out', exact: true }).click();
  await a.getByRole('link', { name: 'Log in' }).click();
  await a.getByLabel('Username').fill('ada');
  await a.getByLabel('Password').fill(PASSWORD);
  await a.getByRole('button', { name: 'Log in' }).last().click();
  await expect(a.getByRole('alert')).toContainText('The username or the password is wrong.');
  await a.getByLabel('Password').fill('all power to the councils 1905');
  await a.getByRole('button', { name: 'Log in' }).last().click();
  await expect(a.getByRole('heading', { level: 1, name: 'Dockers Union' })).toBeVisible();

  // — Nobody is published: the whole log, read as a member, names no one (record.md). —
  const everyone = [ada, ben, cat, dan, eve, fin];
  const record = await a.request.get(`/api/v1/orgs/${ORG}/record?from=0&limit=1000`);
  expect(record.status()).toBe(200);
  const { size } = (await record.json()) as { size: number };
  let log = '';
  for (let n = 0; n * 256 < size; n++) {
    const width = Math.min(256, size - n * 256);
    const path = `${String(n).padStart(3, '0')}${width < 256 ? `.p/${width}` : ''}`;
    const bundle = await a.request.get(`/api/v1/orgs/${ORG}/log/tile/entries/${path}`);
    expect(bundle.status()).toBe(200);
    log += (await bundle.body()).toString('utf8');
  }
  expect(log).toContain('nameCommitment');
  for (const p of everyone)
    for (const word of [p.name, p.name.split(' ')[1] as string])
      expect(log, p.name).not.toContain(word);
  // The record is kept to members (the default): a visitor gets the checkpoint only.
  const visitor = await browser.newContext({ baseURL: base });
  expect((await visitor.request.get(`/api/v1/orgs/${ORG}/log/tile/entries/000.p/1`)).status()).toBe(
    401,
  );
  expect((await visitor.request.get(`/api/v1/orgs/${ORG}/log/checkpoint`)).status()).toBe(200);
  await visitor.close();

  const problems = everyone.flatMap((p) => p.problems);
  // The wrong password above is refused with 401, which Chromium logs.
  expect(problems.filter((p) => !/401 \(Unauthorized\)/.test(p))).toEqual([]);
  await Promise.all(everyone.map((p) => p.context.close()));
});
