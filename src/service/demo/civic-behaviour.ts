import {
  activeMember,
  type BallotBox,
  type Choice,
  DAY,
  type DemocracyCommand,
  type Election,
  type OrgState,
  type RecallChoice,
  votingBody,
} from '../../democracy/index.js';
import { SovietError } from '../../errors/soviet-error.js';
import type { CommandResult, SovietService } from '../soviet-service.js';
import type { SeededRandom } from './seeded-random.js';

/** How a vote's voters lean: the chance of yes (recall), and named voters' fixed choices. */
export interface VotePlan {
  /** Chance that a voter who turns out votes yes (or recall). */
  readonly support: number;
  readonly turnout?: number;
  readonly choices?: ReadonlyMap<string, Choice | RecallChoice>;
}

/** Commands run at once: the store batches them into shared commits (group commit). */
const PARALLEL = 64;

/**
 * The members' ordinary civic life in the demonstration, driven day by day: when an
 * election's nominations are about to close, a few members of its electing body stand
 * (more than the seats, mostly); on the second day of any vote, most of its roll votes
 * (ranked ballots with candidates of varying popularity; motions and recalls as their
 * plan says). Every act is a member's command through the service, refused acts (e.g. a
 * candidate blocked by the rotation rules) are simply not done.
 */
export class CivicBehaviour {
  private readonly nominated = new Set<string>();
  private readonly voted = new Set<string>();
  /** Plans by subject id (motion, amendment or petition). */
  readonly plans = new Map<string, VotePlan>();
  /** Members who will not stand again for a seat group (e.g. recalled from it), by group key. */
  readonly barred = new Map<string, Set<string>>();

  constructor(
    private readonly service: SovietService,
    private readonly org: string,
    private readonly random: SeededRandom,
  ) {}

  /** Runs a command; a refusal by the rules gives undefined, anything else is thrown. */
  async attempt(
    actor: string | null,
    command: DemocracyCommand,
  ): Promise<CommandResult | undefined> {
    try {
      return await this.service.execute(this.org, actor, command);
    } catch (error) {
      if (error instanceof SovietError && error.code !== 'ENTROPY_TOO_SHORT') return undefined;
      throw error;
    }
  }

  /** Runs commands concurrently in bounded waves. */
  async all(jobs: readonly (() => Promise<unknown>)[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += PARALLEL)
      await Promise.all(jobs.slice(i, i + PARALLEL).map((job) => job()));
  }

  /** One day of elections and votes, as of `now`. */
  async day(now: number): Promise<void> {
    const state = await this.service.state(this.org);
    // Delegations first: they form the councils above, whose voting bodies are delegates.
    const due = [...state.elections.values()]
      .filter(
        (e) =>
          e.phase === 'nominations' &&
          !this.nominated.has(e.id) &&
          e.nominationsCloseAt - now <= 3 * DAY,
      )
      .sort((a, b) => Number(b.groupKey.startsWith('d:')) - Number(a.groupKey.startsWith('d:')));
    for (const election of due) {
      this.nominated.add(election.id);
      await this.stand(await this.service.state(this.org), election);
    }
    const fresh = await this.service.state(this.org);
    const boxes = [...fresh.boxes.values()].filter(
      (b) => !b.closed && !this.voted.has(b.id) && now >= b.opensAt + DAY && now < b.closesAt,
    );
    for (const box of boxes) {
      this.voted.add(box.id);
      await this.vote(fresh, box);
    }
  }

  /**
   * A few members of the electing body stand: more than the seats, mostly; those who
   * hold or seek fewer mandates first (the rotation rules would refuse the others).
   */
  private async stand(state: OrgState, election: Election): Promise<void> {
    const load = (id: string) => {
      const m = state.members.get(id);
      return (m?.mandates.length ?? 0) + (m?.candidacies.length ?? 0);
    };
    const body = this.random
      .shuffle(
        [...votingBody(state, election.electingCouncilId).keys()].filter(
          (id) =>
            activeMember(state, id) !== undefined && !this.barred.get(election.groupKey)?.has(id),
        ),
      )
      .sort((a, b) => load(a) - load(b));
    const contested = this.random.chance(0.85);
    const wanted = Math.min(
      body.length,
      election.seats + (contested ? this.random.int(1, Math.min(3, election.seats + 1)) : 0),
    );
    let standing = 0;
    for (const candidate of body) {
      if (standing >= wanted) break;
      const done = await this.attempt(candidate, {
        kind: 'Nominate',
        electionId: election.id,
        candidateId: candidate,
      });
      if (done) standing++;
    }
  }

  private async vote(state: OrgState, box: BallotBox): Promise<void> {
    const roll = this.random.shuffle(
      [...box.roll.keys()].filter((id) => activeMember(state, id) !== undefined),
    );
    if (box.subject.kind === 'election') {
      const election = state.elections.get(box.subject.id);
      if (!election || election.candidates.length === 0) return;
      const popularity = new Map(election.candidates.map((c) => [c, 0.3 + this.random.next()]));
      const turnout = 0.55 + 0.35 * this.random.next();
      const jobs = roll
        .filter(() => this.random.chance(turnout))
        .map((voter) => {
          const ranking = this.rank(election.candidates, popularity);
          return () =>
            this.attempt(voter, { kind: 'CastBallot', electionId: election.id, ranking });
        });
      await this.all(jobs);
      return;
    }
    // Motions, amendments and recalls: the plan's support decides the split, so that a
    // small council (three delegates) votes as the story means rather than by chance.
    const plan = this.plans.get(box.subject.id) ?? { support: 0.6 };
    const turnout = plan.turnout ?? 0.5 + 0.4 * this.random.next();
    const forced = plan.choices ?? new Map<string, Choice | RecallChoice>();
    const others = roll.filter((id) => !forced.has(id));
    const count = Math.min(others.length, Math.max(1, Math.round(roll.length * turnout)));
    const yes = Math.round(plan.support * count);
    const abstain = Math.floor((count - yes) * 0.2);
    const choices: [string, 0 | 1 | 2][] = others
      .slice(0, count)
      .map((voter, i) => [voter, i < yes ? 0 : i < count - abstain ? 1 : 2]);
    const subject = box.subject;
    const jobs = [
      ...[...forced].filter(([voter]) => box.roll.has(voter)),
      ...choices.map(
        ([voter, lean]) =>
          [
            voter,
            subject.kind === 'recall'
              ? (['recall', 'keep', 'abstain'] as const)[lean]
              : (['yes', 'no', 'abstain'] as const)[lean],
          ] as const,
      ),
    ].map(([voter, choice]) => {
      if (subject.kind === 'recall')
        return () =>
          this.attempt(voter, {
            kind: 'CastRecallVote',
            petitionId: subject.id,
            choice: choice as RecallChoice,
          });
      if (subject.kind === 'amendment')
        return () =>
          this.attempt(voter, {
            kind: 'CastAmendmentVote',
            amendmentId: subject.id,
            choice: choice as Choice,
          });
      return () =>
        this.attempt(voter, {
          kind: 'CastMotionVote',
          motionId: subject.id,
          choice: choice as Choice,
        });
    });
    await this.all(jobs);
  }

  /** A ranking: candidates drawn by popularity, sometimes only the first few. */
  private rank(candidates: readonly string[], popularity: ReadonlyMap<string, number>): string[] {
    const left = [...candidates];
    const out: string[] = [];
    const length = this.random.chance(0.3) ? this.random.int(1, left.length) : left.length;
    while (out.length < length) {
      const total = left.reduce((s, c) => s + (popularity.get(c) ?? 1), 0);
      let r = this.random.next() * total;
      let i = 0;
      for (; i < left.length - 1; i++) {
        r -= popularity.get(left[i] as string) ?? 1;
        if (r < 0) break;
      }
      out.push(left.splice(i, 1)[0] as string);
    }
    return out;
  }
}
