import type { DemocracyCommand, MotionBody, OrgState } from '../../src/democracy/index.js';
import type { SovietService } from '../../src/service/index.js';
import { DAY, type FakeClock, join } from '../service/service-world.js';

/**
 * An organisation's first months through the service, as members and the scheduler make
 * them (every deadline processed by `tick`, so every draw is seeded from a real
 * checkpoint): Docks (six members; a delegate per two members, terms of one month)
 * elects its chair by IRV among three, its treasurer and its delegate unopposed; the
 * chair is recalled in a secret vote and a by-election opens; a spending motion passes
 * and is paid, a participatory budget funds projects by Equal Shares, a motion fails;
 * and the next term's three delegates are elected by Scottish STV.
 */
export async function serviceYear(
  service: SovietService,
  clock: FakeClock,
  org: string,
): Promise<{ docks: string[]; docksId: string }> {
  const founded = await service.foundOrganisation({
    name: 'Union of Docks and Mills',
    slug: org,
    founderName: 'Ada',
    founderCouncil: 'Docks',
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
    constitution: { recordVisibility: 'public', delegateRatio: 2, termMonths: 1 },
  });
  const ada = founded.founderId;
  const docks = [ada];
  for (const name of ['Bea', 'Cy', 'Dee', 'Eli', 'Fay'])
    docks.push(await join(service, org, ada, name));
  const at = (i: number) => docks[i] as string;
  const act = (actor: string, command: DemocracyCommand) => service.execute(org, actor, command);
  const state = () => service.state(org);
  const tickTo = async (now: number) => {
    clock.now = Math.max(clock.now, now);
    await service.tick();
  };
  let s: OrgState = await state();
  const docksId = s.members.get(ada)?.councilId as string;
  const open = (st: OrgState, key: string) => {
    const g = st.groups.get(key);
    return st.elections.get((g?.byElectionId ?? g?.regularElectionId) as string);
  };

  // The first elections: the chair by IRV among three, the treasurer and delegate unopposed.
  const chair = open(s, `o:${docksId}:chair`);
  const treasurerElection = open(s, `o:${docksId}:treasurer`);
  const delegation = open(s, `d:${docksId}`);
  for (const i of [1, 2, 3])
    await act(at(i), { kind: 'Nominate', electionId: chair?.id as string, candidateId: at(i) });
  await act(at(3), {
    kind: 'Nominate',
    electionId: treasurerElection?.id as string,
    candidateId: at(3),
  });
  await act(at(4), { kind: 'Nominate', electionId: delegation?.id as string, candidateId: at(4) });
  await tickTo(chair?.nominationsCloseAt as number);
  s = await state();
  const candidates = s.elections.get(chair?.id as string)?.candidates ?? [];
  for (const [i, voter] of docks.entries()) {
    const ranking = [candidates[i % 3], candidates[(i + 1) % 3]] as string[];
    await act(voter, { kind: 'CastBallot', electionId: chair?.id as string, ranking });
  }
  await tickTo(chair?.votingCloseAt as number);

  // The chair is recalled: a petition, a second signature, a secret vote.
  s = await state();
  const [mandateId] = s.groups.get(`o:${docksId}:chair`)?.sitting ?? [];
  const { petitionId } = await act(at(5), {
    kind: 'OpenRecallPetition',
    mandateId: mandateId as string,
    reason: 'Ignored the branch',
  });
  await act(at(0), { kind: 'SignRecallPetition', petitionId: petitionId as string });
  for (const [i, voter] of docks.entries())
    await act(voter, {
      kind: 'CastRecallVote',
      petitionId: petitionId as string,
      choice: i < 4 ? 'recall' : 'keep',
    });
  s = await state();
  await tickTo(s.petitions.get(petitionId as string)?.voteClosesAt as number);

  // Money: the ledger, income, a spending motion passed and a payment under it.
  const treasurer = at(3);
  await act(treasurer, { kind: 'OpenLedger', councilId: docksId, currency: 'EUR' });
  await act(treasurer, {
    kind: 'RecordIncome',
    councilId: docksId,
    amount: 90_000,
    source: 'Dues',
  });
  const motion = async (body: MotionBody, vote: 'yes' | 'no') => {
    const { motionId } = await act(at(1), {
      kind: 'ProposeMotion',
      councilId: docksId,
      title: `A ${body.kind} motion`,
      text: 'The branch resolves.',
      body,
    });
    const id = motionId as string;
    await act(at(2), { kind: 'SecondMotion', motionId: id });
    await tickTo((await state()).motions.get(id)?.debateClosesAt as number);
    for (const voter of docks)
      await act(voter, { kind: 'CastMotionVote', motionId: id, choice: vote });
    await tickTo((await state()).motions.get(id)?.voteClosesAt as number);
    return id;
  };
  const spend = await motion(
    { kind: 'spending', amount: 20_000, currency: 'EUR', payee: 'Print shop' },
    'yes',
  );
  await act(treasurer, { kind: 'MakePayment', authorisationId: spend, amount: 15_000 });

  // A participatory budget: three projects, approval ballots, Equal Shares.
  await motion({ kind: 'budget', amount: 50_000, currency: 'EUR', voteType: 'approval' }, 'yes');
  s = await state();
  const round = [...s.treasury.rounds.values()].at(-1);
  const roundId = round?.id as string;
  const projects: string[] = [];
  for (const [i, title] of ['Library', 'Kitchen', 'Garden'].entries()) {
    const { events } = await act(at(i + 1), {
      kind: 'ProposeProject',
      roundId,
      title,
      description: `${title} for the branch`,
      cost: [30_000, 20_000, 25_000][i] as number,
      payee: `${title} collective`,
    });
    const proposed = events.find((e) => e.kind === 'ProjectProposed');
    if (proposed?.kind === 'ProjectProposed') projects.push(proposed.projectId);
  }
  await tickTo(round?.proposalsCloseAt as number);
  for (const [i, voter] of docks.entries())
    await act(voter, {
      kind: 'CastBudgetBallot',
      roundId,
      projects:
        i % 2 === 0 ? [projects[0] as string, projects[1] as string] : [projects[2] as string],
    });
  await tickTo(round?.votingCloseAt as number);

  // A motion that fails.
  await motion({ kind: 'ordinary' }, 'no');

  // The next term's delegation: three seats, by Scottish STV.
  s = await state();
  await tickTo((s.groups.get(`d:${docksId}`)?.termEndsAt as number) - 14 * DAY);
  s = await state();
  const next = open(s, `d:${docksId}`);
  for (const i of [1, 2, 4, 5])
    await act(at(i), { kind: 'Nominate', electionId: next?.id as string, candidateId: at(i) });
  await tickTo(next?.nominationsCloseAt as number);
  s = await state();
  const stv = s.elections.get(next?.id as string)?.candidates ?? [];
  for (const [i, voter] of docks.entries())
    await act(voter, {
      kind: 'CastBallot',
      electionId: next?.id as string,
      ranking: [...stv.slice(i % stv.length), ...stv.slice(0, i % stv.length)],
    });
  await tickTo(next?.votingCloseAt as number);
  return { docks, docksId };
}
