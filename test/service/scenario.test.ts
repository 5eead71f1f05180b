import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CouncilSpec, officeKey } from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { fsck } from '../../src/store/fsck.js';
import type { DemocracyTables } from '../../src/store/projections/tables.js';
import { DAY, join, openServiceWorld, type ServiceWorld } from './service-world.js';

/**
 * The democracy through the service on a real store (PGlite, or PostgreSQL with
 * DATABASE_URL): founding, invitations, an election with its count, a motion with an
 * amendment, and a recall with its by-election, each checked in the views, in the SQL
 * projections and by a clean fsck (replay equals live).
 */
const TREE: CouncilSpec = {
  name: 'Congress',
  children: [
    { name: 'North', children: [{ name: 'Docks' }, { name: 'Mill' }] },
    { name: 'South', children: [{ name: 'Depot' }, { name: 'Yard' }] },
  ],
};

let w: ServiceWorld;
let founder: string;
let docks: string[];
let docksId: string;
const org = 'union';

beforeAll(async () => {
  w = await openServiceWorld();
});
afterAll(async () => w.dispose());

async function expectRefusal(run: Promise<unknown>, code: string): Promise<void> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SovietError);
  expect((error as SovietError).code).toBe(code);
}

async function fsckClean(): Promise<number> {
  const report = await fsck(w.store, org);
  expect(report.orgs[0]?.problems).toEqual([]);
  return report.orgs[0]?.projectionRows ?? 0;
}

describe('the service on a real store', () => {
  it('founds an organisation: the founder is an ordinary member of a base council', async () => {
    const founded = await w.service.foundOrganisation({
      name: 'Union of Docks and Mills',
      slug: org,
      founderName: 'Ada',
      councils: TREE,
      founderCouncil: 'Docks',
    });
    expect(founded.org).toBe(org);
    expect(founded.origin).toBe(`soviet.localhost/${org}`);
    founder = founded.founderId;
    const view = await w.service.organisationView(org);
    expect(view.name).toBe('Union of Docks and Mills');
    expect(view.members).toBe(1);
    expect(view.tree.children.map((c) => c.name)).toEqual(['North', 'South']);
    docksId = view.tree.children[0]?.children[0]?.id as string;
    const me = await w.service.memberView(org, founder, 'member');
    expect(me).toMatchObject({ name: 'Ada', erased: false, status: 'active', mandates: [] });
    // Names by role: someone outside the organisation sees no ordinary member's name.
    expect((await w.service.memberView(org, founder, 'public')).name).toBeNull();
    expect(me.council?.name).toBe('Docks');
    // The founder's council's elections opened at once, like any other.
    expect(view.openElections).toBe(4);
    expect(await w.service.organisations()).toEqual([
      { slug: org, name: 'Union of Docks and Mills', foundedAt: w.clock.now },
    ]);
  });

  it('refuses to found twice, and refuses bad founding input before taking the slug', async () => {
    const input = {
      name: 'Again',
      slug: org,
      founderName: 'Bob',
      councils: TREE,
      founderCouncil: 'Docks',
    };
    await expectRefusal(w.service.foundOrganisation(input), 'ORG_EXISTS');
    await expectRefusal(
      w.service.foundOrganisation({ ...input, slug: 'other', founderCouncil: 'Nowhere' }),
      'BAD_FOUNDING',
    );
    await expectRefusal(w.store.organisation('other'), 'ORG_NOT_FOUND');
  });

  it('invites and joins: the token is handed on, used once, and only its hash is logged', async () => {
    const invited = await w.service.execute(org, founder, { kind: 'InviteMember' });
    const token = invited.invitation?.token as string;
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    const record = await w.service.recordView(org, { limit: 1 });
    expect(JSON.stringify(record.entries)).not.toContain(token);
    expect(record.entries[0]?.type).toBe('MemberInvited');
    const joined = await w.service.execute(org, null, {
      kind: 'JoinWithInvitation',
      token,
      name: 'Bea',
    });
    expect(joined.memberId).toBe('m2');
    await expectRefusal(
      w.service.execute(org, null, { kind: 'JoinWithInvitation', token, name: 'Eve' }),
      'INVITATION_USED',
    );
    await expectRefusal(
      w.service.execute(org, 'system', { kind: 'InviteMember' }),
      'SYSTEM_ACTOR_RESERVED',
    );
    await expectRefusal(w.service.execute(org, null, { kind: 'InviteMember' }), 'NOT_A_MEMBER');
    await expectRefusal(
      w.service.execute(org, founder, { kind: 'AdvanceTime', now: w.clock.now + DAY * 100 }),
      'BAD_COMMAND',
    );
    docks = [founder, 'm2'];
    for (let i = 3; i <= 10; i++) docks.push(await join(w.service, org, founder, `Docker ${i}`));
    const council = await w.service.councilView(org, docksId);
    expect(council.members.map((m) => m.id)).toEqual(docks.slice().sort());
    expect(council.path.map((c) => c.name)).toEqual(['Congress', 'North']);
    const rows = await w.store.db
      .withTables<DemocracyTables>()
      .selectFrom('members')
      .select(['member_id', 'council_id', 'status'])
      .where('council_id', '=', docksId)
      .execute();
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.status === 'active')).toBe(true);
    await fsckClean();
  });

  it('elects the chair: nominations, secret ballots with receipts, the count stage by stage', async () => {
    const state = await w.service.state(org);
    const electionId = state.groups.get(officeKey(docksId, 'chair'))?.regularElectionId as string;
    const [ada, bea, cy] = docks as [string, string, string];
    await w.service.execute(org, bea, { kind: 'Nominate', electionId, candidateId: bea });
    await w.service.execute(org, cy, { kind: 'Nominate', electionId, candidateId: cy });
    await w.service.execute(org, ada, { kind: 'Nominate', electionId, candidateId: ada });
    await w.service.execute(org, ada, { kind: 'DeclineNomination', electionId });
    let view = await w.service.electionView(org, electionId);
    expect(view.phase).toBe('nominations');
    expect(view.candidates).toBe(2);
    w.clock.now = view.nominationsCloseAt;
    const tick = await w.service.tick();
    expect(tick.advanced.map((a) => a.org)).toEqual([org]);
    view = await w.service.electionView(org, electionId);
    expect(view.phase).toBe('voting');
    expect(view.candidateList.map((c) => c.id)).toEqual([bea, cy].sort());
    // Six rank Bea first, four rank Cy first.
    const receipts: string[] = [];
    for (const [i, voter] of docks.entries()) {
      const ranking = i < 6 ? [bea, cy] : [cy];
      const cast = await w.service.execute(org, voter, {
        kind: 'CastBallot',
        electionId,
        ranking,
      });
      expect(cast.receipt).toMatch(/^[0-9a-f]{32}$/);
      receipts.push(cast.receipt as string);
      // The public part of the event names neither the voter nor the ballot.
      expect(JSON.stringify(cast.events)).not.toContain(voter);
    }
    await expectRefusal(
      w.service.execute(org, bea, { kind: 'CastBallot', electionId, ranking: [cy] }),
      'ALREADY_VOTED',
    );
    const mine = await w.service.memberBallots(org, bea);
    expect(mine.find((b) => b.subject.id === electionId)?.voted).toBe(true);
    view = await w.service.electionView(org, electionId);
    expect(view.ballotBox).toMatchObject({ cast: 10, rollSize: 10, secret: true, closed: false });
    expect(view.count).toBeNull();

    w.clock.now = view.votingCloseAt;
    await w.service.tick();
    view = await w.service.electionView(org, electionId);
    expect(view.phase).toBe('closed');
    expect(view.elected?.map((m) => m.id)).toEqual([bea]);
    expect(view.count?.unopposed).toBe(false);
    expect(view.count?.report?.method).toBe('irv');
    expect(view.count?.report?.elected).toEqual([bea]);
    const report = view.count?.report;
    const firstStage = report?.stages[0]?.votes ?? [];
    const firstPreferences = Object.fromEntries(
      (report?.candidates ?? []).map((c, i) => [c.id, firstStage[i]]),
    );
    expect(firstPreferences).toEqual({ [bea]: 6, [cy]: 4 });
    expect(view.mandates.map((m) => m.holder.id)).toEqual([bea]);
    expect(view.ballotBox?.published).toBe(10);
    // Each voter finds their ballot, counted as cast, by their receipt.
    const check = await w.service.checkReceipt(org, receipts[7] as string);
    expect(check).toMatchObject({ subject: { kind: 'election', id: electionId }, ballot: [cy] });
    expect((await w.service.checkReceipt(org, receipts[0] as string)).ballot).toEqual([bea, cy]);
    await expectRefusal(w.service.checkReceipt(org, 'f'.repeat(32)), 'RECEIPT_UNKNOWN');
    const bView = await w.service.memberView(org, bea);
    expect(bView.mandates.map((m) => m.seat.label)).toEqual(['chair of Docks']);
    const council = await w.service.councilView(org, docksId);
    expect(council.offices.find((o) => o.seat.office === 'chair')?.holders[0]?.holder.id).toBe(bea);
    // The council's page lists the closed election with its result, most recent first.
    expect(council.elections.some((e) => e.id === electionId)).toBe(false);
    expect(council.pastElections.find((e) => e.id === electionId)).toMatchObject({
      phase: 'closed',
      seat: { label: 'chair of Docks' },
      closedAt: view.votingCloseAt,
      elected: [{ id: bea }],
    });
    const closedAts = council.pastElections.map((e) => e.closedAt);
    expect(closedAts).toEqual([...closedAts].sort((x, y) => y - x));
    await fsckClean();
  });

  it('passes a motion after voting on an amendment; the original text stays on record', async () => {
    const [ada, bea, cy] = docks as [string, string, string];
    const proposed = await w.service.execute(org, ada, {
      kind: 'ProposeMotion',
      councilId: docksId,
      title: 'Safety committee',
      text: 'The branch forms a safety committee.',
      body: { kind: 'ordinary' },
    });
    const motionId = proposed.motionId as string;
    await w.service.execute(org, bea, { kind: 'SecondMotion', motionId });
    const amended = await w.service.execute(org, cy, {
      kind: 'ProposeAmendment',
      motionId,
      text: 'The branch forms a safety committee that reports monthly.',
    });
    let view = await w.service.motionView(org, motionId);
    expect(view.phase).toBe('debate');
    w.clock.now = view.debateClosesAt as number;
    await w.service.tick();
    view = await w.service.motionView(org, motionId);
    expect(view.phase).toBe('amendments');
    for (const voter of docks.slice(0, 7))
      await w.service.execute(org, voter, {
        kind: 'CastAmendmentVote',
        amendmentId: amended.amendmentId as string,
        choice: 'yes',
      });
    w.clock.now = view.amendmentsCloseAt as number;
    await w.service.tick();
    view = await w.service.motionView(org, motionId);
    expect(view.phase).toBe('voting');
    expect(view.amendments[0]).toMatchObject({ adopted: true, tally: { yes: 7, no: 0 } });
    expect(view.text).toBe('The branch forms a safety committee that reports monthly.');
    expect(view.originalText).toBe('The branch forms a safety committee.');
    for (const [i, voter] of docks.entries())
      await w.service.execute(org, voter, {
        kind: 'CastMotionVote',
        motionId,
        choice: i < 8 ? 'yes' : 'no',
      });
    w.clock.now = view.voteClosesAt as number;
    await w.service.tick();
    view = await w.service.motionView(org, motionId);
    expect(view.phase).toBe('passed');
    expect(view.result).toMatchObject({ passed: true, yes: 8, no: 2, abstain: 0 });
    expect(view.vote?.secret).toBe(true);
    expect(view.vote?.openVotes).toEqual([]);
    await fsckClean();
  });

  it('recalls the chair: petition, threshold, vote, and the by-election opens', async () => {
    const [, bea, cy, d4, d5] = docks as [string, string, string, string, string];
    const chair = (await w.service.memberView(org, bea)).mandates[0]?.id as string;
    const opened = await w.service.execute(org, cy, {
      kind: 'OpenRecallPetition',
      mandateId: chair,
      reason: 'The chair has not called a meeting since the election.',
    });
    const petitionId = opened.petitionId as string;
    let view = await w.service.recallView(org, petitionId);
    expect(view).toMatchObject({ phase: 'petition', needed: 2, signers: [{ id: cy }] });
    await w.service.execute(org, d4, { kind: 'SignRecallPetition', petitionId });
    view = await w.service.recallView(org, petitionId);
    expect(view.phase).toBe('vote');
    await expectRefusal(
      w.service.execute(org, d5, {
        kind: 'OpenRecallPetition',
        mandateId: chair,
        reason: 'Another petition',
      }),
      'RECALL_ALREADY_OPEN',
    );
    for (const [i, voter] of docks.entries())
      if (i !== 0)
        await w.service.execute(org, voter, {
          kind: 'CastRecallVote',
          petitionId,
          choice: i < 7 ? 'recall' : 'keep',
        });
    w.clock.now = view.voteClosesAt as number;
    await w.service.tick();
    view = await w.service.recallView(org, petitionId);
    expect(view.phase).toBe('recalled');
    expect(view.result).toMatchObject({ recall: 6, keep: 3, abstain: 0, quorumNeeded: 3 });
    expect(view.mandate?.endReason).toBe('recalled');
    const state = await w.service.state(org);
    const group = state.groups.get(officeKey(docksId, 'chair'));
    expect(group?.sitting).toEqual([]);
    expect(group?.byElectionId).not.toBeNull();
    const ended = await w.store.db
      .withTables<DemocracyTables>()
      .selectFrom('mandates')
      .select(['status', 'end_reason'])
      .where('mandate_id', '=', chair)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ status: 'ended', end_reason: 'recalled' });
    expect(await fsckClean()).toBeGreaterThan(50);
  });

  it('keeps the state across a restart: the log replays to the same organisation', async () => {
    const before = await w.service.organisationView(org);
    await w.reopen();
    expect(await w.service.organisationView(org)).toEqual(before);
    await fsckClean();
  });
});
