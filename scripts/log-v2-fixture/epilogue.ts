/**
 * What the demonstration's story does not reach, played after it in the same organisation
 * so that the fixture log holds every event type of entry format 2 (the frozen catalogue's
 * entries of that format; test/cli/log-v2-fixture.test.ts checks it): a treasury with its
 * ledger, income, a transfer and a payment under the demo's spending motion; two
 * participatory budgets (one voted and paid, one that lapses); a read token granted and
 * revoked by the congress; a council created and dissolved, two branches merged; an
 * expulsion; a member who leaves and has their personal data erased; a withdrawn motion;
 * a resignation whose by-election sees a nomination declined. The demo's open business
 * (by-elections, a motion in debate, a recall petition) closes on the way.
 *
 * Every act goes through the service with the commands members use, on a clock that
 * moves on from the end of the demo.
 */
import {
  type MotionBody,
  type OrgState,
  officeKey,
  votingBody,
} from '../../src/democracy/index.js';
import type { SovietService } from '../../src/service/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export async function runEpilogue(
  service: SovietService,
  org: string,
  clock: { now: number },
): Promise<void> {
  const play = new Epilogue(service, org, clock);
  await play.run();
}

class Epilogue {
  constructor(
    private readonly service: SovietService,
    private readonly org: string,
    private readonly clock: { now: number },
  ) {}

  async run(): Promise<void> {
    await this.later(HOUR);
    await this.treasury();
    await this.resignation();
    await this.leavingAndErasure();
    const first = await this.motions([
      {
        council: 'Congress',
        title: 'One-month terms, as a trial',
        body: { kind: 'constitutional', parameter: 'termMonths', value: 1 },
      },
      {
        council: 'Hospital Branch',
        title: 'A budget for the ward rooms',
        body: this.budget('approval'),
      },
      {
        council: 'School Branch',
        title: 'A budget for the staff room',
        body: this.budget('cumulative'),
      },
      {
        council: 'Congress',
        title: 'Read access for the auditors',
        body: { kind: 'readAccess', action: 'grant', label: 'The federation’s auditors' },
      },
      { council: 'North District', title: 'A branch for the new dock', body: await this.create() },
      { council: 'Rail Depot Branch', title: 'Join the Shipyard Branch', body: await this.merge() },
      { council: 'North District', title: 'Rail Depot joins Shipyard', body: await this.merge() },
      { council: 'Warehouse Branch', title: 'Expel a member', body: await this.expulsion() },
    ]);
    const pioneer = await this.settleDockBranch();
    await this.withdrawnMotion();
    await this.budgetRound('Hospital Branch');
    await this.leaveDockBranch(pioneer);
    const [grant] = first.filter((m) => m.body.kind === 'readAccess');
    await this.motions([
      {
        council: 'Congress',
        title: 'End the auditors’ read access',
        body: { kind: 'readAccess', action: 'revoke', grantId: grant?.id as string },
      },
      {
        council: 'Congress',
        title: 'Back to twelve-month terms',
        body: { kind: 'constitutional', parameter: 'termMonths', value: 12 },
      },
      {
        council: 'North District',
        title: 'Dissolve the dock branch: the dock was not built',
        body: {
          kind: 'structure',
          change: { action: 'dissolve', councilId: await this.councilId('Dock Branch') },
        },
      },
    ]);
    await this.payProject('Hospital Branch');
    await this.later(30 * DAY);
  }

  private async state(): Promise<OrgState> {
    return this.service.state(this.org);
  }

  /** Moves the clock on and processes every deadline passed, as the scheduler does. */
  private async later(ms: number): Promise<void> {
    await this.until(this.clock.now + ms);
  }

  private async until(at: number): Promise<void> {
    this.clock.now = Math.max(this.clock.now, at);
    await this.service.tick(this.clock.now);
  }

  private act(actor: string, command: Parameters<SovietService['execute']>[2]) {
    this.clock.now += 5 * 60_000;
    return this.service.execute(this.org, actor, command);
  }

  private async councilId(name: string): Promise<string> {
    for (const c of (await this.state()).councils.values())
      if (c.name === name && c.dissolvedAt === null) return c.id;
    throw new Error(`the fixture has no council ${name}`);
  }

  private async holder(groupKey: string): Promise<string> {
    const state = await this.state();
    const mandateId = state.groups.get(groupKey)?.sitting[0];
    const holder = mandateId && state.mandates.get(mandateId)?.holderId;
    if (!holder) throw new Error(`nobody sits in ${groupKey}`);
    return holder;
  }

  /** Active members of a base council, those without a mandate first (ids in order). */
  private async membersOf(name: string): Promise<{ plain: string[]; all: string[] }> {
    const state = await this.state();
    const council = state.councils.get(await this.councilId(name));
    const all = [...(council?.members.keys() ?? [])];
    const plain = all.filter((id) => state.members.get(id)?.mandates.length === 0);
    return { plain, all };
  }

  private budget(voteType: 'approval' | 'cumulative'): MotionBody {
    return { kind: 'budget', amount: 300_000, currency: 'EUR', voteType };
  }

  private async create(): Promise<MotionBody> {
    const parentId = await this.councilId('North District');
    return {
      kind: 'structure',
      change: { action: 'create', name: 'Dock Branch', councilKind: 'base', parentId },
    };
  }

  private async merge(): Promise<MotionBody> {
    const fromId = await this.councilId('Rail Depot Branch');
    const intoId = await this.councilId('Shipyard Branch');
    return { kind: 'structure', change: { action: 'merge', fromId, intoId } };
  }

  private async expulsion(): Promise<MotionBody> {
    const { plain } = await this.membersOf('Warehouse Branch');
    return { kind: 'expulsion', memberId: plain.at(-1) as string };
  }

  /** South District's treasurer keeps its books and pays under the demo's spending motion. */
  private async treasury(): Promise<void> {
    const councilId = await this.councilId('South District');
    const treasurer = await this.holder(officeKey(councilId, 'treasurer'));
    const [authorisation] = [...(await this.state()).treasury.authorisations.values()];
    if (!authorisation) throw new Error('the demo authorised no spending');
    const currency = authorisation.currency;
    await this.act(treasurer, { kind: 'OpenLedger', councilId, currency });
    await this.act(treasurer, {
      kind: 'AddLedgerAccount',
      councilId,
      code: 'bank',
      name: 'Bank account',
      accountType: 'asset',
    });
    const dues = authorisation.amount * 3;
    await this.act(treasurer, {
      kind: 'RecordIncome',
      councilId,
      amount: dues,
      source: 'Dues from the branches',
      into: 'bank',
    });
    await this.act(treasurer, {
      kind: 'RecordTransfer',
      councilId,
      amount: authorisation.amount,
      from: 'bank',
      to: 'cash',
      memo: 'Cash for the payment',
    });
    await this.act(treasurer, {
      kind: 'MakePayment',
      authorisationId: authorisation.id,
      amount: authorisation.amount,
      memo: 'As the district decided',
    });
  }

  /** A secretary resigns; in the by-election one nominee declines, another stands and wins. */
  private async resignation(): Promise<void> {
    const councilId = await this.councilId('School Branch');
    const key = officeKey(councilId, 'secretary');
    const state = await this.state();
    const mandateId = state.groups.get(key)?.sitting[0] as string;
    const secretary = state.mandates.get(mandateId)?.holderId as string;
    await this.act(secretary, { kind: 'ResignMandate', mandateId });
    const election = [...(await this.state()).elections.values()].find(
      (e) => e.groupKey === key && e.phase === 'nominations',
    );
    if (!election) throw new Error('no by-election opened for the secretary');
    const { plain, all } = await this.membersOf('School Branch');
    const [declines, stands] = plain;
    await this.act(secretary, {
      kind: 'Nominate',
      electionId: election.id,
      candidateId: declines as string,
    });
    await this.act(declines as string, { kind: 'DeclineNomination', electionId: election.id });
    await this.act(stands as string, {
      kind: 'Nominate',
      electionId: election.id,
      candidateId: stands as string,
    });
    await this.until(election.nominationsCloseAt);
    for (const voter of all.filter((_, i) => i % 3 !== 2))
      await this.act(voter, {
        kind: 'CastBallot',
        electionId: election.id,
        ranking: [stands as string],
      });
  }

  /**
   * A Harbour member moves to the new, empty Dock Branch: its elections open, and they
   * stand unopposed for its three offices (one-month terms, under the trial).
   */
  private async settleDockBranch(): Promise<string> {
    const dockId = await this.councilId('Dock Branch');
    const { plain } = await this.membersOf('Harbour Branch');
    const pioneer = plain.at(-1) as string;
    await this.act(pioneer, { kind: 'TransferMember', toCouncilId: dockId });
    for (const office of ['chair', 'secretary', 'treasurer']) {
      const election = [...(await this.state()).elections.values()].find(
        (e) => e.groupKey === officeKey(dockId, office) && e.phase === 'nominations',
      );
      if (!election) throw new Error(`no election for the Dock Branch ${office}`);
      await this.act(pioneer, { kind: 'Nominate', electionId: election.id, candidateId: pioneer });
    }
    return pioneer;
  }

  /**
   * The pioneer goes back to the Harbour Branch (their offices end), leaving the Dock
   * Branch empty; when its offices' next elections come due, they are deferred.
   */
  private async leaveDockBranch(pioneer: string): Promise<void> {
    const dockId = await this.councilId('Dock Branch');
    await this.act(pioneer, {
      kind: 'TransferMember',
      toCouncilId: await this.councilId('Harbour Branch'),
    });
    const state = await this.state();
    const due = [...state.groups.values()]
      .filter((g) => g.electingCouncilId === dockId && g.dueAt !== null)
      .map((g) => g.dueAt as number);
    if (due.length === 0) throw new Error('no Dock Branch election is due');
    await this.until(Math.max(...due) + HOUR);
  }

  /** A member of the Mill Branch leaves and asks for their personal data to be erased. */
  private async leavingAndErasure(): Promise<void> {
    const { plain } = await this.membersOf('Mill Branch');
    await this.act(plain.at(-1) as string, { kind: 'ErasePersonalData' });
  }

  /** A motion proposed in the Transit Branch and withdrawn by its proposer before the vote. */
  private async withdrawnMotion(): Promise<void> {
    const { plain } = await this.membersOf('Transit Branch');
    const proposer = plain[0] as string;
    const proposed = await this.act(proposer, {
      kind: 'ProposeMotion',
      councilId: await this.councilId('Transit Branch'),
      title: 'A second depot canteen',
      text: 'The branch asks for a second canteen at the depot.',
      body: { kind: 'ordinary' },
    });
    await this.act(proposer, { kind: 'WithdrawMotion', motionId: proposed.motionId as string });
  }

  /**
   * Proposes every motion, has each seconded, and once debate closes has the voting
   * body vote (most yes, some no), then waits for every vote to close. Returns them.
   */
  private async motions(
    specs: readonly { council: string; title: string; body: MotionBody }[],
  ): Promise<{ id: string; body: MotionBody }[]> {
    const made: { id: string; councilId: string; body: MotionBody }[] = [];
    for (const spec of specs) {
      const councilId = await this.councilId(spec.council);
      const [proposer, seconder] = [...votingBody(await this.state(), councilId).keys()];
      const proposed = await this.act(proposer as string, {
        kind: 'ProposeMotion',
        councilId,
        title: spec.title,
        text: `${spec.title}: the council so resolves.`,
        body: spec.body,
      });
      const id = proposed.motionId as string;
      await this.act(seconder as string, { kind: 'SecondMotion', motionId: id });
      made.push({ id, councilId, body: spec.body });
    }
    await this.until(Math.max(...(await this.closing(made, 'debateClosesAt'))) + HOUR);
    for (const motion of made) {
      const body = [...votingBody(await this.state(), motion.councilId).keys()];
      for (const [i, voter] of body.entries())
        await this.act(voter, {
          kind: 'CastMotionVote',
          motionId: motion.id,
          choice: i % 7 === 6 ? 'no' : 'yes',
        });
    }
    await this.until(Math.max(...(await this.closing(made, 'voteClosesAt'))) + HOUR);
    return made;
  }

  private async closing(
    motions: readonly { id: string }[],
    field: 'debateClosesAt' | 'voteClosesAt',
  ): Promise<number[]> {
    const state = await this.state();
    return motions.map((m) => state.motions.get(m.id)?.[field] ?? this.clock.now);
  }

  /** The Hospital Branch proposes projects (one withdrawn) and votes on them in secret. */
  private async budgetRound(name: string): Promise<void> {
    const councilId = await this.councilId(name);
    const round = [...(await this.state()).treasury.rounds.values()].find(
      (r) => r.councilId === councilId,
    );
    if (!round) throw new Error(`no budget round in ${name}`);
    const { all } = await this.membersOf(name);
    const projects: string[] = [];
    const ideas: [string, number][] = [
      ['A quiet room on ward 4', 120_000],
      ['Lockers for the night shift', 90_000],
      ['A bike shelter', 150_000],
      ['New kettles', 20_000],
    ];
    for (const [i, [title, cost]] of ideas.entries()) {
      const proposed = await this.act(all[i] as string, {
        kind: 'ProposeProject',
        roundId: round.id,
        title,
        description: `${title}, for everyone on the wards.`,
        cost,
        payee: 'Hospital estates',
      });
      const event = proposed.events.find((e) => e.kind === 'ProjectProposed');
      if (event?.kind === 'ProjectProposed') projects.push(event.projectId);
    }
    await this.act(all[3] as string, { kind: 'WithdrawProject', projectId: projects[3] as string });
    await this.until(round.proposalsCloseAt + HOUR);
    for (const [i, voter] of all.entries())
      await this.act(voter, {
        kind: 'CastBudgetBallot',
        roundId: round.id,
        projects:
          i % 2 ? [projects[0] as string, projects[1] as string] : [projects[i % 3] as string],
      });
    await this.until(round.votingCloseAt + HOUR);
  }

  /** The branch's treasurer opens its ledger, takes in dues and pays the first funded project. */
  private async payProject(name: string): Promise<void> {
    const councilId = await this.councilId(name);
    const treasurer = await this.holder(officeKey(councilId, 'treasurer'));
    const state = await this.state();
    const funded = [...state.treasury.authorisations.values()].find(
      (a) => a.councilId === councilId && a.decision.kind === 'budget',
    );
    if (!funded) throw new Error(`the budget of ${name} funded nothing`);
    await this.act(treasurer, { kind: 'OpenLedger', councilId, currency: funded.currency });
    await this.act(treasurer, {
      kind: 'RecordIncome',
      councilId,
      amount: 400_000,
      source: 'Branch dues',
    });
    await this.act(treasurer, {
      kind: 'MakePayment',
      authorisationId: funded.id,
      amount: funded.amount,
    });
  }
}
