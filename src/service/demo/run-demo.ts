import {
  type CouncilSpec,
  DAY,
  delegationKey,
  type MotionBody,
  type OrgState,
  officeKey,
  votingBody,
} from '../../democracy/index.js';
import { SovietError } from '../../errors/soviet-error.js';
import type { DemocracyStore } from '../../store/democracy-domain.js';
import { serviceError } from '../errors.js';
import { createSovietService, type SovietService } from '../soviet-service.js';
import { CivicBehaviour } from './civic-behaviour.js';
import { NameBook } from './demo-names.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoOptions {
  /** The organisation's slug (default `demo`). */
  readonly org?: string;
  /** The real now (default Date.now()): the history ends here, open business lies ahead. */
  readonly now?: number;
  /** Multiplies the base councils' sizes (default 1: about 310 members). */
  readonly scale?: number;
  /** Seed of the story's choices (default 1917). */
  readonly seed?: number;
  /** Randomness for receipts and invitation tokens (default node:crypto). */
  readonly random?: (bytes: number) => Uint8Array;
  /** Called after each simulated day. */
  readonly onProgress?: (day: number, days: number) => void;
}

export interface DemoReport {
  readonly org: string;
  readonly origin: string;
  readonly vkey: string;
  readonly members: number;
  readonly councils: number;
  readonly entries: number;
  readonly electionsCounted: number;
  readonly motions: number;
  /** When the history starts (ms). */
  readonly startedAt: number;
}

/** Days of history: founding to now. */
export const DEMO_DAYS = 240;
const HOUR = 3_600_000;

/** The councils: a congress, three districts, eight base councils (and their initial sizes). */
const DISTRICTS: readonly { name: string; bases: readonly [string, number][] }[] = [
  {
    name: 'North District',
    bases: [
      ['Harbour Branch', 45],
      ['Shipyard Branch', 38],
      ['Rail Depot Branch', 30],
    ],
  },
  {
    name: 'Riverside District',
    bases: [
      ['Mill Branch', 34],
      ['Warehouse Branch', 22],
    ],
  },
  {
    name: 'South District',
    bases: [
      ['Hospital Branch', 40],
      ['School Branch', 28],
      ['Transit Branch', 26],
    ],
  },
];

const TREE: CouncilSpec = {
  name: 'Congress',
  children: DISTRICTS.map((d) => ({
    name: d.name,
    children: d.bases.map(([name]) => ({ name })),
  })),
};

/**
 * `soviet demo`: creates the organisation `demo` with a realistic history made only
 * through the service, with the same commands members use (issue 4, "A living
 * demonstration"). A simulated clock starts {@link DEMO_DAYS} days ago and ends at the
 * real now, ticking every deadline on the way as the scheduler would:
 *
 * - founding (a congress, three districts, eight branches); about 310 members joining
 *   by invitation, most in the first week, more in a recruitment drive, a trickle after;
 * - every election that opens is contested and voted (IRV for one seat); the congress
 *   lowers `delegateRatio`, raises `maxConcurrentMandates` and opens its record to the
 *   public (`recordVisibility`) by constitutional motions,
 *   so the branches' new delegate seats are filled by STV by-elections and the congress
 *   offices (left vacant: every congress delegate already held two mandates) by calls;
 * - motions with amendments (secret ballots in a branch, open votes among delegates), a
 *   spending motion, transfers and departures;
 * - an instruction of Harbour Branch to its delegates on a North District motion, a
 *   delegate's contrary vote (a breach), the successful recall of that delegate citing
 *   the breach, and the by-election that replaces them;
 * - business still open at the end: a by-election in its voting phase, a motion in
 *   debate, and a recall petition collecting signatures.
 *
 * Refuses with DEMO_EXISTS when the organisation exists (it never touches it).
 */
export async function runDemo(
  store: DemocracyStore,
  options: DemoOptions = {},
): Promise<DemoReport> {
  const org = options.org ?? 'demo';
  const end = options.now ?? Date.now();
  const scale = options.scale ?? 1;
  try {
    await store.organisation(org);
    throw serviceError('DEMO_EXISTS', { org });
  } catch (error) {
    if (!(error instanceof SovietError && error.code === 'ORG_NOT_FOUND')) throw error;
  }
  // The last simulated business day ends an hour before `end`: nothing is ever logged
  // later than the real now.
  const start = end - DEMO_DAYS * DAY - 10 * HOUR;
  const sim = { now: start };
  const service = createSovietService({
    store,
    clock: () => sim.now,
    ...(options.random ? { random: options.random } : {}),
  });
  const random = new SeededRandom(options.seed ?? 1917);
  const story = new Story(service, org, random, sim, new NameBook(random));
  /** Moves the simulated clock to `hour` o'clock of `day` (day 0 starts at 08:00). */
  const at = (day: number, hour = 9) => {
    sim.now = Math.max(sim.now, start + day * DAY + (hour - 8) * HOUR);
  };

  await story.found(scale);
  for (let day = 0; day <= DEMO_DAYS; day++) {
    at(day, 9);
    await service.tick(sim.now);
    await story.scripted(day, at);
    at(day, 17);
    await story.civic.day(sim.now);
    options.onProgress?.(day, DEMO_DAYS);
  }
  sim.now = Math.max(sim.now, end);
  await service.tick(sim.now);

  const state = await service.state(org);
  const head = await store.head(org);
  let members = 0;
  for (const m of state.members.values()) if (m.status === 'active') members++;
  let councils = 0;
  for (const c of state.councils.values()) if (c.dissolvedAt === null) councils++;
  let electionsCounted = 0;
  for (const e of state.elections.values())
    if (e.elected && e.elected.length > 0) electionsCounted++;
  return {
    org,
    origin: (await store.organisation(org)).origin,
    vkey: await store.verifierKey(org),
    members,
    councils,
    entries: head.size,
    electionsCounted,
    motions: state.motions.size,
    startedAt: start,
  };
}

/** The scripted part of the history; the rest is the members' civic behaviour. */
class Story {
  readonly civic: CivicBehaviour;
  private founder = 'm1';
  private readonly organisers = new Map<string, string>();
  /** Each branch's size at the end of the founding week. */
  private targets = new Map<string, number>();
  /** Ids that later chapters of the story need. */
  private readonly threads: Record<string, string> = {};

  constructor(
    private readonly service: SovietService,
    private readonly org: string,
    private readonly random: SeededRandom,
    private readonly sim: { now: number },
    private readonly names: NameBook,
  ) {
    this.civic = new CivicBehaviour(service, org, random);
  }

  private state(): Promise<OrgState> {
    return this.service.state(this.org);
  }

  private councilId(state: OrgState, name: string): string {
    for (const c of state.councils.values()) if (c.name === name) return c.id;
    throw new Error(`the demo has no council ${name}`);
  }

  private activeIn(state: OrgState, councilName: string): string[] {
    const c = state.councils.get(this.councilId(state, councilName));
    return [...(c?.members.keys() ?? [])];
  }

  private bodyOf(state: OrgState, councilName: string): string[] {
    return [...votingBody(state, this.councilId(state, councilName)).keys()];
  }

  private holders(state: OrgState, groupKey: string): string[] {
    return (state.groups.get(groupKey)?.sitting ?? []).flatMap((id) => {
      const m = state.mandates.get(id);
      return m ? [m.holderId] : [];
    });
  }

  private step(minutes = 7): void {
    this.sim.now += minutes * 60_000;
  }

  async found(scale: number): Promise<void> {
    const founded = await this.service.foundOrganisation({
      name: 'Federation of Harbour and Transport Workers',
      slug: this.org,
      founderName: this.names.next(),
      councils: TREE,
      founderCouncil: 'Harbour Branch',
    });
    this.founder = founded.founderId;
    this.organisers.set('Harbour Branch', this.founder);
    // An organising committee: one organiser per branch, invited by the founder, moves there.
    const state = await this.state();
    for (const d of DISTRICTS)
      for (const [base] of d.bases) {
        if (base === 'Harbour Branch') continue;
        this.step(3);
        const id = await this.join(this.founder);
        await this.service.execute(this.org, id, {
          kind: 'TransferMember',
          toCouncilId: this.councilId(state, base),
        });
        this.organisers.set(base, id);
      }
    this.targets = new Map(
      DISTRICTS.flatMap((d) =>
        d.bases.map(([base, size]) => [base, Math.max(6, Math.round(size * scale))] as const),
      ),
    );
  }

  /** `inviter` invites a person, who joins their branch. Returns the new member's id. */
  private async join(inviter: string): Promise<string> {
    const invited = await this.service.execute(this.org, inviter, { kind: 'InviteMember' });
    const joined = await this.service.execute(this.org, null, {
      kind: 'JoinWithInvitation',
      token: invited.invitation?.token as string,
      name: this.names.next(),
    });
    return joined.memberId as string;
  }

  /** Members of each branch invite `count(base)` new people, concurrently. */
  private async recruit(count: (base: string) => number): Promise<void> {
    const state = await this.state();
    const jobs: (() => Promise<unknown>)[] = [];
    for (const d of DISTRICTS)
      for (const [base] of d.bases) {
        const members = this.activeIn(state, base);
        for (let i = 0; i < count(base); i++) {
          const inviter =
            members.length > 0 ? this.random.pick(members) : this.organisers.get(base);
          if (inviter) jobs.push(() => this.join(inviter));
        }
      }
    await this.civic.all(jobs);
  }

  private async motion(
    proposer: string,
    councilName: string,
    title: string,
    text: string,
    body: MotionBody,
    seconder: string,
    support: number,
  ): Promise<string | undefined> {
    const state = await this.state();
    const proposed = await this.civic.attempt(proposer, {
      kind: 'ProposeMotion',
      councilId: this.councilId(state, councilName),
      title,
      text,
      body,
    });
    const motionId = proposed?.motionId;
    if (!motionId) return undefined;
    this.step();
    await this.civic.attempt(seconder, { kind: 'SecondMotion', motionId });
    this.civic.plans.set(motionId, { support });
    return motionId;
  }

  private async amend(member: string, motionId: string, text: string, support: number) {
    const done = await this.civic.attempt(member, { kind: 'ProposeAmendment', motionId, text });
    if (done?.amendmentId) this.civic.plans.set(done.amendmentId, { support });
  }

  /** Two distinct members of a list (proposer and seconder). */
  private pair(ids: readonly string[]): [string, string] | undefined {
    if (ids.length < 2) return undefined;
    const [a, b] = this.random.shuffle(ids);
    return [a as string, b as string];
  }

  async scripted(day: number, at: (day: number, hour?: number) => void): Promise<void> {
    const last = DEMO_DAYS;
    // Founding week: the branches fill up.
    if (day <= 6) {
      const share = [0.3, 0.25, 0.15, 0.1, 0.1, 0.06, 0.04][day] ?? 0;
      await this.recruit((base) => Math.round((this.targets.get(base) ?? 0) * share));
    }
    if (day === 20) await this.safetyMotion();
    if (day === 22) {
      const motionId = this.threads.safety;
      const state = await this.state();
      const harbour = this.activeIn(state, 'Harbour Branch');
      if (motionId) {
        await this.amend(
          this.random.pick(harbour),
          motionId,
          'The branch forms a health and safety committee of five members, elected by the branch for six months, which inspects every berth and crane each month and reports to the branch meeting.',
          0.72,
        );
        this.step();
        await this.amend(
          this.random.pick(harbour),
          motionId,
          'The branch asks the employer to form a joint health and safety committee.',
          0.2,
        );
      }
    }
    if (day === 45) await this.constitutionalMotions();
    if (day === 61 || day === 95) await this.callVacancies();
    if (day >= 60 && day <= 64) await this.recruit(() => this.random.int(0, 2));
    if (day === 80) await this.strikeFund();
    if (day === 100) await this.fourDayWeek(at);
    if (day === 101 && this.threads.fourDay) {
      const state = await this.state();
      await this.amend(
        this.random.pick(this.bodyOf(state, 'North District')),
        this.threads.fourDay,
        'North District joins the campaign for a four-day, thirty-two-hour week with no loss of pay, to be won sector by sector, starting with shift workers, and reports on it to the congress.',
        0.65,
      );
    }
    if (day === 125) await this.recallBreacher();
    if (day === 150) await this.movesAndDepartures();
    if (day === 160)
      await this.branchMotion(
        'Transit Branch',
        'Night bus safety',
        'The branch demands a second staff member on every night bus after 23:00.',
        0.8,
      );
    if (day === 175)
      await this.branchMotion(
        'Mill Branch',
        'Leave the regional sports league',
        'The branch withdraws its team from the regional sports league to save the fee.',
        0.3,
      );
    if (day === 190) {
      const motionId = await this.branchMotion(
        'School Branch',
        'Class sizes',
        'The branch campaigns for classes of no more than 25 pupils.',
        0.75,
      );
      if (motionId) {
        this.step();
        const state = await this.state();
        await this.amend(
          this.random.pick(this.activeIn(state, 'School Branch')),
          motionId,
          'The branch campaigns for classes of no more than 25 pupils, and 20 in the first two years.',
          0.6,
        );
      }
    }
    if (day >= 200 && day % 10 === 0) await this.recruit(() => (this.random.chance(0.4) ? 1 : 0));
    // Business still open at the end.
    if (day === last - 9) await this.resignMillChair();
    if (day === last - 2)
      await this.branchMotion(
        'Hospital Branch',
        'Safe staffing ratios',
        'The branch adopts the demand of one nurse for every four patients on every ward, day and night, and asks South District to carry it to the congress.',
        0.7,
      );
    if (day === last - 1) await this.openPetition();
  }

  private async branchMotion(
    branch: string,
    title: string,
    text: string,
    support: number,
  ): Promise<string | undefined> {
    const state = await this.state();
    const pair = this.pair(this.activeIn(state, branch));
    if (!pair) return undefined;
    return this.motion(pair[0], branch, title, text, { kind: 'ordinary' }, pair[1], support);
  }

  private async safetyMotion(): Promise<void> {
    const motionId = await this.branchMotion(
      'Harbour Branch',
      'Health and safety committee',
      'The branch forms a health and safety committee that inspects the berths and cranes and reports to the branch meeting.',
      0.85,
    );
    if (motionId) this.threads.safety = motionId;
  }

  /**
   * The congress's first constitutional motions: more delegates (a branch of forty sends
   * one, like a branch of four), and three mandates at once (a congress delegate holds
   * two already, their branch's and their district's, so that no one could take a
   * congress office).
   */
  private async constitutionalMotions(): Promise<void> {
    const state = await this.state();
    const pair = this.pair(this.bodyOf(state, 'Congress'));
    if (!pair) return;
    await this.motion(
      pair[0],
      'Congress',
      'One delegate for every twelve members',
      'Branches of forty members send one delegate, as branches of four; the congress lowers the delegate ratio to one delegate for every twelve members, so that every branch is heard in proportion to its size.',
      { kind: 'constitutional', parameter: 'delegateRatio', value: 12 },
      pair[1],
      0.95,
    );
    this.step(30);
    await this.motion(
      pair[1],
      'Congress',
      'Three mandates at once',
      'Every congress delegate already holds two mandates, from their branch and their district, so nobody may take a congress office; the congress raises the limit of mandates held at once to three.',
      { kind: 'constitutional', parameter: 'maxConcurrentMandates', value: 3 },
      pair[0],
      0.9,
    );
    this.step(30);
    await this.motion(
      pair[0],
      'Congress',
      'An open record',
      'The federation has nothing to hide from the workers it organises: the congress opens its record to the public. Members stay known to the public only by their member numbers; the names of our delegates and officers, who answer to everyone, are shown.',
      { kind: 'constitutional', parameter: 'recordVisibility', value: 'public' },
      pair[1],
      0.9,
    );
  }

  /** Members call by-elections for offices left vacant by elections that found no candidate. */
  private async callVacancies(): Promise<void> {
    const state = await this.state();
    for (const c of state.councils.values()) {
      if (c.kind !== 'delegate' || c.dissolvedAt !== null) continue;
      const body = this.bodyOf(state, c.name);
      if (body.length === 0) continue;
      for (const office of c.offices) {
        const g = state.groups.get(officeKey(c.id, office));
        if (!g || g.sitting.length > 0 || g.regularElectionId || g.byElectionId) continue;
        this.step(5);
        await this.civic.attempt(this.random.pick(body), {
          kind: 'CallElection',
          groupKey: g.key,
        });
      }
    }
  }

  private async strikeFund(): Promise<void> {
    const state = await this.state();
    const pair = this.pair(this.bodyOf(state, 'South District'));
    if (!pair) return;
    await this.motion(
      pair[0],
      'South District',
      'Donation to the hospital cleaners’ strike fund',
      'South District donates 2,500 euros to the strike fund of the hospital cleaners employed by the contractor.',
      {
        kind: 'spending',
        amount: 250_000,
        currency: 'EUR',
        payee: 'Hospital Cleaners Strike Fund',
      },
      pair[1],
      0.8,
    );
  }

  /**
   * North District debates joining the four-day-week campaign; Harbour Branch instructs
   * its delegates to North District to vote for it (a secret ballot of the branch); one
   * of them votes against (an open vote among delegates: a breach, recorded with it).
   */
  private async fourDayWeek(at: (day: number, hour?: number) => void): Promise<void> {
    let state = await this.state();
    const harbourId = this.councilId(state, 'Harbour Branch');
    const harbourDelegates = this.holders(state, delegationKey(harbourId));
    const north = this.bodyOf(state, 'North District');
    const others = north.filter((id) => !harbourDelegates.includes(id));
    const pair = this.pair(others.length >= 2 ? others : north);
    if (!pair) return;
    const motionId = await this.motion(
      pair[0],
      'North District',
      'A four-day week',
      'North District joins the campaign for a four-day, thirty-two-hour week with no loss of pay.',
      { kind: 'ordinary' },
      pair[1],
      0.75,
    );
    if (!motionId) return;
    this.threads.fourDay = motionId;
    at(100, 10);
    state = await this.state();
    const harbour = this.pair(this.activeIn(state, 'Harbour Branch'));
    if (!harbour) return;
    const instruction = await this.motion(
      harbour[0],
      'Harbour Branch',
      'Our delegates vote for the four-day week',
      'Harbour Branch instructs its delegates to North District to vote yes on the motion “A four-day week”.',
      { kind: 'instruction', targetMotionId: motionId, position: 'yes' },
      harbour[1],
      0.85,
    );
    if (!instruction) return;
    this.civic.plans.set(instruction, { support: 0.85, turnout: 0.7 });
    // One of Harbour's delegates will vote against the instruction.
    const breacher = harbourDelegates[0];
    if (breacher) {
      this.threads.breacher = breacher;
      this.civic.plans.set(motionId, {
        support: 0.75,
        turnout: 0.95,
        choices: new Map([[breacher, 'no' as const]]),
      });
    }
  }

  /** Harbour Branch recalls the delegate who broke its instruction. */
  private async recallBreacher(): Promise<void> {
    const breacher = this.threads.breacher;
    if (!breacher) return;
    const state = await this.state();
    const harbourId = this.councilId(state, 'Harbour Branch');
    const mandateId = state.groups
      .get(delegationKey(harbourId))
      ?.sitting.find((id) => state.mandates.get(id)?.holderId === breacher);
    if (!mandateId) return;
    const breaches = [...state.breaches.values()]
      .filter((b) => b.memberId === breacher && b.councilId === harbourId)
      .map((b) => b.id);
    const body = this.random.shuffle(
      this.activeIn(state, 'Harbour Branch').filter((id) => id !== breacher),
    );
    const [opener, ...signers] = body;
    if (!opener) return;
    const opened = await this.civic.attempt(opener, {
      kind: 'OpenRecallPetition',
      mandateId,
      reason:
        'Our delegate voted against the four-day week in North District although the branch had instructed its delegates to vote for it.',
      breachIds: breaches,
    });
    const petitionId = opened?.petitionId;
    if (!petitionId) return;
    // Recalled for breaking the instruction, the delegate does not stand in the by-election.
    this.civic.barred.set(delegationKey(harbourId), new Set([breacher]));
    this.civic.plans.set(petitionId, {
      support: 0.8,
      turnout: 0.8,
      choices: new Map([[breacher, 'keep' as const]]),
    });
    for (const signer of signers) {
      this.step(41);
      const now = (await this.state()).petitions.get(petitionId);
      if (now?.phase !== 'petition') break;
      await this.civic.attempt(signer, { kind: 'SignRecallPetition', petitionId });
    }
  }

  private async movesAndDepartures(): Promise<void> {
    const state = await this.state();
    const moves: [string, string][] = [
      ['Shipyard Branch', 'Harbour Branch'],
      ['Warehouse Branch', 'Mill Branch'],
      ['Transit Branch', 'Hospital Branch'],
    ];
    for (const [from, to] of moves) {
      const who = this.random.pick(this.activeIn(state, from));
      this.step(23);
      await this.civic.attempt(who, {
        kind: 'TransferMember',
        toCouncilId: this.councilId(state, to),
      });
    }
    for (const branch of ['Rail Depot Branch', 'School Branch']) {
      this.step(31);
      await this.civic.attempt(this.random.pick(this.activeIn(state, branch)), {
        kind: 'LeaveOrganisation',
      });
    }
  }

  /** Mill's chair resigns nine days before the end: a by-election is still voting at the end. */
  private async resignMillChair(): Promise<void> {
    const state = await this.state();
    const group = state.groups.get(officeKey(this.councilId(state, 'Mill Branch'), 'chair'));
    const mandateId = group?.sitting[0];
    const holder = mandateId ? state.mandates.get(mandateId)?.holderId : undefined;
    if (mandateId && holder) await this.civic.attempt(holder, { kind: 'ResignMandate', mandateId });
  }

  /** A petition opened the day before the end, still collecting signatures. */
  private async openPetition(): Promise<void> {
    const state = await this.state();
    const schoolId = this.councilId(state, 'School Branch');
    const mandateId = state.groups.get(delegationKey(schoolId))?.sitting[0];
    const holder = mandateId ? state.mandates.get(mandateId)?.holderId : undefined;
    if (!mandateId || !holder) return;
    const members = this.random.shuffle(
      this.activeIn(state, 'School Branch').filter((id) => id !== holder),
    );
    const [opener, ...others] = members;
    if (!opener) return;
    const opened = await this.civic.attempt(opener, {
      kind: 'OpenRecallPetition',
      mandateId,
      reason: 'Our delegate has missed three district meetings in a row without reporting back.',
    });
    const petitionId = opened?.petitionId;
    if (!petitionId) return;
    const needed = (await this.state()).petitions.get(petitionId)?.needed ?? 2;
    // Signatures short of the threshold: the petition is still collecting them.
    for (const signer of others.slice(0, Math.max(0, needed - 3))) {
      this.step(53);
      await this.civic.attempt(signer, { kind: 'SignRecallPetition', petitionId });
    }
  }
}
