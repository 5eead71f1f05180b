import { type ChildProcess, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { tokenHash } from '../src/accounts/accounts.js';
import { hashPassword } from '../src/accounts/password-hash.js';
import type { AccountTables } from '../src/accounts/schema.js';
import { actBody, DAY } from '../src/democracy/index.js';
import { signAct, toBase64 } from '../src/record/http-signature.js';
import { nodeEd25519 } from '../src/record/node-ed25519.js';
import { buildApp } from '../src/server/build-app.js';
import { DEFAULT_SECURITY } from '../src/server/security/security-config.js';
import { createSovietService } from '../src/service/index.js';
import { type DemocracyStore, democracyDomain } from '../src/store/democracy-domain.js';
import { openStore } from '../src/store/open-store.js';
import {
  postgresInstalled,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../test/support/throwaway-postgres.js';
import type { BenchResult } from './bench-types.js';

/**
 * The HTTP API under load (issue 5: ≥ 1,000 ballots/s with p99 < 100 ms on PostgreSQL
 * with durable commits, on this 2-core machine). A server process runs the real app
 * (every guard, the CSRF check, validation, the rules, one append transaction per batch
 * of commands) on a throwaway PostgreSQL 15 with fsync and synchronous_commit on; this
 * process drives it with autocannon over 64 connections:
 *
 * 1. the ceiling: the same load generator against the bare health route;
 * 2. 2,000 distinct voters casting their ranked ballot in one election at once (their
 *    sessions are opened before: argon2 logins are deliberately slow);
 * 3. a read-heavy mix of council, organisation, election and member pages.
 *
 * Reports requests/s and p50/p99 latency of each, and ballots/s over the ceiling.
 * SOVIET_BENCH_SECONDS sets the length of the timed read phases (default 5).
 */
const VOTERS = 2_000;
const CONNECTIONS = 64;
const SECONDS = Number(process.env.SOVIET_BENCH_SECONDS ?? 5);
const ROLE = 'SOVIET_HTTP_BENCH_ROLE';

interface Voter {
  readonly cookie: string;
  readonly csrf: string;
  readonly memberId: string;
  /** SOVIET_HTTP_BENCH_SIGNED: the voter's Ed25519 seed (hex), a key registered for them. */
  readonly seed?: string;
}

/**
 * SOVIET_HTTP_BENCH_SIGNED=1: every voter has a key and casts a signed act (POST …/acts,
 * RFC 9421; issue 14: "a signed ballot over HTTP still meets 1,000 ballots/s with p99 <
 * 100 ms on PostgreSQL"); the acts are signed before the timed round, as each voter's
 * own device would.
 */
const SIGNED = process.env.SOVIET_HTTP_BENCH_SIGNED === '1';
const voterSeed = (memberId: string) =>
  createHash('sha256').update(`bench voter ${memberId}`).digest();

interface Ready {
  readonly port: number;
  readonly org: string;
  readonly electionId: string;
  /** Another election in voting, for a warm-up round that is not measured. */
  readonly warmUpElectionId: string;
  readonly councilId: string;
  readonly candidates: readonly string[];
  readonly warmUpCandidates: readonly string[];
  readonly voters: readonly Voter[];
  readonly setupSeconds: number;
  /** The log's origin and the server clock's lead over the real one (signed acts). */
  readonly origin: string;
  readonly clockOffset: number;
}

// autocannon ships no types; the part used here.
interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly duration: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly '2xx': number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: AutocannonRequest) => AutocannonRequest;
  onResponse?: () => void;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

// ---------------------------------------------------------------- the server process

/**
 * The server role: builds the organisation, its voters and their sessions on the
 * database at DATABASE_URL, serves the app, and writes what the load generator needs
 * to SOVIET_HTTP_BENCH_OUT.
 */
async function serve(): Promise<void> {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL as string;
  const out = process.env.SOVIET_HTTP_BENCH_OUT as string;
  const dataDir = mkdtempSync(join(tmpdir(), 'soviet-http-bench-'));
  const store = (await openStore(
    { dataDir, databaseUrl },
    { domain: democracyDomain, poolSize: 20 },
  )) as DemocracyStore;
  let offset = 0;
  const clock = () => Date.now() + offset;
  const service = createSovietService({ store, clock });
  const founded = await service.foundOrganisation({
    name: 'Bench Union',
    slug: 'bench',
    founderName: 'Member 1',
    founderCouncil: 'Branch',
    councils: { name: 'Congress', children: [{ name: 'Branch' }, { name: 'Other' }] },
  });
  const org = founded.org;
  const members = [founded.founderId];
  for (let i = 1; i < VOTERS; i += CONNECTIONS) {
    const batch = Array.from({ length: Math.min(CONNECTIONS, VOTERS - i) }, (_, k) => i + k);
    const joined = await Promise.all(
      batch.map(async (n) => {
        const { invitation } = await service.execute(org, founded.founderId, {
          kind: 'InviteMember',
        });
        const result = await service.execute(org, null, {
          kind: 'JoinWithInvitation',
          token: invitation?.token as string,
          name: `Member ${n + 1}`,
        });
        return result.memberId as string;
      }),
    );
    members.push(...joined);
  }
  let state = await service.state(org);
  const council = state.members.get(founded.founderId)?.councilId as string;
  const electionOf = (office: string) => {
    const group = state.groups.get(`o:${council}:${office}`);
    return (group?.byElectionId ?? group?.regularElectionId) as string;
  };
  const electionId = electionOf('chair');
  const warmUpElectionId = electionOf('secretary');
  const candidates = members.slice(0, 3);
  for (const candidate of candidates)
    await service.execute(org, candidate, { kind: 'Nominate', electionId, candidateId: candidate });
  const warmUpCandidates = members.slice(3, 5);
  for (const candidate of warmUpCandidates)
    await service.execute(org, candidate, {
      kind: 'Nominate',
      electionId: warmUpElectionId,
      candidateId: candidate,
    });
  offset = 7 * DAY + 60_000;
  await service.tick();
  state = await service.state(org);
  if (state.elections.get(electionId)?.phase !== 'voting') throw new Error('voting did not open');
  if (SIGNED)
    for (let i = 0; i < members.length; i += CONNECTIONS)
      await Promise.all(
        members.slice(i, i + CONNECTIONS).map((m) =>
          service.execute(org, m, {
            kind: 'RegisterKey',
            publicKey: toBase64(nodeEd25519.publicKey(voterSeed(m))),
            label: 'bench',
          }),
        ),
      );

  // Accounts and live sessions for every voter, written directly: one argon2 hash shared
  // by all (2,000 hashes would take a minute and are not what is measured).
  const db = store.db.withTables<AccountTables>();
  const passwordHash = await hashPassword('bench passphrase that nobody uses');
  const orgId = (await store.organisation(org)).id;
  const now = clock();
  const voters: Voter[] = [];
  for (let i = 0; i < members.length; i += 500) {
    const chunk = members.slice(i, i + 500);
    const accounts = await db
      .insertInto('accounts')
      .values(
        chunk.map((_, k) => ({
          username: `voter-${i + k + 1}`,
          password_hash: passwordHash,
          created_at: now,
          password_changed_at: now,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('account_members')
      .values(
        chunk.map((memberId, k) => ({
          org_id: orgId,
          account_id: accounts[k]?.id as number,
          member_id: memberId,
          invitation_id: null,
          created_at: now,
        })),
      )
      .execute();
    const sessions = chunk.map((memberId, k) => ({
      memberId,
      accountId: accounts[k]?.id as number,
      token: randomBytes(32).toString('base64url'),
      csrf: randomBytes(32).toString('base64url'),
    }));
    await db
      .insertInto('sessions')
      .values(
        sessions.map((s) => ({
          token_hash: tokenHash(s.token),
          account_id: s.accountId,
          csrf_token: s.csrf,
          created_at: now,
          last_seen_at: now,
        })),
      )
      .execute();
    for (const s of sessions)
      voters.push({
        memberId: s.memberId,
        cookie: `soviet_session=${s.token}; soviet_csrf=${s.csrf}`,
        csrf: s.csrf,
        ...(SIGNED ? { seed: voterSeed(s.memberId).toString('hex') } : {}),
      });
  }

  const app = await buildApp({
    store,
    clock,
    service,
    security: { ...DEFAULT_SECURITY, webRoot: null },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const ready: Ready = {
    port: typeof address === 'object' && address ? address.port : 0,
    org,
    electionId,
    warmUpElectionId,
    councilId: council,
    candidates,
    warmUpCandidates,
    voters,
    setupSeconds: (Date.now() - started) / 1000,
    origin: (await store.organisation(org)).origin,
    clockOffset: offset,
  };
  // SOVIET_HTTP_BENCH_PROFILE=<file>: a CPU profile of the ballot phase only (the load
  // generator signals its start and end with SIGUSR1 and SIGUSR2).
  const profile = process.env.SOVIET_HTTP_BENCH_PROFILE;
  if (profile) {
    const session = new inspector.Session();
    session.connect();
    process.on('SIGUSR1', () =>
      session.post('Profiler.enable', () => session.post('Profiler.start')),
    );
    process.on('SIGUSR2', () =>
      session.post('Profiler.stop', (_error, result) =>
        writeFileSync(profile, JSON.stringify(result.profile)),
      ),
    );
  }
  writeFileSync(out, JSON.stringify(ready));
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
  await app.close();
  await store.close();
  rmSync(dataDir, { recursive: true, force: true });
}

if (process.env[ROLE] === 'server') await serve();

// ---------------------------------------------------------------- the load generator

function startServer(
  databaseUrl: string,
  out: string,
): { child: ChildProcess; ready: Promise<void> } {
  // SOVIET_HTTP_BENCH_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof`.
  const extra = (process.env.SOVIET_HTTP_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(
    process.execPath,
    [...extra, '--import', 'tsx', fileURLToPath(import.meta.url)],
    {
      env: {
        ...process.env,
        [ROLE]: 'server',
        DATABASE_URL: databaseUrl,
        SOVIET_HTTP_BENCH_OUT: out,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`bench server exited (${code}): ${stderr}`)));
  });
  return { child, ready };
}

async function createDatabase(adminUrl: string): Promise<string> {
  const name = `soviet_http_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function figures(prefix: string, r: AutocannonResult, perSecond: number) {
  return {
    [`${prefix}.req_per_s`]: Math.round(perSecond),
    [`${prefix}.p50_ms`]: r.latency.p50,
    [`${prefix}.p99_ms`]: r.latency.p99,
    [`${prefix}.max_ms`]: r.latency.max,
    [`${prefix}.requests`]: r.requests.total,
    [`${prefix}.non_2xx`]: r.non2xx + r.errors + r.timeouts,
  };
}

/** A voter's ballot request: by session and CSRF token, or as a signed act. */
function ballotRequest(
  ready: Ready,
  origin: string,
  voter: Voter,
  electionId: string,
  ranking: readonly string[],
): AutocannonRequest {
  if (!voter.seed)
    return {
      method: 'POST',
      path: `/api/v1/orgs/${ready.org}/elections/${electionId}/ballots`,
      headers: {
        'content-type': 'application/json',
        cookie: voter.cookie,
        'x-csrf-token': voter.csrf,
        origin,
      },
      body: JSON.stringify({ ranking }),
    };
  const issued = Date.now() + ready.clockOffset;
  const body = actBody({
    origin: ready.origin,
    by: voter.memberId,
    id: randomBytes(16).toString('hex'),
    issued,
    command: { kind: 'CastBallot', electionId, ranking } as { kind: string },
  });
  const seed = Buffer.from(voter.seed, 'hex');
  const headers = signAct(nodeEd25519, seed, body, Math.floor(issued / 1000));
  return {
    method: 'POST',
    path: `/api/v1/orgs/${ready.org}/acts`,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(body).toString('utf8'),
  };
}

export async function run(): Promise<BenchResult> {
  const notes: string[] = [];
  let postgres: ThrowawayPostgres | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    if (!postgresInstalled())
      throw new Error('the http bench needs PostgreSQL 15 (or DATABASE_URL)');
    postgres = await startThrowawayPostgres('durable');
    adminUrl = postgres.url;
    notes.push(
      'PostgreSQL: a throwaway PostgreSQL 15 started by the bench (fsync and synchronous_commit on).',
    );
  } else notes.push('PostgreSQL: DATABASE_URL.');
  const dir = mkdtempSync(join(tmpdir(), 'soviet-http-bench-out-'));
  const out = join(dir, 'ready.json');
  let child: ChildProcess | undefined;
  try {
    const databaseUrl = await createDatabase(adminUrl);
    const server = startServer(databaseUrl, out);
    child = server.child;
    await server.ready;
    const ready = JSON.parse(readFileSync(out, 'utf8')) as Ready;
    const url = `http://127.0.0.1:${ready.port}`;
    const origin = url;
    console.log(
      `setup: ${ready.voters.length} voters with sessions in ${round(ready.setupSeconds)} s`,
    );

    // 1. The ceiling: the bare health route, same generator, same connections.
    const health = await autocannon({
      url: `${url}/api/v1/health`,
      connections: CONNECTIONS,
      duration: SECONDS,
    });
    const healthRate = health.requests.total / health.duration;

    // Every request made before the timed rounds (signing is the voters' own work).
    const warmUp = ready.voters
      .slice(0, 500)
      .map((v) => ballotRequest(ready, origin, v, ready.warmUpElectionId, ready.warmUpCandidates));
    const cast = ready.voters.map((v, i) => {
      // Rankings vary: a preference order over the candidates, rotated by voter.
      const k = (i + 1) % ready.candidates.length;
      const ranking = [...ready.candidates.slice(k), ...ready.candidates.slice(0, k)];
      return ballotRequest(ready, origin, v, ready.electionId, ranking);
    });
    // Warm-up (not measured): the first 500 voters in another election, so that the
    // ballot path is compiled (JIT) before the timed round.
    let warm = 0;
    await autocannon({
      url,
      connections: CONNECTIONS,
      amount: 500,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/orgs/${ready.org}/elections/${ready.warmUpElectionId}/ballots`,
          setupRequest: (request: AutocannonRequest) => ({
            ...request,
            ...(warmUp[warm++ % warmUp.length] as AutocannonRequest),
          }),
        },
      ],
    });

    // 2. Every voter casts one ballot, 64 at a time.
    const checkpoints = async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query('select count(*)::int as n from log_checkpoints');
        return (rows[0] as { n: number }).n;
      } finally {
        await client.end();
      }
    };
    const commitsBefore = await checkpoints();
    const profiling = Boolean(process.env.SOVIET_HTTP_BENCH_PROFILE);
    if (profiling) child.kill('SIGUSR1');
    let next = 0;
    // autocannon notices that `amount` is reached only at its next one-second tick, so its
    // `duration` overstates a short run: time the ballots by their own answers instead.
    const ballotsStart = performance.now();
    let lastAnswer = ballotsStart;
    const ballots = await autocannon({
      url,
      connections: CONNECTIONS,
      amount: ready.voters.length,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/orgs/${ready.org}/elections/${ready.electionId}/ballots`,
          setupRequest: (request: AutocannonRequest) => ({
            ...request,
            ...(cast[next++ % cast.length] as AutocannonRequest),
          }),
          onResponse: () => {
            lastAnswer = performance.now();
          },
        },
      ],
    });
    const ballotSeconds = (lastAnswer - ballotsStart) / 1000;
    const ballotRate = ballots['2xx'] / ballotSeconds;
    if (profiling) child.kill('SIGUSR2');
    const commits = (await checkpoints()) - commitsBefore;

    // 3. Reads: council pages mostly, and the organisation, election and member pages.
    let reader = 0;
    const page = (path: string): AutocannonRequest => ({
      method: 'GET',
      path,
      setupRequest: (request: AutocannonRequest) => {
        const voter = ready.voters[reader++ % ready.voters.length] as Voter;
        return { ...request, headers: { cookie: voter.cookie } };
      },
    });
    const base = `/api/v1/orgs/${ready.org}`;
    const reads = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: SECONDS,
      requests: [
        page(`${base}/councils/${ready.councilId}`),
        page(`${base}/councils/${ready.councilId}`),
        page(base),
        page(`${base}/elections/${ready.electionId}`),
        page(`${base}/councils/${ready.councilId}`),
        page(`${base}/me`),
      ],
    });
    const readRate = reads.requests.total / reads.duration;

    const result: BenchResult = {
      name: SIGNED ? 'http-signed' : 'http',
      figures: {
        signed_acts: SIGNED ? 'yes' : 'no',
        voters: ready.voters.length,
        connections: CONNECTIONS,
        ...figures('health', health, healthRate),
        'ballots.per_s': Math.round(ballotRate),
        'ballots.seconds': round(ballotSeconds, 2),
        ...figures('ballots', ballots, ballotRate),
        'ballots.commits': commits,
        'ballots.per_commit': round(ballots['2xx'] / Math.max(1, commits)),
        ...figures('reads', reads, readRate),
        'ratio.ballots_vs_health': round(ballotRate / healthRate, 3),
        'ratio.reads_vs_health': round(readRate / healthRate, 3),
        'target.ballots_per_s_at_least_1000': ballotRate >= 1000 ? 'met' : 'missed',
        'target.ballots_p99_under_100_ms': ballots.latency.p99 < 100 ? 'met' : 'missed',
      },
      notes: [
        ...notes,
        'The server runs in its own process; autocannon runs in this one (both share the 2 cores with PostgreSQL).',
        'Reads: council pages (a base council of 2,000 members) 3 in 6, the organisation, an election and my page 1 in 6 each.',
      ],
    };
    console.log(JSON.stringify(result.figures, null, 2));
    return result;
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
    await postgres?.stop();
  }
}
