import { Accounts } from '../../src/accounts/accounts.js';
import type { DemocracyCommand, OrgState } from '../../src/democracy/index.js';
import type { SovietService } from '../../src/service/index.js';
import { type ApiWorld, DAY, PASSWORD, T0 } from './api-world.js';

/**
 * The people of the authorisation matrix (issue 5): everyone a route may face.
 * The organisation `acme` has a congress over two base councils, Docks and Mills; the
 * matrix is written from the point of view of Docks.
 */
export const PRINCIPALS = [
  'anonymous',
  'otherOrg',
  'otherCouncil',
  'member',
  'delegate',
  'officeHolder',
  'recalled',
  'expelled',
] as const;
export type Principal = (typeof PRINCIPALS)[number];

export interface Person {
  readonly username: string;
  readonly accountId: number;
  /** Their member id in the organisation they belong to. */
  readonly memberId: string;
  readonly org: string;
}

/** What the fixture built, with the ids the routes need. */
export interface OrgFixture {
  readonly org: 'acme';
  readonly people: Readonly<Record<Exclude<Principal, 'anonymous'>, Person>>;
  readonly accounts: Accounts;
  readonly councils: { readonly congress: string; readonly docks: string; readonly mills: string };
  /** A receipt of a ballot in a closed secret box (the recall of `recalled`). */
  readonly receipt: string;
  /** Unix ms at which the matrix runs. */
  readonly now: number;
}

/** The matrix's moment: 28½ days after founding (see the timeline below). */
export const MATRIX_TIME = T0 + 28 * DAY + 12 * 3_600_000;

async function run(
  service: SovietService,
  org: string,
  actor: string | null,
  command: DemocracyCommand,
) {
  return service.execute(org, actor, command);
}

async function joinMember(service: SovietService, org: string, inviter: string, name: string) {
  const { invitation } = await run(service, org, inviter, { kind: 'InviteMember' });
  const joined = await run(service, org, null, {
    kind: 'JoinWithInvitation',
    token: invitation?.token as string,
    name,
  });
  return joined.memberId as string;
}

/** The budget round a passed budget motion opened. */
export function roundOf(state: OrgState, motionId: string): string {
  const round = [...state.treasury.rounds.values()].find((r) => r.motionId === motionId);
  if (!round) throw new Error(`no budget round for ${motionId}`);
  return round.id;
}

function electionOf(state: OrgState, groupKey: string): string {
  const g = state.groups.get(groupKey);
  const id = g?.byElectionId ?? g?.regularElectionId;
  if (!id) throw new Error(`no open election for ${groupKey}`);
  return id;
}

/**
 * Builds, through the service (the rules' own path), an organisation in which every
 * principal exists, with something open for every route at MATRIX_TIME:
 *
 * - T0: Ann founds acme (Congress → Docks, Mills); Bob, Cat, Dan, Eve join Docks, Mia
 *   Mills; Oscar founds `other`. Ann stands for treasurer, Eve secretary, Dan chair, Bob
 *   delegate of Docks; all unopposed. Mills finds no candidate (its elections lapse).
 * - +7 d: a budget motion (seconded; voted at +15 d, passed at +21 d).
 * - +14 d: mandates granted. Ann petitions to recall Eve, Bob signs: the vote opens;
 *   Ann, Bob, Cat vote recall (Ann keeps her receipt). Ann moves to expel Dan, to spend
 *   50 EUR, and a second budget; all seconded. +15 d: "Vote open" (seconded).
 * - +16 d: a motion with an amendment (its amendment vote opens at +23 d).
 * - +21 d: Eve recalled; the secretary by-election opens; Cat stands. The first budget
 *   round opens for proposals.
 * - +22 d: Docks votes yes on the expulsion, the spending and the second budget; Cat
 *   proposes a project in the first round.
 * - +25 d: a motion in debate, and two motions still awaiting a seconder.
 * - +28 d: voting in the secretary by-election and in the first budget round opens;
 *   Dan is expelled, so the chair by-election opens (Ann nominates Cat, Bob and Eve);
 *   the spending is authorised; the second round opens, where Ann proposes a project.
 */
export async function buildOrgFixture(world: ApiWorld): Promise<OrgFixture> {
  const { service, clock } = world;
  const accounts = new Accounts({ db: world.store.db, clock: clock.read });
  clock.now = T0;
  const founded = await service.foundOrganisation({
    name: 'Acme Union',
    slug: 'acme',
    founderName: 'Ann',
    founderCouncil: 'Docks',
    councils: { name: 'Congress', children: [{ name: 'Docks' }, { name: 'Mills' }] },
  });
  const org = 'acme';
  const ann = founded.founderId;
  const bob = await joinMember(service, org, ann, 'Bob');
  const cat = await joinMember(service, org, ann, 'Cat');
  const dan = await joinMember(service, org, ann, 'Dan');
  const eve = await joinMember(service, org, ann, 'Eve');
  const mia = await joinMember(service, org, ann, 'Mia'); // to Docks, then she moves to Mills
  let state = await service.state(org);
  const root = state.org?.rootCouncilId as string;
  const byName = (name: string) =>
    [...state.councils.values()].find((c) => c.name === name)?.id as string;
  const docks = byName('Docks');
  const mills = byName('Mills');
  await run(service, org, mia, { kind: 'TransferMember', toCouncilId: mills });
  const other = await service.foundOrganisation({
    name: 'Other Co-op',
    slug: 'other',
    founderName: 'Oscar',
    founderCouncil: 'Yard',
    councils: { name: 'Assembly', children: [{ name: 'Yard' }] },
  });

  state = await service.state(org);
  for (const [member, key] of [
    [ann, `o:${docks}:treasurer`],
    [eve, `o:${docks}:secretary`],
    [dan, `o:${docks}:chair`],
    [bob, `d:${docks}`],
  ] as const) {
    await run(service, org, member, {
      kind: 'Nominate',
      electionId: electionOf(state, key),
      candidateId: member,
    });
  }

  // A budget round that will be voting at the matrix: its motion passes at +21 d.
  clock.now = T0 + 7 * DAY + 60_000;
  const budgetVoting = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Budget: voting at the matrix',
    text: 'A participatory budget of 100 EUR.',
    body: { kind: 'budget', amount: 10_000, currency: 'EUR', voteType: 'approval' },
  });
  await run(service, org, cat, { kind: 'SecondMotion', motionId: budgetVoting.motionId as string });

  clock.now = T0 + 14 * DAY + 60_000;
  await service.tick();
  state = await service.state(org);
  const mandateOf = (member: string) => state.members.get(member)?.mandates[0] as string;
  const eveMandate = mandateOf(eve);
  const petition = await run(service, org, ann, {
    kind: 'OpenRecallPetition',
    mandateId: eveMandate,
    reason: 'Never took minutes',
  });
  await run(service, org, bob, {
    kind: 'SignRecallPetition',
    petitionId: petition.petitionId as string,
  });
  const annBallot = await run(service, org, ann, {
    kind: 'CastRecallVote',
    petitionId: petition.petitionId as string,
    choice: 'recall',
  });
  for (const voter of [bob, cat])
    await run(service, org, voter, {
      kind: 'CastRecallVote',
      petitionId: petition.petitionId as string,
      choice: 'recall',
    });
  const expel = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Expel Dan',
    text: 'Dan sold the strike fund.',
    body: { kind: 'expulsion', memberId: dan },
  });
  await run(service, org, bob, { kind: 'SecondMotion', motionId: expel.motionId as string });
  const spending = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Buy a printer',
    text: 'Docks may spend 50 EUR on a printer.',
    body: { kind: 'spending', amount: 5_000, currency: 'EUR', payee: 'Print shop' },
  });
  await run(service, org, cat, { kind: 'SecondMotion', motionId: spending.motionId as string });
  const budgetProposals = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Budget: proposals at the matrix',
    text: 'A participatory budget of 200 EUR.',
    body: { kind: 'budget', amount: 20_000, currency: 'EUR', voteType: 'approval' },
  });
  await run(service, org, bob, {
    kind: 'SecondMotion',
    motionId: budgetProposals.motionId as string,
  });

  clock.now = T0 + 15 * DAY;
  for (const voter of [ann, bob, cat])
    await run(service, org, voter, {
      kind: 'CastMotionVote',
      motionId: budgetVoting.motionId as string,
      choice: 'yes',
    });
  const open = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Vote open',
    text: 'A motion whose vote is open at the matrix.',
    body: { kind: 'ordinary' },
  });
  await run(service, org, cat, { kind: 'SecondMotion', motionId: open.motionId as string });

  clock.now = T0 + 16 * DAY;
  const amended = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'Amended',
    text: 'A motion with an amendment.',
    body: { kind: 'ordinary' },
  });
  await run(service, org, cat, { kind: 'SecondMotion', motionId: amended.motionId as string });
  await run(service, org, bob, {
    kind: 'ProposeAmendment',
    motionId: amended.motionId as string,
    text: 'A motion with an adopted amendment.',
  });

  clock.now = T0 + 21 * DAY + 60_000;
  await service.tick();
  state = await service.state(org);
  await run(service, org, cat, {
    kind: 'Nominate',
    electionId: electionOf(state, `o:${docks}:secretary`),
    candidateId: cat,
  });

  clock.now = T0 + 22 * DAY;
  for (const voter of [ann, bob, cat, eve])
    for (const motion of [expel, spending, budgetProposals])
      await run(service, org, voter, {
        kind: 'CastMotionVote',
        motionId: motion.motionId as string,
        choice: 'yes',
      });
  state = await service.state(org);
  const roundVoting = roundOf(state, budgetVoting.motionId as string);
  await run(service, org, cat, {
    kind: 'ProposeProject',
    roundId: roundVoting,
    title: 'New kettle',
    description: 'For the break room.',
    cost: 1_000,
    payee: 'Kettle shop',
  });

  clock.now = T0 + 25 * DAY;
  const debating = await run(service, org, ann, {
    kind: 'ProposeMotion',
    councilId: docks,
    title: 'In debate',
    text: 'A motion in debate at the matrix.',
    body: { kind: 'ordinary' },
  });
  await run(service, org, bob, { kind: 'SecondMotion', motionId: debating.motionId as string });
  for (const title of ['Awaiting a seconder', 'To be withdrawn'])
    await run(service, org, ann, {
      kind: 'ProposeMotion',
      councilId: docks,
      title,
      text: `${title}.`,
      body: { kind: 'ordinary' },
    });

  clock.now = T0 + 28 * DAY + 60_000;
  await service.tick();
  state = await service.state(org);
  const chair = electionOf(state, `o:${docks}:chair`);
  for (const candidate of [cat, bob, eve])
    await run(service, org, ann, { kind: 'Nominate', electionId: chair, candidateId: candidate });
  await run(service, org, ann, {
    kind: 'ProposeProject',
    roundId: roundOf(state, budgetProposals.motionId as string),
    title: 'To be withdrawn',
    description: '',
    cost: 2_000,
    payee: 'Ann',
  });

  clock.now = MATRIX_TIME;
  await service.tick();

  const people = {} as Record<Exclude<Principal, 'anonymous'>, Person>;
  const add = async (
    principal: Exclude<Principal, 'anonymous'>,
    username: string,
    memberId: string,
    slug: string,
  ) => {
    const account = await accounts.register(username, PASSWORD);
    await accounts.linkMember(account.id, (await service.store.organisation(slug)).id, memberId);
    people[principal] = { username, accountId: account.id, memberId, org: slug };
  };
  await add('otherOrg', 'oscar', other.founderId, 'other');
  await add('otherCouncil', 'mia', mia, org);
  await add('member', 'cat', cat, org);
  await add('delegate', 'bob', bob, org);
  await add('officeHolder', 'ann', ann, org);
  await add('recalled', 'eve', eve, org);
  await add('expelled', 'dan', dan, org);
  return {
    org,
    people,
    accounts,
    councils: { congress: root, docks, mills },
    receipt: annBallot.receipt as string,
    now: MATRIX_TIME,
  };
}
