import type { Static } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/accounts.js';
import { ledgerCsv, officeKey } from '../../src/democracy/index.js';
import { buildApp } from '../../src/server/build-app.js';
import type {
  BudgetRoundViewSchema,
  LedgerEntryViewSchema,
  LedgerViewSchema,
  PublishedBudgetBallotSchema,
  TreasuryViewSchema,
} from '../../src/server/schemas/treasury-views.js';
import {
  type BudgetRoundView,
  createSovietService,
  createTreasuryService,
  type LedgerEntryView,
  type LedgerView,
  type PublishedBudgetBallotView,
  type SovietService,
  type TreasuryService,
  type TreasuryView,
} from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestStore } from '../support/test-store.js';
import { FakeClock, PASSWORD, TEST_SECURITY } from './api-world.js';

/**
 * The treasury's read routes (server/routes/treasury-view-routes.ts): every member reads
 * the ledgers, entries, CSV export, authorisations and budget rounds; the answers are
 * the service's views field for field; outsiders and anonymous callers are refused.
 */

type Plain<T> = T extends readonly (infer E)[]
  ? Plain<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Plain<T[K]> }
    : T;
type Same<A, B> = [Plain<A>] extends [Plain<B>]
  ? [Plain<B>] extends [Plain<A>]
    ? true
    : false
  : false;

/** Compile time: each response schema's type is its view's type (tsc fails otherwise). */
const typesAgree: [
  Same<Static<typeof TreasuryViewSchema>, TreasuryView>,
  Same<Static<typeof LedgerViewSchema>, LedgerView>,
  Same<Static<typeof LedgerEntryViewSchema>, LedgerEntryView>,
  Same<Static<typeof BudgetRoundViewSchema>, BudgetRoundView>,
  Same<Static<typeof PublishedBudgetBallotSchema>, PublishedBudgetBallotView>,
] = [true, true, true, true, true];

const org = 'till';
let handle: TestStore<unknown, unknown, unknown>;
let app: FastifyInstance;
let service: SovietService;
let treasury: TreasuryService;
let branchId: string;
let roundId: string;
let memberCookie: string;
let outsiderCookie: string;

beforeAll(async () => {
  handle = (await openTestStore({ domain: democracyDomain, migrations })) as never;
  const store = handle.store as DemocracyStore;
  const clock = new FakeClock();
  service = createSovietService({ store, clock: clock.read });
  treasury = createTreasuryService({ store });
  app = await buildApp({ store, clock: clock.read, service, security: TEST_SECURITY });
  await app.ready();

  const founded = await service.foundOrganisation({
    name: 'Till',
    slug: org,
    founderName: 'Ann',
    founderCouncil: 'Branch',
    councils: { name: 'Congress', children: [{ name: 'Branch' }] },
  });
  const ann = founded.founderId;
  const members = [ann];
  for (const name of ['Bob', 'Cat', 'Dan']) {
    const { invitation } = await service.execute(org, ann, { kind: 'InviteMember' });
    const joined = await service.execute(org, null, {
      kind: 'JoinWithInvitation',
      token: invitation?.token as string,
      name,
    });
    members.push(joined.memberId as string);
  }
  const other = await service.foundOrganisation({
    name: 'Other',
    slug: 'elsewhere',
    founderName: 'Oscar',
    founderCouncil: 'Yard',
    councils: { name: 'Assembly', children: [{ name: 'Yard' }] },
  });
  let state = await service.state(org);
  branchId = state.members.get(ann)?.councilId as string;
  const tick = async (at: number) => {
    clock.now = at;
    await service.tick();
  };
  const electionId = state.groups.get(officeKey(branchId, 'treasurer'))
    ?.regularElectionId as string;
  await service.execute(org, ann, { kind: 'Nominate', electionId, candidateId: ann });
  await tick((await service.electionView(org, electionId)).votingCloseAt);
  await service.execute(org, ann, { kind: 'OpenLedger', councilId: branchId, currency: 'EUR' });
  await service.execute(org, ann, {
    kind: 'RecordIncome',
    councilId: branchId,
    amount: 9_000,
    source: 'Dues',
  });
  const proposed = await service.execute(org, members[1] as string, {
    kind: 'ProposeMotion',
    councilId: branchId,
    title: 'Budget',
    text: 'A small budget.',
    body: { kind: 'budget', amount: 5_000, currency: 'EUR', voteType: 'approval' },
  });
  const motionId = proposed.motionId as string;
  await service.execute(org, members[2] as string, { kind: 'SecondMotion', motionId });
  await tick((await service.motionView(org, motionId)).debateClosesAt as number);
  for (const v of members)
    await service.execute(org, v, { kind: 'CastMotionVote', motionId, choice: 'yes' });
  await tick((await service.motionView(org, motionId)).voteClosesAt as number);
  state = await service.state(org);
  const round = [...state.treasury.rounds.values()][0];
  roundId = round?.id as string;
  const p = await service.execute(org, members[3] as string, {
    kind: 'ProposeProject',
    roundId,
    title: 'Kettle',
    description: 'For the break room.',
    cost: 3_000,
    payee: 'Kettle shop',
  });
  const projectId = p.events.find((e) => e.kind === 'ProjectProposed') as { projectId: string };
  await tick(round?.proposalsCloseAt as number);
  for (const v of members)
    await service.execute(org, v, {
      kind: 'CastBudgetBallot',
      roundId,
      projects: [projectId.projectId],
    });
  await tick(round?.votingCloseAt as number);
  await service.execute(org, ann, {
    kind: 'MakePayment',
    authorisationId: projectId.projectId,
    amount: 3_000,
  });

  const accounts = new Accounts({ db: store.db, clock: clock.read });
  const cookieOf = async (username: string, slug: string, memberId: string) => {
    const account = await accounts.register(username, PASSWORD);
    await accounts.linkMember(account.id, (await store.organisation(slug)).id, memberId);
    const session = await accounts.openSession(account.id);
    return `soviet_session=${session.token}`;
  };
  memberCookie = await cookieOf('cat', org, members[2] as string);
  outsiderCookie = await cookieOf('oscar', 'elsewhere', other.founderId);
}, 300_000);
afterAll(async () => {
  await app?.close();
  await handle?.dispose();
});

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

describe('the treasury’s read routes', () => {
  it('have response schemas of the same type as the views they answer', () => {
    expect(typesAgree).toEqual([true, true, true, true, true]);
  });

  it('answer every member with the views, field for field', async () => {
    const base = `/api/v1/orgs/${org}`;
    const answer = async (url: string) => {
      const res = await get(url, memberCookie);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res;
    };
    expect((await answer(`${base}/treasury`)).json()).toEqual(
      plain(await treasury.treasuryView(org)),
    );
    const ledger = (await answer(`${base}/councils/${branchId}/ledger`)).json() as LedgerView;
    expect(ledger).toEqual(plain(await treasury.ledgerView(org, branchId)));
    expect(ledger.accounts.find((a) => a.code === 'cash')?.balance).toBe(6_000);
    const entries = (
      await answer(`${base}/councils/${branchId}/ledger/entries?limit=1&offset=1`)
    ).json();
    expect(entries).toEqual(
      plain((await treasury.ledgerEntries(org, { councilId: branchId })).slice(1, 2)),
    );
    const csv = await answer(`${base}/councils/${branchId}/ledger.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toBe(ledgerCsv(await treasury.ledgerEntries(org, { councilId: branchId })));
    expect(csv.body.split('\r\n')).toHaveLength(1 + 4 + 1);
    expect(csv.body).toBe(await treasury.ledgerCsv(org, branchId));
    expect((await answer(`${base}/treasury/ledger.csv`)).body).toBe(await treasury.ledgerCsv(org));
    const round = (await answer(`${base}/budget-rounds/${roundId}`)).json() as BudgetRoundView;
    expect(round).toEqual(plain(await treasury.budgetRoundView(org, roundId)));
    expect(round).toMatchObject({ phase: 'closed', cast: 4, spent: 3_000 });
    const ballots = (await answer(`${base}/budget-rounds/${roundId}/ballots`)).json();
    expect(ballots).toEqual(plain(await treasury.budgetBallots(org, roundId)));
    expect(ballots).toHaveLength(4);
  });

  it('refuse outsiders and anonymous callers, and name what is missing', async () => {
    const url = `/api/v1/orgs/${org}/councils/${branchId}/ledger`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, outsiderCookie)).statusCode).toBe(403);
    const missing = await get(`/api/v1/orgs/${org}/councils/c99/ledger`, memberCookie);
    expect(missing.statusCode).toBe(409);
    expect(missing.json().error.code).toBe('LEDGER_NOT_OPEN');
    const round = await get(`/api/v1/orgs/${org}/budget-rounds/pb9`, memberCookie);
    expect(round.statusCode).toBe(404);
    expect(round.json().error.code).toBe('ROUND_UNKNOWN');
    const bad = await get(
      `/api/v1/orgs/${org}/councils/${branchId}/ledger/entries?limit=5000`,
      memberCookie,
    );
    expect(bad.statusCode).toBe(400);
  });
});
