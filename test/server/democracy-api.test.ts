import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../src/accounts/accounts.js';
import { tokenHashOf } from '../../src/democracy/index.js';
import {
  type ApiClient,
  type ApiWorld,
  DAY,
  errorOf,
  foundThroughApi,
  joinThroughApi,
  openApiWorld,
  PASSWORD,
} from './api-world.js';

/**
 * The democracy through the API, end to end: a contested election with secret ranked
 * ballots and receipts checked after the count; the rules' refusals with their codes;
 * mandated delegation (an instruction, a breach, the constituents told, a recall citing
 * it); the record; and an acceptance a crash left half done.
 */
let world: ApiWorld;
let ann: ApiClient;
let bob: ApiClient;
let cat: ApiClient;
let dee: ApiClient;
let mia: ApiClient;
let ids: Record<string, string>;
const ORG = '/api/v1/orgs/union';

async function tick(days: number) {
  world.clock.advance(days * DAY);
  await world.service.tick();
}

async function json<T>(res: { statusCode: number; body: string; json(): unknown }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

beforeAll(async () => {
  // Sessions that outlive the weeks this story spans.
  world = await openApiWorld({
    security: { session: { idleMs: 365 * DAY, absoluteMs: 365 * DAY, touchEveryMs: 60_000 } },
  });
  ({ client: ann } = await foundThroughApi(world, {
    slug: 'union',
    username: 'ann',
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
  }));
  ({ client: bob } = await joinThroughApi(world, 'union', ann, 'bob', 'Bob'));
  ({ client: cat } = await joinThroughApi(world, 'union', ann, 'cat', 'Cat'));
  ({ client: dee } = await joinThroughApi(world, 'union', ann, 'dee', 'Dee'));
  ({ client: mia } = await joinThroughApi(world, 'union', ann, 'mia', 'Mia'));
  const org = await json<{ tree: { id: string; children: { id: string; name: string }[] } }>(
    await ann.get(ORG),
  );
  const docks = org.tree.children.find((c) => c.name === 'Docks')?.id as string;
  const mills = org.tree.children.find((c) => c.name === 'Mills')?.id as string;
  ids = {
    congress: org.tree.id,
    docks,
    mills,
    ann: 'm1',
    bob: 'm2',
    cat: 'm3',
    dee: 'm4',
    mia: 'm5',
  };
  await json(await mia.post(`${ORG}/me/transfer`, { toCouncilId: mills }));
}, 120_000);
afterAll(async () => world?.dispose());

async function openElection(client: ApiClient, councilId: string, groupKey: string) {
  const council = await json<{
    offices: { groupKey: string; election: { id: string } | null }[];
    delegation: { groupKey: string; election: { id: string } | null } | null;
  }>(await client.get(`${ORG}/councils/${councilId}`));
  const group = [...council.offices, ...(council.delegation ? [council.delegation] : [])].find(
    (g) => g.groupKey === groupKey,
  );
  return group?.election?.id as string;
}

describe('a contested election with secret ballots', () => {
  const receipts = new Map<string, { receipt: string; ranking: string[] }>();
  let election: string;

  it('takes nominations from the electing body, with the rules checked at once', async () => {
    election = await openElection(ann, ids.docks as string, `o:${ids.docks}:chair`);
    await json(
      await ann.post(`${ORG}/elections/${election}/nominations`, { candidateId: ids.ann }),
      201,
    );
    await json(
      await bob.post(`${ORG}/elections/${election}/nominations`, { candidateId: ids.cat }),
      201,
    );
    // Cat was nominated by Bob: she must accept.
    const notices = await json<{ notifications: { kind: string; subject: { id: string } }[] }>(
      await cat.get(`${ORG}/notifications`),
    );
    expect(notices.notifications).toContainEqual(
      expect.objectContaining({ kind: 'nomination', subject: { kind: 'election', id: election } }),
    );
    await json(await cat.post(`${ORG}/elections/${election}/nomination/accept`), 200);
    const twice = await bob.post(`${ORG}/elections/${election}/nominations`, {
      candidateId: ids.cat,
    });
    expect([twice.statusCode, errorOf(twice).code]).toEqual([409, 'ALREADY_NOMINATED']);
    const outsider = await mia.post(`${ORG}/elections/${election}/nominations`, {
      candidateId: ids.mia,
    });
    expect([outsider.statusCode, errorOf(outsider).code]).toEqual([403, 'NOT_IN_VOTING_BODY']);
    const early = await ann.post(`${ORG}/elections/${election}/ballots`, { ranking: [ids.ann] });
    expect([early.statusCode, errorOf(early).code]).toEqual([409, 'VOTING_NOT_OPEN']);
  });

  it('gives each voter a receipt, and refuses a second ballot or a bad one', async () => {
    await tick(7);
    const view = await json<{ phase: string; candidateList: { id: string }[] }>(
      await ann.get(`${ORG}/elections/${election}`),
    );
    expect(view.phase).toBe('voting');
    expect(view.candidateList.map((c) => c.id)).toEqual([ids.ann, ids.cat]);
    const ballots: [ApiClient, string, string[]][] = [
      [ann, 'ann', [ids.ann as string, ids.cat as string]],
      [bob, 'bob', [ids.cat as string]],
      [cat, 'cat', [ids.cat as string, ids.ann as string]],
      [dee, 'dee', [ids.cat as string, ids.ann as string]],
    ];
    for (const [client, who, ranking] of ballots) {
      const cast = await json<{ receipt: string; events: { kind: string }[] }>(
        await client.post(`${ORG}/elections/${election}/ballots`, { ranking }),
        201,
      );
      expect(cast.receipt).toMatch(/^[0-9a-f]{32}$/);
      // The answer shows only the box and its count: nothing of who voted for whom.
      expect(JSON.stringify(cast.events)).not.toContain(ids[who] as string);
      receipts.set(who, { receipt: cast.receipt, ranking });
    }
    expect(new Set([...receipts.values()].map((r) => r.receipt)).size).toBe(4);
    const again = await bob.post(`${ORG}/elections/${election}/ballots`, { ranking: [ids.ann] });
    expect([again.statusCode, errorOf(again).code]).toEqual([409, 'ALREADY_VOTED']);
    const bad = await dee.post(`${ORG}/elections/${election}/ballots`, { ranking: [ids.mia] });
    expect([bad.statusCode, errorOf(bad).code]).toEqual([422, 'BAD_BALLOT']);
    const unknown = await dee.post(`${ORG}/elections/e999/ballots`, { ranking: [ids.ann] });
    expect([unknown.statusCode, errorOf(unknown).code]).toEqual([404, 'ELECTION_UNKNOWN']);
    // Before the close the ballots are sealed: a receipt finds nothing yet.
    const sealed = await ann.get(`${ORG}/receipts/${receipts.get('ann')?.receipt}`);
    expect([sealed.statusCode, errorOf(sealed).code]).toEqual([404, 'RECEIPT_UNKNOWN']);
    // Only I see whether I voted.
    const me = await json<{ ballots: { subject: { id: string }; voted: boolean }[] }>(
      await ann.get(`${ORG}/me`),
    );
    expect(me.ballots.find((b) => b.subject.id === election)?.voted).toBe(true);
  });

  it('counts at the close, and every voter finds their ballot as cast under their receipt', async () => {
    await tick(7);
    const view = await json<{
      phase: string;
      elected: { id: string }[];
      count: { unopposed: boolean; report: { stages: unknown[] } | null };
      ballotBox: { cast: number; published: number };
    }>(await ann.get(`${ORG}/elections/${election}`));
    expect(view.phase).toBe('closed');
    // IRV: Cat has 3 first preferences of 4.
    expect(view.elected.map((m) => m.id)).toEqual([ids.cat]);
    expect(view.count.unopposed).toBe(false);
    expect(view.count.report?.stages.length).toBeGreaterThan(0);
    expect(view.ballotBox).toMatchObject({ cast: 4, published: 4 });
    for (const { receipt, ranking } of receipts.values()) {
      const found = await json<{ ballot: string[]; subject: { id: string } }>(
        await ann.get(`${ORG}/receipts/${receipt}`),
      );
      expect(found).toMatchObject({ subject: { kind: 'election', id: election }, ballot: ranking });
    }
  });
});

describe('mandated delegation', () => {
  let target: string;
  let breachId: string;

  it('delivers the delegates, a congress motion and a Docks instruction on it', async () => {
    // The delegations of Docks and Mills: Bob and Mia stand unopposed (the first
    // elections opened at founding and at Mia's move; new ones are called where lapsed).
    for (const [client, council, me] of [
      [bob, ids.docks, ids.bob],
      [mia, ids.mills, ids.mia],
    ] as const) {
      let election = await openElection(client, council as string, `d:${council}`);
      if (!election) {
        const called = await json<{ events: { kind: string; electionId?: string }[] }>(
          await client.post(`${ORG}/elections`, { groupKey: `d:${council}` }),
          201,
        );
        election = called.events.find((e) => e.kind === 'ElectionOpened')?.electionId as string;
      }
      await json(
        await client.post(`${ORG}/elections/${election}/nominations`, { candidateId: me }),
        201,
      );
    }
    await tick(14.01);
    const congress = await json<{ delegates: { member: { id: string } }[] }>(
      await bob.get(`${ORG}/councils/${ids.congress}`),
    );
    expect(congress.delegates.map((d) => d.member.id).sort()).toEqual([ids.bob, ids.mia].sort());
    const proposed = await json<{ motionId: string }>(
      await mia.post(`${ORG}/councils/${ids.congress}/motions`, {
        title: 'Join the general strike',
        text: 'The union joins the general strike.',
        body: { kind: 'ordinary' },
      }),
      201,
    );
    target = proposed.motionId;
    const instruction = await json<{ motionId: string }>(
      await ann.post(`${ORG}/councils/${ids.docks}/motions`, {
        title: 'Our delegate votes yes on the strike',
        text: 'Docks instructs its delegates to vote yes.',
        body: { kind: 'instruction', targetMotionId: target, position: 'yes' },
      }),
      201,
    );
    await json(await cat.post(`${ORG}/motions/${instruction.motionId}/seconds`), 201);
    await tick(7.01);
    for (const voter of [ann, cat, dee])
      await json(
        await voter.post(`${ORG}/motions/${instruction.motionId}/votes`, { choice: 'yes' }),
        201,
      );
    // The congress motion is seconded now: its vote opens after the instruction passed.
    await json(await bob.post(`${ORG}/motions/${target}/seconds`), 201);
    await tick(7.01);
    const passed = await json<{ phase: string; result: { passed: boolean } }>(
      await ann.get(`${ORG}/motions/${instruction.motionId}`),
    );
    expect(passed).toMatchObject({ phase: 'passed', result: { passed: true } });
  });

  it("records a delegate's vote against the instruction as a breach, and tells the constituents", async () => {
    await tick(0.5);
    const vote = await json<{ events: { kind: string; breachId?: string }[] }>(
      await bob.post(`${ORG}/motions/${target}/votes`, { choice: 'no' }),
      201,
    );
    breachId = vote.events.find((e) => e.kind === 'BreachRecorded')?.breachId as string;
    expect(breachId).toBeDefined();
    // An open vote among delegates: no receipt, the vote is public.
    expect((vote as { receipt?: string }).receipt).toBeUndefined();
    const motion = await json<{
      vote: { openVotes: { member: { id: string }; choice: string }[] };
      breaches: { id: string }[];
    }>(await cat.get(`${ORG}/motions/${target}`));
    expect(motion.vote.openVotes).toEqual([
      { member: { id: ids.bob, name: 'Bob', erased: false }, choice: 'no' },
    ]);
    expect(motion.breaches.map((b) => b.id)).toEqual([breachId]);
    for (const constituent of [ann, cat, dee]) {
      const { notifications } = await json<{
        notifications: { kind: string; subject: { id: string } }[];
      }>(await constituent.get(`${ORG}/notifications`));
      expect(notifications).toContainEqual(
        expect.objectContaining({
          kind: 'delegate-breach',
          subject: { kind: 'breach', id: breachId },
        }),
      );
    }
    // Mills did not instruct: Mia is not told.
    const { notifications } = await json<{ notifications: { kind: string }[] }>(
      await mia.get(`${ORG}/notifications`),
    );
    expect(notifications.map((n) => n.kind)).not.toContain('delegate-breach');
  });

  it('lets the constituents open a recall citing the breach, and tells the delegate', async () => {
    const bobPage = await json<{ mandates: { id: string; seat: { kind: string } }[] }>(
      await bob.get(`${ORG}/members/${ids.bob}`),
    );
    const mandate = bobPage.mandates.find((m) => m.seat.kind === 'delegation')?.id as string;
    const opened = await json<{ petitionId: string }>(
      await cat.post(`${ORG}/mandates/${mandate}/recalls`, {
        reason: 'Voted against our instruction',
        breachIds: [breachId],
      }),
      201,
    );
    const second = await dee.post(`${ORG}/mandates/${mandate}/recalls`, {
      reason: 'x',
      breachIds: ['br99'],
    });
    expect(errorOf(second).code).toBe('RECALL_ALREADY_OPEN');
    const { notifications } = await json<{
      notifications: { kind: string; subject: { id: string }; title: string }[];
    }>(await bob.get(`${ORG}/notifications`));
    expect(notifications).toContainEqual(
      expect.objectContaining({
        kind: 'recall-against-me',
        subject: { kind: 'recall', id: opened.petitionId },
        title: 'Voted against our instruction',
      }),
    );
    const petition = await json<{ breaches: { id: string }[]; signers: { id: string }[] }>(
      await ann.get(`${ORG}/recalls/${opened.petitionId}`),
    );
    expect(petition.breaches.map((b) => b.id)).toEqual([breachId]);
    expect(petition.signers.map((s) => s.id)).toEqual([ids.cat]);
  });
});

describe('the record', () => {
  it('pages through the public log with meanings, and never shows a secret', async () => {
    const record = await json<{
      size: number;
      from: number;
      entries: {
        seq: number;
        type: string;
        actor: string;
        meaning: string;
        data: Record<string, unknown>;
      }[];
      vkey: string;
      origin: string;
    }>(await ann.get(`${ORG}/record?from=0&limit=1000`));
    expect(record.from).toBe(0);
    expect(record.entries.map((e) => e.seq)).toEqual(record.entries.map((_, i) => i));
    expect(record.entries).toHaveLength(record.size);
    expect(record.origin).toBe('soviet.localhost/union');
    const ballots = record.entries.filter((e) => e.type === 'BallotCast');
    expect(ballots.length).toBeGreaterThan(0);
    for (const b of ballots) {
      expect(b.actor).toBe('system');
      expect(Object.keys(b.data).sort()).toEqual(['at', 'boxId', 'cast']);
    }
    expect(record.entries.every((e) => e.meaning.length > 0)).toBe(true);
  });

  it('refuses pages beyond the limits', async () => {
    const res = await ann.get(`${ORG}/record?limit=5000`);
    expect(res.statusCode).toBe(400);
  });
});

describe('an acceptance a crash left unfinished', () => {
  it('is repaired from the log the next time the account acts', async () => {
    const { invitation } = await world.service.execute('union', 'm1', { kind: 'InviteMember' });
    const token = invitation?.token as string;
    const accounts = new Accounts({ db: world.store.db, clock: world.clock.read });
    const account = await accounts.register('eli', PASSWORD);
    const org = await world.store.organisation('union');
    const state = await world.service.state('union');
    const invitationId = state.invitationByHash.get(tokenHashOf(token)) as string;
    // The claim is written, the join commits, and the process dies before the link.
    await accounts.claimInvitation({ orgId: org.id, accountId: account.id, invitationId }, 'union');
    const joined = await world.service.execute('union', null, {
      kind: 'JoinWithInvitation',
      token,
      name: 'Eli',
    });
    const eli = world.client();
    await eli.login('eli', PASSWORD);
    const me = await json<{ member: { id: string; name: string } }>(await eli.get(`${ORG}/me`));
    expect(me.member).toMatchObject({ id: joined.memberId, name: 'Eli' });
    const session = await json<{ memberships: { org: string; memberId: string }[] }>(
      await eli.get('/api/v1/session'),
    );
    expect(session.memberships).toEqual([{ org: 'union', memberId: joined.memberId }]);
  });
});
