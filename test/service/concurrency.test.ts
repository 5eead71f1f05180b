import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKey } from '../../src/democracy/index.js';
import { SovietError } from '../../src/errors/soviet-error.js';
import { createSovietService, type SovietService } from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { fsck } from '../../src/store/fsck.js';
import { openStore } from '../../src/store/open-store.js';
import { recountStored } from '../support/recount-stored.js';
import { branchWithMembers, openServiceWorld, type ServiceWorld } from './service-world.js';

/**
 * The concurrency guarantees for real, fired at once through the service on a real
 * store (issue 4, "Concurrency"): the store sequences commands to one organisation, and
 * each is decided against the state that includes the ones before it. On PostgreSQL the
 * commands are split between two stores on one database, as two server processes would
 * send them (the head row lock and catch-up sequence them there).
 */
let w: ServiceWorld;
let second: DemocracyStore | undefined;
let other: SovietService;

beforeAll(async () => {
  w = await openServiceWorld();
  if (w.target.backend === 'postgres') {
    second = await openStore(w.target.config, { domain: democracyDomain });
    other = createSovietService({ store: second, clock: w.clock.read });
  } else other = w.service;
});
afterAll(async () => {
  await second?.close();
  await w.dispose();
});

function codeOf(result: PromiseSettledResult<unknown>): string | undefined {
  if (result.status === 'fulfilled') return undefined;
  return result.reason instanceof SovietError ? result.reason.code : String(result.reason);
}

/** Elects `candidates` (one seat: the first wins if all voters rank it first). */
async function electChair(
  org: string,
  branchId: string,
  candidates: readonly string[],
  voters: readonly string[],
) {
  const state = await w.service.state(org);
  const electionId = state.groups.get(officeKey(branchId, 'chair'))?.regularElectionId as string;
  for (const c of candidates)
    await w.service.execute(org, c, { kind: 'Nominate', electionId, candidateId: c });
  w.clock.now = (await w.service.electionView(org, electionId)).nominationsCloseAt;
  await w.service.tick();
  for (const v of voters)
    await w.service.execute(org, v, { kind: 'CastBallot', electionId, ranking: [...candidates] });
  return electionId;
}

describe('concurrent commands through the service', () => {
  /** The recount's first discrepancy on the stored log, or null. */
  const cleanRecount = async (org: string) => {
    const result = await recountStored(w.store, org);
    return result.ok ? null : result.discrepancy;
  };

  it('the same member casting two ballots at once gets exactly one counted', async () => {
    const org = 'ballots';
    const { members, branchId } = await branchWithMembers(w.service, org, 16);
    const state = await w.service.state(org);
    const electionId = state.groups.get(officeKey(branchId, 'chair'))?.regularElectionId as string;
    const [a, b] = members as [string, string];
    await w.service.execute(org, a, { kind: 'Nominate', electionId, candidateId: a });
    await w.service.execute(org, b, { kind: 'Nominate', electionId, candidateId: b });
    w.clock.now = (await w.service.electionView(org, electionId)).nominationsCloseAt;
    await w.service.tick();

    // Every member sends three ballots at once (half through each process on PostgreSQL).
    const rankings = [[a, b], [b, a], [b]];
    const sent = members.flatMap((voter, i) =>
      rankings.map((ranking, k) => ({
        voter,
        ranking,
        result: ((i + k) % 2 === 0 ? w.service : other).execute(org, voter, {
          kind: 'CastBallot',
          electionId,
          ranking,
        }),
      })),
    );
    const settled = await Promise.allSettled(sent.map((s) => s.result));
    const accepted = new Map<string, { ranking: string[]; receipt: string }>();
    settled.forEach((result, i) => {
      const { voter, ranking } = sent[i] as (typeof sent)[number];
      if (result.status === 'fulfilled') {
        expect(accepted.has(voter)).toBe(false);
        accepted.set(voter, { ranking, receipt: result.value.receipt as string });
      } else expect(codeOf(result)).toBe('ALREADY_VOTED');
    });
    expect(accepted.size).toBe(members.length);

    const view = await w.service.electionView(org, electionId);
    expect(view.ballotBox?.cast).toBe(members.length);
    w.clock.now = view.votingCloseAt;
    await w.service.tick();
    const closed = await w.service.electionView(org, electionId);
    expect(closed.ballotBox?.published).toBe(members.length);
    expect(closed.count?.report?.ballots).toBe(members.length);
    // Each voter's one counted ballot is the one they were given a receipt for.
    for (const { ranking, receipt } of accepted.values())
      expect((await w.service.checkReceipt(org, receipt)).ballot).toEqual(ranking);
    expect((await fsck(w.store, org)).orgs[0]?.problems).toEqual([]);
    // Batches of commands from two processes still recount clean (issue 14).
    expect(await cleanRecount(org)).toBeNull();
  });

  it('two recalls of the same mandate cannot both succeed', async () => {
    const org = 'recalls';
    const { members, branchId } = await branchWithMembers(w.service, org, 12);
    const chairHolder = members[1] as string;
    await electChair(org, branchId, [chairHolder], members);
    w.clock.now = (await w.service.state(org)).elections.get(
      (await w.service.state(org)).groups.get(officeKey(branchId, 'chair'))
        ?.regularElectionId as string,
    )?.votingCloseAt as number;
    await w.service.tick();
    const mandateId = (await w.service.memberView(org, chairHolder)).mandates[0]?.id as string;
    expect(mandateId).toBeDefined();

    // Six members open a recall of the same mandate at the same moment.
    const openers = members.filter((m) => m !== chairHolder).slice(0, 6);
    const opened = await Promise.allSettled(
      openers.map((m, i) =>
        (i % 2 === 0 ? w.service : other).execute(org, m, {
          kind: 'OpenRecallPetition',
          mandateId,
          reason: `Petition ${i}`,
        }),
      ),
    );
    const petitions = opened.flatMap((r) =>
      r.status === 'fulfilled' ? [r.value.petitionId as string] : [],
    );
    expect(petitions).toHaveLength(1);
    expect(opened.map(codeOf).filter((c) => c !== undefined)).toEqual(
      Array(openers.length - 1).fill('RECALL_ALREADY_OPEN'),
    );
    const petitionId = petitions[0] as string;

    // Everyone else signs at once: the vote opens exactly once, at the threshold.
    const signers = members.filter((m) => m !== chairHolder && !openers.includes(m));
    const signatures = await Promise.allSettled(
      [...signers, ...openers].map((m, i) =>
        (i % 2 === 0 ? w.service : other).execute(org, m, {
          kind: 'SignRecallPetition',
          petitionId,
        }),
      ),
    );
    const opens = signatures.flatMap((r) =>
      r.status === 'fulfilled' ? r.value.events.filter((e) => e.kind === 'RecallVoteOpened') : [],
    );
    expect(opens).toHaveLength(1);
    for (const code of signatures.map(codeOf))
      expect([undefined, 'PETITION_CLOSED', 'ALREADY_SIGNED']).toContain(code);

    // Everybody votes to recall, twice at once: one vote each.
    const votes = await Promise.allSettled(
      members.flatMap((m) =>
        [w.service, other].map((s) =>
          s.execute(org, m, { kind: 'CastRecallVote', petitionId, choice: 'recall' }),
        ),
      ),
    );
    expect(votes.filter((v) => v.status === 'fulfilled')).toHaveLength(members.length);
    w.clock.now = (await w.service.recallView(org, petitionId)).voteClosesAt as number;
    await Promise.all([w.service.tick(), other.tick()]);
    const view = await w.service.recallView(org, petitionId);
    expect(view.phase).toBe('recalled');
    expect(view.result?.recall).toBe(members.length);

    // The mandate ended once, and cannot be recalled again.
    const record = await w.service.recordView(org, { from: 0, limit: 1000 });
    const ended = record.entries.filter(
      (e) => e.type === 'MandateEnded' && e.data.mandateId === mandateId,
    );
    expect(ended.map((e) => e.data.reason)).toEqual(['recalled']);
    await expect(
      w.service.execute(org, members[3] as string, {
        kind: 'OpenRecallPetition',
        mandateId,
        reason: 'Again',
      }),
    ).rejects.toMatchObject({ code: 'MANDATE_NOT_SITTING' });
    expect((await fsck(w.store, org)).orgs[0]?.problems).toEqual([]);
    // Batches of commands from two processes still recount clean (issue 14).
    expect(await cleanRecount(org)).toBeNull();
  });
});
