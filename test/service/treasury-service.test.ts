import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  balanceOf,
  type DemocracyEvent,
  ledgerCsv,
  ledgerEntriesOf,
  type MotionBody,
  officeKey,
  publicPart,
} from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { createSovietService, createTreasuryService } from '../../src/service/index.js';
import { checkPrivateParts } from '../../src/service/private-parts-check.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { fsck } from '../../src/store/fsck.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open-store.js';
import { readLoggedEnvelopes } from '../../src/store/read-events.js';
import { createTestTarget, type TestTarget } from '../support/test-store.js';
import { branchWithMembers, FakeClock } from './service-world.js';

/**
 * The treasury and a participatory budget through the service on a real store (PGlite,
 * or PostgreSQL with DATABASE_URL): the projections agree with the state and with the
 * log, `soviet fsck` rebuilds them equal, budget ballots keep their private parts, and
 * `soviet ledger` prints the books and exports them as CSV.
 */
const org = 'books';
let target: TestTarget;
let flags: string[];
/** The public events of the log, read back from the store after the scenario. */
let events: DemocracyEvent[];
let receipts: string[];
let roundId: string;
let branchId: string;
let treasurer: string;

async function refusal(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SovietError);
  return (error as SovietError).code;
}

beforeAll(async () => {
  target = await createTestTarget(migrations);
  const store = await openStore(target.config, {
    domain: democracyDomain,
    ...(target.template ? { template: target.template } : {}),
  });
  const clock = new FakeClock();
  const service = createSovietService({ store, clock: clock.read });
  const made = await branchWithMembers(service, org, 10);
  const members = made.members;
  branchId = made.branchId;
  const tick = async (at: number) => {
    clock.now = at;
    await service.tick();
  };
  // The branch elects its treasurer.
  let state = await service.state(org);
  const electionId = state.groups.get(officeKey(branchId, 'treasurer'))
    ?.regularElectionId as string;
  treasurer = members[1] as string;
  await service.execute(org, treasurer, { kind: 'Nominate', electionId, candidateId: treasurer });
  await tick((await service.electionView(org, electionId)).nominationsCloseAt);
  for (const v of members)
    await service.execute(org, v, { kind: 'CastBallot', electionId, ranking: [treasurer] });
  await tick((await service.electionView(org, electionId)).votingCloseAt);

  const pass = async (body: MotionBody) => {
    const proposed = await service.execute(org, members[2] as string, {
      kind: 'ProposeMotion',
      councilId: branchId,
      title: body.kind === 'budget' ? 'Our budget' : 'Banner',
      text: 'The branch resolves.',
      body,
    });
    const motionId = proposed.motionId as string;
    await service.execute(org, members[3] as string, { kind: 'SecondMotion', motionId });
    await tick((await service.motionView(org, motionId)).debateClosesAt as number);
    for (const v of members)
      await service.execute(org, v, { kind: 'CastMotionVote', motionId, choice: 'yes' });
    await tick((await service.motionView(org, motionId)).voteClosesAt as number);
    return motionId;
  };

  await service.execute(org, treasurer, {
    kind: 'OpenLedger',
    councilId: branchId,
    currency: 'EUR',
  });
  await service.execute(org, treasurer, {
    kind: 'AddLedgerAccount',
    councilId: branchId,
    code: 'bank',
    name: 'Bank account',
    accountType: 'asset',
  });
  await service.execute(org, treasurer, {
    kind: 'RecordIncome',
    councilId: branchId,
    amount: 250_000,
    source: 'Dues, January',
    into: 'bank',
  });
  await service.execute(org, treasurer, {
    kind: 'RecordTransfer',
    councilId: branchId,
    amount: 100_000,
    from: 'bank',
    to: 'cash',
    memo: 'Cash for the stall',
  });
  const banner = await pass({
    kind: 'spending',
    amount: 40_000,
    currency: 'EUR',
    payee: 'Sign painter',
    purpose: 'A banner',
  });
  await service.execute(org, treasurer, {
    kind: 'MakePayment',
    authorisationId: banner,
    amount: 25_000,
  });

  // A participatory budget: three projects, ten secret ballots.
  await pass({ kind: 'budget', amount: 120_000, currency: 'EUR', voteType: 'approval' });
  state = await service.state(org);
  const round = [...state.treasury.rounds.values()][0];
  roundId = round?.id as string;
  const projects: string[] = [];
  for (const [i, cost] of [70_000, 50_000, 60_000].entries()) {
    const result = await service.execute(org, members[i] as string, {
      kind: 'ProposeProject',
      roundId,
      title: `Project ${i + 1}`,
      description: 'For the branch.',
      cost,
      payee: `Team ${i + 1}`,
    });
    const e = result.events.find((x) => x.kind === 'ProjectProposed');
    projects.push(e?.kind === 'ProjectProposed' ? e.projectId : '');
  }
  await tick(round?.proposalsCloseAt as number);
  receipts = [];
  for (const [i, v] of members.entries()) {
    const cast = await service.execute(org, v, {
      kind: 'CastBudgetBallot',
      roundId,
      projects: i < 6 ? [projects[0] as string] : [projects[1] as string, projects[2] as string],
    });
    expect(cast.receipt).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.stringify(cast.events)).not.toContain(`"${v}"`);
    receipts.push(cast.receipt as string);
  }
  await tick(round?.votingCloseAt as number);
  await service.execute(org, treasurer, {
    kind: 'MakePayment',
    authorisationId: projects[0] as string,
    amount: 70_000,
    from: 'bank',
  });

  const orgRow = await store.organisation(org);
  const head = await store.head(org);
  events = [];
  for await (const chunk of readLoggedEnvelopes(store.db, orgRow.id, 0, head.size))
    for (const logged of chunk) events.push(publicPart(democracyDomain.revive(logged)));
  await store.close();
  flags = [
    '--data',
    target.config.dataDir,
    ...(target.config.databaseUrl ? ['--database-url', target.config.databaseUrl] : []),
  ];
}, 300_000);
afterAll(async () => target?.drop());

async function withStore<T>(work: (store: DemocracyStore) => Promise<T>): Promise<T> {
  const store: DemocracyStore = await openStore(target.config, { domain: democracyDomain });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

describe('the treasury on a real store', () => {
  it('the projected balances are the state’s and the log’s; the CSV from the tables is the CSV from the log', async () => {
    await withStore(async (store) => {
      const treasury = createTreasuryService({ store });
      const state = await store.state(org);
      const view = await treasury.ledgerView(org, branchId);
      expect(view.currency).toBe('EUR');
      expect(view.treasurer?.id).toBe(treasurer);
      const live = state.treasury.ledgers.get(branchId);
      expect(view.entries).toBe(4);
      expect(live?.entries).toBe(4);
      for (const a of view.accounts)
        expect(a.balance).toBe(
          balanceOf(live?.accounts.get(a.code) ?? { type: 'asset', debits: 0, credits: 1 }),
        );
      expect(Object.fromEntries(view.accounts.map((a) => [a.code, a.balance]))).toMatchObject({
        bank: 80_000,
        cash: 75_000,
        income: 250_000,
        expenses: 95_000,
      });
      expect(view.totals.debits).toBe(view.totals.credits);

      const entries = await treasury.ledgerEntries(org);
      expect(entries.map((e) => e.kind)).toEqual(['income', 'transfer', 'payment', 'payment']);
      // Each entry names the log position of its event.
      for (const e of entries) expect(events[e.seq]).toMatchObject({ entryId: e.entryId });
      expect(await treasury.ledgerCsv(org)).toBe(ledgerCsv(ledgerEntriesOf(events)));
      expect(await treasury.ledgerCsv(org, branchId)).toBe(
        ledgerCsv(ledgerEntriesOf(events, { councilId: branchId })),
      );

      const auths = await treasury.authorisations(org);
      expect(auths.map((a) => [a.decision.kind, a.amount, a.paid, a.remaining])).toEqual([
        ['motion', 40_000, 25_000, 15_000],
        ['budget', 70_000, 70_000, 0],
        ['budget', 50_000, 0, 50_000],
      ]);
      expect(await refusal(treasury.ledgerView(org, 'c99'))).toBe('LEDGER_NOT_OPEN');
    });
  });

  it('the round’s view shows the projects, the result and the published ballots by receipt', async () => {
    await withStore(async (store) => {
      const treasury = createTreasuryService({ store });
      const round = await treasury.budgetRoundView(org, roundId);
      expect(round).toMatchObject({ phase: 'closed', cast: 10, rollSize: 10, spent: 120_000 });
      expect(round.projects.map((p) => [p.votes, p.funded])).toEqual([
        [6, true],
        [4, true],
        [4, false],
      ]);
      const ballots = await treasury.budgetBallots(org, roundId);
      expect(ballots.map((b) => b.receipt)).toEqual([...receipts].sort());
      const view = await treasury.treasuryView(org);
      expect(view.rounds.map((r) => r.id)).toEqual([roundId]);
      expect(await refusal(treasury.budgetRoundView(org, 'pb9'))).toBe('ROUND_UNKNOWN');
    });
  });

  it('fsck rebuilds every treasury projection from the log; budget ballots keep their private parts', async () => {
    await withStore(async (store) => {
      const report = await fsck(store, org);
      expect(report.orgs[0]?.problems).toEqual([]);
      expect(await checkPrivateParts(store, org)).toEqual([]);
      // A balance that does not follow from the entries is named.
      const { id } = await store.organisation(org);
      const shift = (by: number) =>
        sql`update ledger_accounts set balance = balance + ${by} where org_id = ${id} and code = 'cash'`.execute(
          store.db,
        );
      await shift(1);
      const damaged = await fsck(store, org);
      expect(damaged.orgs[0]?.problems.join('\n')).toContain('projection ledger_accounts');
      await shift(-1);
      expect((await fsck(store, org)).orgs[0]?.problems).toEqual([]);
    });
  });
});

describe('soviet ledger', () => {
  let out: MockInstance<typeof process.stdout.write>;
  let err: MockInstance<typeof process.stderr.write>;
  const printed = (spy: MockInstance<typeof process.stdout.write>) =>
    spy.mock.calls.map((c) => String(c[0])).join('');
  beforeAll(() => {
    out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterAll(() => {
    out.mockRestore();
    err.mockRestore();
  });

  it('prints each ledger’s balances and authorisations, and exports the entries as CSV', async () => {
    out.mockClear();
    expect(await main([...flags, 'ledger', org])).toBe(0);
    const text = printed(out);
    expect(text).toContain('EUR, 4 entries, treasurer');
    expect(text).toMatch(/ {2}bank +asset +2500\.00 +1700\.00 +800\.00/);
    expect(text).toContain('Sign painter: 250.00 paid of 400.00, 150.00 left');
    out.mockClear();
    expect(await main([...flags, 'ledger', org, '--csv'])).toBe(0);
    expect(printed(out)).toBe(ledgerCsv(ledgerEntriesOf(events)));
    out.mockClear();
    expect(await main([...flags, 'ledger', org, '--council', branchId, '--csv'])).toBe(0);
    expect(printed(out).split('\r\n')).toHaveLength(1 + 8 + 1);
    err.mockClear();
    expect(await main([...flags, 'ledger', org, '--council', 'c99'])).toBe(1);
    expect(printed(err)).toContain('soviet: LEDGER_NOT_OPEN:');
    err.mockClear();
    expect(await main([...flags, 'ledger', 'nowhere'])).toBe(1);
    expect(printed(err)).toContain('soviet: ORG_NOT_FOUND:');
  });
});
