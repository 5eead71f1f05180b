import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeKey } from '../../src/democracy/index.js';
import {
  createSovietService,
  type SchedulerTimers,
  startScheduler,
} from '../../src/service/index.js';
import { fsck } from '../../src/store/fsck.js';
import { branchWithMembers, DAY, openServiceWorld, type ServiceWorld } from './service-world.js';

/**
 * Time (issue 4): phases end at their deadlines even if the server was down at that
 * moment; on start the scheduler catches up, in order, exactly once; then it wakes at
 * the next deadline. The clock and the timers are the test's.
 */
let w: ServiceWorld;
let members: string[];
let branchId: string;
const org = 'clockwork';

/** Timers the test fires by hand. */
class ManualTimers implements SchedulerTimers {
  pending: { run: () => void; ms: number; handle: number }[] = [];
  private next = 0;
  setTimeout(run: () => void, ms: number): unknown {
    const handle = ++this.next;
    this.pending.push({ run, ms, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.handle !== handle);
  }
  /** Fires the one pending timer. */
  fire(): void {
    const [first] = this.pending;
    expect(this.pending).toHaveLength(1);
    this.pending = [];
    first?.run();
  }
}

beforeAll(async () => {
  w = await openServiceWorld();
  ({ members, branchId } = await branchWithMembers(w.service, org, 5));
});
afterAll(async () => w.dispose());

async function chairElection() {
  const state = await w.service.state(org);
  const id = state.groups.get(officeKey(branchId, 'chair'))?.regularElectionId as string;
  return w.service.electionView(org, id);
}

describe('the scheduler', () => {
  it('catches up on start with every deadline passed while the server was down, in order, once', async () => {
    const election = await chairElection();
    const [a, b] = members as [string, string];
    await w.service.execute(org, a, { kind: 'Nominate', electionId: election.id, candidateId: a });
    await w.service.execute(org, b, { kind: 'Nominate', electionId: election.id, candidateId: b });
    const before = (await w.store.head(org)).size;

    // The server was down for 30 days: nominations and voting both closed meanwhile.
    await w.reopen();
    w.clock.advance(30 * DAY);
    const scheduler = startScheduler(w.service, w.clock.read, { timers: new ManualTimers() });
    await scheduler.started;
    await scheduler.stop();

    const record = await w.service.recordView(org, { from: before, limit: 1000 });
    const caughtUp = record.entries.map((e) => [e.type, e.data.at]);
    // Each deadline's events carry the deadline itself, in deadline order.
    expect(caughtUp.slice(0, 1)).toEqual([['VotingOpened', election.nominationsCloseAt]]);
    const closed = caughtUp.findIndex(([type]) => type === 'BallotBoxClosed');
    expect(caughtUp[closed]?.[1]).toBe(election.votingCloseAt);
    expect(caughtUp.filter(([type]) => type === 'ElectionCounted')).toEqual([
      ['ElectionCounted', election.votingCloseAt],
    ]);
    const ats = caughtUp.map(([, at]) => at as number);
    expect(ats).toEqual([...ats].sort((x, y) => x - y));
    expect((await chairElection()).phase).toBe('closed');

    // A second start (another restart, or another process) finds nothing left to do.
    const size = (await w.store.head(org)).size;
    await w.reopen();
    const again = startScheduler(w.service, w.clock.read, { timers: new ManualTimers() });
    await again.started;
    await again.stop();
    expect((await w.store.head(org)).size).toBe(size);
    expect((await fsck(w.store, org)).orgs[0]?.problems).toEqual([]);
  });

  it('wakes at the next deadline (looking again at least every maxDelayMs) and stops cleanly', async () => {
    const [a] = members as [string];
    const state = await w.service.state(org);
    // Open a motion: its debate closes in seven days.
    const proposed = await w.service.execute(org, a, {
      kind: 'ProposeMotion',
      councilId: branchId,
      title: 'A motion',
      text: 'The branch resolves.',
      body: { kind: 'ordinary' },
    });
    const motionId = proposed.motionId as string;
    await w.service.execute(org, members[1] as string, { kind: 'SecondMotion', motionId });
    const debateEnds = (await w.service.motionView(org, motionId)).debateClosesAt as number;
    expect(state.org).not.toBeNull();

    const timers = new ManualTimers();
    const ticks: number[] = [];
    const scheduler = startScheduler(w.service, w.clock.read, {
      timers,
      maxDelayMs: 3 * DAY,
      onTick: (report) => ticks.push(report.advanced.length),
    });
    await scheduler.started;
    await waitFor(() => timers.pending.length === 1);
    const next = await w.service.nextDeadline();
    expect(next).not.toBeNull();
    // Capped: the next deadline is days away, the scheduler looks again after 3 days.
    expect(timers.pending[0]?.ms).toBe(Math.min(3 * DAY, (next as number) - w.clock.now));

    w.clock.now = debateEnds;
    timers.fire();
    await waitFor(() => ticks.length === 2 && timers.pending.length === 1);
    expect((await w.service.motionView(org, motionId)).phase).toBe('voting');
    expect(ticks).toEqual([0, 1]);

    await scheduler.stop();
    expect(timers.pending).toHaveLength(0);
  });

  it('reports a failing tick to onError instead of stopping', async () => {
    const failing = createSovietService({
      store: w.store,
      clock: w.clock.read,
    });
    const errors: unknown[] = [];
    const broken = { ...failing, tick: () => Promise.reject(new Error('database gone')) };
    const scheduler = startScheduler(broken, w.clock.read, {
      timers: new ManualTimers(),
      onError: (error) => errors.push(error),
    });
    await scheduler.started;
    await scheduler.stop();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('database gone');
  });
});

async function waitFor(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
}
