import { DAY } from '../../src/democracy/index.js';
import {
  type CommandResult,
  createSovietService,
  type SovietService,
} from '../../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../../src/store/democracy-domain.js';
import { migrations } from '../../src/store/migrations/index.js';
import { openTestStore, type TestTarget } from '../support/test-store.js';

export const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
export { DAY };

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(public now = T0) {}
  readonly read = (): number => this.now;
  advance(ms: number): number {
    this.now += ms;
    return this.now;
  }
}

export interface ServiceWorld {
  /** The test database (to open a second store on it, as another process would). */
  readonly target: TestTarget;
  /** Closes the store and opens it again on the same database (a restart). */
  reopen(): Promise<DemocracyStore>;
  readonly store: DemocracyStore;
  readonly clock: FakeClock;
  readonly service: SovietService;
  dispose(): Promise<void>;
}

/**
 * A fresh store on the backend the environment selects (PGlite, or PostgreSQL with
 * DATABASE_URL), running the democracy domain with its projections, and the service
 * over it with a fake clock.
 */
export async function openServiceWorld(now = T0): Promise<ServiceWorld> {
  const handle = await openTestStore({ domain: democracyDomain, migrations });
  const clock = new FakeClock(now);
  const world: ServiceWorld = {
    target: handle.target,
    store: handle.store as DemocracyStore,
    clock,
    service: createSovietService({ store: handle.store as DemocracyStore, clock: clock.read }),
    async reopen() {
      const store = (await handle.reopen()) as DemocracyStore;
      Object.assign(world, { store, service: createSovietService({ store, clock: clock.read }) });
      return store;
    },
    dispose: () => handle.dispose(),
  };
  return world;
}

/** `inviter` invites and a newcomer joins under `name`; returns the new member's id. */
export async function join(
  service: SovietService,
  org: string,
  inviter: string,
  name: string,
): Promise<string> {
  const { invitation } = await service.execute(org, inviter, { kind: 'InviteMember' });
  const joined: CommandResult = await service.execute(org, null, {
    kind: 'JoinWithInvitation',
    token: invitation?.token as string,
    name,
  });
  return joined.memberId as string;
}

/** Founds `org` with one branch (`Branch`) of `size` members and a second, empty one; returns the member ids. */
export async function branchWithMembers(
  service: SovietService,
  org: string,
  size: number,
): Promise<{ members: string[]; branchId: string }> {
  const founded = await service.foundOrganisation({
    name: `Union ${org}`,
    slug: org,
    founderName: 'Founder',
    councils: { name: 'Congress', children: [{ name: 'Branch' }, { name: 'Other' }] },
    founderCouncil: 'Branch',
  });
  const members = [founded.founderId];
  const joined = await Promise.all(
    Array.from({ length: size - 1 }, (_, i) => join(service, org, founded.founderId, `M${i + 2}`)),
  );
  members.push(...joined);
  const state = await service.state(org);
  const branchId = state.members.get(founded.founderId)?.councilId as string;
  return { members, branchId };
}
