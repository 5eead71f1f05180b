import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type CouncilSpec, DAY, officeKey } from '../src/democracy/index.js';
import { createSovietService, type SovietService } from '../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../src/store/democracy-domain.js';
import { migrations } from '../src/store/migrations/index.js';
import { openStore } from '../src/store/open-store.js';
import { createTestTarget, type TestTarget } from '../test/support/test-store.js';
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../test/support/throwaway-postgres.js';
import type { BenchResult } from './bench-types.js';

/**
 * The democracy on the store (issue 4, "Benchmark"): a synthetic organisation of
 * `bases × perBase` members (default 1,000 × 100 = 100,000) in base councils under 40
 * district councils and a congress, run entirely through the service (decide, append,
 * projections, tiles and a signed checkpoint per commit), on PGlite and on PostgreSQL
 * with durable commits (a throwaway PostgreSQL 15 with fsync on, as the append bench
 * starts, or DATABASE_URL's server). Measures:
 *
 * 1. founding and populating it: every member invited and joining (two commands each);
 * 2. one election in every base council (the chair: two candidates), every member voting;
 * 3. replaying the whole log: a fresh store reading every entry and private part and
 *    evolving the state (what a restart does).
 *
 * Commands are sent many at once (CONCURRENCY in flight), so the store's group commit
 * batches them. The baseline is the pure domain on the same organisation in the same run
 * (bench/democracy.bench.ts): the ratios say what the database costs on top.
 * SOVIET_BENCH_BASES and SOVIET_BENCH_PER_BASE shrink it for a quick run.
 */
const BASES = Number(process.env.SOVIET_BENCH_BASES ?? 1000);
const PER_BASE = Number(process.env.SOVIET_BENCH_PER_BASE ?? 100);
const DISTRICTS = 40;
const CONCURRENCY = Number(process.env.SOVIET_BENCH_CONCURRENCY ?? 512);
const T0 = Date.UTC(2026, 0, 5, 9);

interface Phases {
  readonly members: number;
  readonly events: number;
  readonly populateMs: number;
  readonly populateCommands: number;
  readonly electionMs: number;
  readonly ballots: number;
  readonly replayMs: number;
  readonly eventsPerCommit: number;
}

/** The same tree as bench/democracy.bench.ts: 40 districts sharing the base councils. */
function tree(): CouncilSpec {
  const per = Math.ceil(BASES / DISTRICTS);
  return {
    name: 'Congress',
    children: Array.from({ length: DISTRICTS }, (_, d) => ({
      name: `District ${d + 1}`,
      children: Array.from({ length: per }, (_, b) => ({ name: `Branch ${d + 1}.${b + 1}` })).slice(
        0,
        Math.max(0, Math.min(per, BASES - d * per)),
      ),
    })).filter((d) => d.children.length > 0),
  };
}

/** Runs jobs with at most `limit` in flight, reporting progress now and then. */
async function pool(
  label: string,
  total: number,
  job: (i: number) => Promise<unknown>,
  limit = CONCURRENCY,
): Promise<void> {
  let next = 0;
  let done = 0;
  const started = performance.now();
  let reported = started;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      await job(i);
      done++;
      const now = performance.now();
      if (now - reported > 10_000) {
        reported = now;
        const rate = done / ((now - started) / 1000);
        process.stderr.write(
          `  ${label}: ${done}/${total} (${Math.round(rate)}/s, ~${Math.round((total - done) / rate)} s left)\n`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, total) }, worker));
}

async function measure(open: () => Promise<DemocracyStore>): Promise<Phases> {
  let store = await open();
  const clock = { now: T0 };
  let service: SovietService = createSovietService({ store, clock: () => clock.now });
  try {
    const org = 'bench';
    // 1. Found and populate.
    const t0 = performance.now();
    const founded = await service.foundOrganisation({
      name: 'Bench',
      slug: org,
      founderName: 'Founder',
      councils: tree(),
      founderCouncil: 'Branch 1.1',
    });
    const join = async (inviter: string, name: string) => {
      const { invitation } = await service.execute(org, inviter, { kind: 'InviteMember' });
      const joined = await service.execute(org, null, {
        kind: 'JoinWithInvitation',
        token: invitation?.token as string,
        name,
      });
      return joined.memberId as string;
    };
    let state = await service.state(org);
    const baseIds = [...state.councils.values()].filter((c) => c.kind === 'base').map((c) => c.id);
    const founderBase = state.members.get(founded.founderId)?.councilId;
    // A first member in each base: invited by the founder, moves there.
    const firsts: string[] = [];
    await pool('first members', baseIds.length, async (i) => {
      const baseId = baseIds[i] as string;
      if (baseId === founderBase) {
        firsts[i] = founded.founderId;
        return;
      }
      const first = await join(founded.founderId, `First ${i}`);
      await service.execute(org, first, { kind: 'TransferMember', toCouncilId: baseId });
      firsts[i] = first;
    });
    const rolls: string[][] = firsts.map((f) => [f]);
    await pool('members', baseIds.length * (PER_BASE - 1), async (k) => {
      const i = k % baseIds.length;
      const member = await join(
        firsts[i] as string,
        `Member ${i}.${Math.floor(k / baseIds.length)}`,
      );
      rolls[i]?.push(member);
    });
    const populateMs = performance.now() - t0;
    const populateCommands =
      2 * (baseIds.length - 1 + baseIds.length * (PER_BASE - 1)) + baseIds.length;

    // 2. One election in every base council: the chair, two candidates, everyone votes.
    const t1 = performance.now();
    state = await service.state(org);
    const elections = baseIds.map(
      (id) => state.groups.get(officeKey(id, 'chair'))?.regularElectionId as string,
    );
    await pool('nominations', baseIds.length * 2, async (k) => {
      const i = Math.floor(k / 2);
      const candidate = rolls[i]?.[k % 2] as string;
      await service.execute(org, candidate, {
        kind: 'Nominate',
        electionId: elections[i] as string,
        candidateId: candidate,
      });
    });
    state = await service.state(org);
    clock.now = Math.max(
      ...elections.map((id) => state.elections.get(id)?.nominationsCloseAt ?? 0),
    );
    await service.tick();
    state = await service.state(org);
    const voters = rolls.flatMap((roll, i) => roll.map((voter, j) => ({ voter, i, j })));
    await pool('ballots', voters.length, async (n) => {
      const { voter, i, j } = voters[n] as (typeof voters)[number];
      const candidates = state.elections.get(elections[i] as string)?.candidates ?? [];
      await service.execute(org, voter, {
        kind: 'CastBallot',
        electionId: elections[i] as string,
        ranking: j % 3 === 0 ? [...candidates].reverse() : [...candidates],
      });
    });
    clock.now = Math.max(...elections.map((id) => state.elections.get(id)?.votingCloseAt ?? 0));
    await service.tick();
    const electionMs = performance.now() - t1;
    state = await service.state(org);
    const granted = elections.filter((id) => (state.elections.get(id)?.elected?.length ?? 0) === 1);
    if (granted.length !== baseIds.length)
      throw new Error(`only ${granted.length} of ${baseIds.length} chairs elected`);
    const members = state.members.size;
    const { size: events } = await store.head(org);
    const orgId = (await store.organisation(org)).id;
    const commits = await sql<{
      n: number;
    }>`select count(*)::int as n from log_checkpoints where org_id = ${orgId}`.execute(store.db);

    // 3. Replay: a fresh store (a restart) reads and evolves the whole log.
    await store.close();
    store = await open();
    service = createSovietService({ store, clock: () => clock.now + DAY });
    const t2 = performance.now();
    const replayed = await service.state(org);
    const replayMs = performance.now() - t2;
    if (replayed.members.size !== members) throw new Error('the replay differs');
    return {
      members,
      events,
      populateMs,
      populateCommands,
      electionMs,
      ballots: voters.length,
      replayMs,
      eventsPerCommit: events / Math.max(1, Number(commits.rows[0]?.n ?? 1)),
    };
  } finally {
    await store.close();
  }
}

const round = (x: number) => Math.round(x * 100) / 100;

function record(
  figures: Record<string, number | string>,
  prefix: string,
  p: Phases,
  domain: Record<string, number | string>,
): void {
  figures[`${prefix}.members`] = p.members;
  figures[`${prefix}.events`] = p.events;
  figures[`${prefix}.found_and_populate_s`] = round(p.populateMs / 1000);
  figures[`${prefix}.populate_commands_per_s`] = Math.round(
    p.populateCommands / (p.populateMs / 1000),
  );
  figures[`${prefix}.election_s`] = round(p.electionMs / 1000);
  figures[`${prefix}.ballots_per_s`] = Math.round(p.ballots / (p.electionMs / 1000));
  figures[`${prefix}.replay_s`] = round(p.replayMs / 1000);
  figures[`${prefix}.replay_events_per_s`] = Math.round(p.events / (p.replayMs / 1000));
  figures[`${prefix}.events_per_commit`] = round(p.eventsPerCommit);
  figures[`${prefix}.ratio_populate_vs_domain_only`] = round(
    p.populateMs / Number(domain.foundAndPopulateMs),
  );
  figures[`${prefix}.ratio_election_vs_domain_only`] = round(
    p.electionMs / Number(domain.electionsMs),
  );
  figures[`${prefix}.ratio_replay_vs_domain_only`] = round(p.replayMs / Number(domain.replayMs));
}

export async function run(): Promise<BenchResult> {
  const notes: string[] = [
    `Every command through the service, ${CONCURRENCY} in flight; the ratios divide by the pure domain's time on the same organisation in this run (bench/democracy.bench.ts).`,
  ];
  process.stderr.write('council: the pure domain first (the baseline)\n');
  const domain = (await (await import('./democracy.bench.js')).run()).figures;
  const figures: Record<string, number | string> = {
    bases: BASES,
    per_base: PER_BASE,
    districts: DISTRICTS,
    concurrency: CONCURRENCY,
    'domain_only.found_and_populate_s': round(Number(domain.foundAndPopulateMs) / 1000),
    'domain_only.election_s': round(Number(domain.electionsMs) / 1000),
    'domain_only.replay_s': round(Number(domain.replayMs) / 1000),
  };

  process.stderr.write('council: PGlite\n');
  const pglite: TestTarget = await createTestTarget(migrations, '');
  try {
    let first = true;
    const open = () => {
      const template = first ? pglite.template : undefined;
      first = false;
      return openStore(pglite.config, {
        domain: democracyDomain,
        ...(template ? { template } : {}),
      });
    };
    record(figures, 'pglite', await measure(open), domain);
  } finally {
    await pglite.drop();
  }

  let throwaway: ThrowawayPostgres | undefined;
  let adminUrl = process.env.DATABASE_URL || undefined;
  if (!adminUrl && postgresInstalled()) {
    throwaway = await startThrowawayPostgres('durable');
    adminUrl = throwaway.url;
    notes.push('PostgreSQL: a throwaway PostgreSQL 15 started by the bench (fsync on).');
  }
  try {
    if (adminUrl) {
      process.stderr.write('council: PostgreSQL\n');
      const target = await createTestTarget(migrations, adminUrl);
      try {
        const open = () => openStore(target.config, { domain: democracyDomain, poolSize: 10 });
        const probe = await open();
        try {
          const s = (
            await sql<{
              fsync: string;
              sync: string;
              version: string;
            }>`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sync, current_setting('server_version') as version`.execute(
              probe.db,
            )
          ).rows[0];
          figures['postgres.version'] = s?.version ?? '?';
          figures['postgres.fsync'] = s?.fsync ?? '?';
          figures['postgres.synchronous_commit'] = s?.sync ?? '?';
        } finally {
          await probe.close();
        }
        record(figures, 'postgres', await measure(open), domain);
      } finally {
        await target.drop();
      }
    } else notes.push('PostgreSQL: not installed and DATABASE_URL unset; PGlite only.');
  } finally {
    await throwaway?.stop();
  }
  console.table(figures);
  return { name: 'council', figures, notes };
}
