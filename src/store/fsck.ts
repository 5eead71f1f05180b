import { isDeepStrictEqual } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { commitmentOf } from '../democracy/index.js';
import {
  appendLeaves,
  bytesEqual,
  decodeEntry,
  EMPTY_TREE_STATE,
  nodeEd25519,
  nodeTreeHasher,
  openCheckpoint,
  parseVerifierKey,
  stateRoot,
  type TreeState,
} from '../record/index.js';
import type { LoggedEnvelope, ProjectionContext } from './domain.js';
import { blobRefOf, sha256Hex } from './large-entry.js';
import { readEntry } from './logged-entry.js';
import { decodeFrontier, project } from './org-log.js';
import type { StoreDatabase } from './schema.js';
import type { Organisation, Store } from './store.js';

/** What `fsck` found in one organisation's log. */
export interface FsckOrgReport {
  readonly org: string;
  readonly size: number;
  readonly checkpoints: number;
  readonly projectionRows: number;
  /** Every difference found (at most {@link MAX_PROBLEMS}); empty when the log is sound. */
  readonly problems: readonly string[];
}

export interface FsckReport {
  readonly ok: boolean;
  readonly orgs: readonly FsckOrgReport[];
}

/** Problems listed per organisation before the rest are summarised. */
export const MAX_PROBLEMS = 50;
const CHUNK = 1000;

/** Progress callback: entries checked so far of a log of `size`. */
export type FsckProgress = (org: string, done: number, size: number) => void;

/**
 * Checks the store against itself, as `soviet fsck` does (ARCHITECTURE.md: replaying
 * every event must give the live projections; STYLE.md 11):
 *
 * 1. rebuilds each log's tree from its stored entries: every entry decodes as a canonical
 *    envelope with seq = its index, every stored leaf hash and stratum hash (tile) equals
 *    the recomputed one, none is missing or extra, every blob matches its hash;
 * 2. checks the head (size, root, frontier, latest checkpoint) and every stored
 *    checkpoint: signed by the instance key under the log's origin, and its root equal to
 *    the rebuilt tree's at its size (so all are consistent with each other);
 * 3. replays the events through the domain's `evolve` and compares with the live state
 *    (at the size it had, should other processes append meanwhile),
 *    and through `project` into fresh projections compared with the live rows. The replay
 *    runs in a transaction that is rolled back, holding the head's lock meanwhile.
 *
 * Without `only`, checks every organisation.
 */
export async function fsck<S, C, E, X extends object>(
  store: Store<S, C, E, X>,
  only?: string,
  onProgress?: FsckProgress,
): Promise<FsckReport> {
  const orgs = only ? [await store.organisation(only)] : await store.organisations();
  const reports: FsckOrgReport[] = [];
  for (const org of orgs) reports.push(await fsckOrg(store, org, onProgress));
  return { ok: reports.every((r) => r.problems.length === 0), orgs: reports };
}

class Rollback extends Error {}

async function fsckOrg<S, C, E, X extends object>(
  store: Store<S, C, E, X>,
  org: Organisation,
  onProgress?: FsckProgress,
): Promise<FsckOrgReport> {
  const { db, domain } = store.internals();
  const problems: string[] = [];
  let more = 0;
  const problem = (text: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
    else more += 1;
  };
  const verifier = parseVerifierKey(await store.verifierKey(org.slug));
  // This process's state, built incrementally as commands committed (or caught up).
  const live = await store.snapshot(org.slug);
  let report: FsckOrgReport | undefined;

  await db
    .transaction()
    .execute(async (tx) => {
      const head = await tx
        .selectFrom('log_heads')
        .selectAll()
        .where('org_id', '=', org.id)
        .forUpdate()
        .executeTakeFirst();
      if (!head) {
        problem('the log has no head row');
        return;
      }
      const size = Number(head.size);
      const storedStrata = new Map<string, Uint8Array>();
      for (const row of await tx
        .selectFrom('log_strata')
        .select(['level', 'idx', 'hash'])
        .where('org_id', '=', org.id)
        .execute()) {
        storedStrata.set(`${row.level}:${Number(row.idx)}`, row.hash);
      }
      const checkpoints = await tx
        .selectFrom('log_checkpoints')
        .select(['size', 'checkpoint'])
        .where('org_id', '=', org.id)
        .orderBy('size')
        .execute();
      const checkpointAt = new Map<number, string>();
      for (const row of checkpoints) {
        const at = Number(row.size);
        checkpointAt.set(at, row.checkpoint);
        if (at > size) problem(`a checkpoint of size ${at} is signed beyond the head (${size})`);
      }
      const total = await tx
        .selectFrom('log_entries')
        .select(sql<number>`count(*)`.as('n'))
        .where('org_id', '=', org.id)
        .executeTakeFirstOrThrow();
      if (Number(total.n) !== size)
        problem(`the head says ${size} entries but ${total.n} are stored`);

      // Fresh projections: remember the live rows, clear them, and replay into them.
      const tables = domain.projectionTables ?? [];
      const liveRows = new Map<string, string[]>();
      for (const table of tables) liveRows.set(table, await snapshot(tx, table, org.id));
      for (const table of [...tables].reverse()) {
        await sql`delete from ${sql.table(table)} where org_id = ${org.id}`.execute(tx);
      }

      let tree: TreeState = EMPTY_TREE_STATE;
      let state = domain.initial();
      let replayedAtLive = live.size === 0 ? state : undefined;
      const checkRoot = (at: number, root: Uint8Array) => {
        const note = checkpointAt.get(at);
        if (note === undefined) return;
        try {
          const opened = openCheckpoint(note, verifier, nodeEd25519, org.origin).checkpoint;
          if (opened.size !== at)
            problem(`the checkpoint stored for size ${at} says size ${opened.size}`);
          else if (!bytesEqual(opened.rootHash, root)) {
            problem(`the checkpoint of size ${at} does not match the entries' tree`);
          }
        } catch (error) {
          problem(`the checkpoint of size ${at} is not validly signed: ${message(error)}`);
        }
      };
      checkRoot(0, nodeTreeHasher.emptyRoot());

      for (let start = 0; start < size; start += CHUNK) {
        const end = Math.min(size, start + CHUNK);
        const rows = await tx
          .selectFrom('log_entries')
          .select(['seq', 'entry', 'leaf_hash'])
          .where('org_id', '=', org.id)
          .where('seq', '>=', start)
          .where('seq', '<', end)
          .orderBy('seq')
          .execute();
        const secrets = new Map(
          (
            await tx
              .selectFrom('private_data')
              .select(['seq', 'data'])
              .where('org_id', '=', org.id)
              .where('seq', '>=', start)
              .where('seq', '<', end)
              .execute()
          ).map((s) => [Number(s.seq), s.data]),
        );
        const bySeq = new Map(rows.map((row) => [Number(row.seq), row]));
        const pending: { event: E; at: ProjectionContext }[] = [];
        for (let seq = start; seq < end; seq++) {
          const row = bySeq.get(seq);
          if (!row) {
            problem(`entry ${seq} is missing`);
            return;
          }
          const leaf = nodeTreeHasher.hashLeaf(row.entry);
          if (!bytesEqual(leaf, row.leaf_hash))
            problem(`entry ${seq}: the stored leaf hash is wrong`);
          const appended = appendLeaves(tree, [leaf], nodeTreeHasher);
          tree = appended.state;
          for (const h of appended.completed) {
            if (h.stratum === 0) continue;
            const key = `${h.stratum}:${h.index}`;
            const stored = storedStrata.get(key);
            if (!stored)
              problem(`the tile hash at level ${h.stratum}, index ${h.index} is missing`);
            else if (!bytesEqual(stored, h.hash)) {
              problem(`the tile hash at level ${h.stratum}, index ${h.index} is wrong`);
            }
            storedStrata.delete(key);
          }
          checkRoot(tree.size, appended.root);

          let logged: LoggedEnvelope;
          try {
            const entry = decodeEntry(row.entry);
            if (entry.seq !== seq) throw new Error(`it says it is entry ${entry.seq}`);
            const ref = blobRefOf(entry.data);
            let blob: Uint8Array | undefined;
            if (ref) {
              blob = (
                await tx
                  .selectFrom('blobs')
                  .select('content')
                  .where('org_id', '=', org.id)
                  .where('sha256', '=', Buffer.from(ref.sha256, 'hex'))
                  .executeTakeFirst()
              )?.content;
              if (blob && sha256Hex(blob) !== ref.sha256)
                throw new Error('its blob does not match its hash');
            }
            logged = readEntry(entry, secrets.get(seq), () => blob);
          } catch (error) {
            problem(`entry ${seq} cannot be read: ${message(error)}`);
            continue;
          }
          try {
            const event = domain.revive(logged);
            state = domain.evolve(state, event);
            pending.push({ event, at: { orgId: org.id, org: org.slug, seq, time: logged.time } });
          } catch (error) {
            problem(`entry ${seq} does not replay: ${message(error)}`);
          }
          if (seq + 1 === live.size) replayedAtLive = state;
        }
        // Project a chunk at a time: a grouping unlike the live batches', so a domain whose
        // batched projection depends on how events were grouped shows up here.
        try {
          await project(domain, tx, pending);
        } catch (error) {
          problem(`entries ${start}..${end - 1} do not project: ${message(error)}`);
        }
        pending.length = 0;
        onProgress?.(org.slug, end, size);
      }

      for (const key of storedStrata.keys())
        problem(`an extra tile hash is stored at level:index ${key}`);
      const root = stateRoot(tree, nodeTreeHasher);
      if (!bytesEqual(root, head.root)) problem('the head root does not match the entries');
      const frontier = decodeFrontier(head.compact_range);
      if (
        frontier.length !== tree.frontier.length ||
        frontier.some((h, i) => !bytesEqual(h, tree.frontier[i] as Uint8Array))
      ) {
        problem('the head compact range does not match the entries');
      }
      const latest = checkpoints.at(-1);
      if (!latest || Number(latest.size) !== size || latest.checkpoint !== head.checkpoint) {
        problem(`the head checkpoint is not the latest stored checkpoint of size ${size}`);
      }
      if (replayedAtLive === undefined || !isDeepStrictEqual(replayedAtLive, live.state)) {
        problem('replaying the events through evolve does not give the live state');
      }

      for (const text of await directoryProblems(tx, org.id)) problem(text);

      let projectionRows = 0;
      for (const table of tables) {
        const rebuilt = await snapshot(tx, table, org.id);
        const before = liveRows.get(table) ?? [];
        projectionRows += before.length;
        const diff = multisetDiff(before, rebuilt);
        for (const row of diff.missing.slice(0, 5)) {
          problem(`projection ${table}: the live table lacks the replayed row ${row}`);
        }
        for (const row of diff.extra.slice(0, 5)) {
          problem(`projection ${table}: the live row ${row} does not follow from the log`);
        }
      }
      if (more > 0) problems.push(`… and ${more} more problems`);
      report = {
        org: org.slug,
        size,
        checkpoints: checkpoints.length,
        projectionRows,
        problems,
      };
      // Never keep the replayed projections: the live tables stay as they were.
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return report ?? { org: org.slug, size: 0, checkpoints: 0, projectionRows: 0, problems };
}

/**
 * The private member directory against the log (docs/design/record.md, "Personal data"):
 * every fact must open a commitment that its entry carries, SHA-256(salt ‖ value). The
 * directory is not rebuilt from the log (it cannot be), and a member erased has no rows:
 * that is not a problem, it is the point.
 */
async function directoryProblems(db: Kysely<StoreDatabase>, orgId: number): Promise<string[]> {
  const found: string[] = [];
  const rows = await db
    .selectFrom('personal_data as p')
    .leftJoin('log_entries as e', (j) =>
      j.onRef('e.org_id', '=', 'p.org_id').onRef('e.seq', '=', 'p.seq'),
    )
    .select(['p.seq', 'p.subject', 'p.field', 'p.value', 'p.salt', 'e.entry'])
    .where('p.org_id', '=', orgId)
    .orderBy('p.seq')
    .execute();
  for (const f of rows) {
    // A salt that is not 32 bytes of hex opens nothing (commitmentOf would refuse it).
    const commitment = /^[0-9a-f]{64}$/.test(f.salt) ? commitmentOf(f.salt, f.value) : 'none';
    const data = f.entry ? JSON.stringify(decodeEntry(f.entry).data) : '';
    if (!data.includes(`"${commitment}"`))
      found.push(
        `directory: the ${f.field} of ${f.subject} does not open a commitment of entry ${f.seq}`,
      );
  }
  return found;
}

/** The rows of one organisation in a projection table, as sorted canonical strings. */
async function snapshot(
  tx: Kysely<StoreDatabase>,
  table: string,
  orgId: number,
): Promise<string[]> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from ${sql.table(table)} where org_id = ${orgId}`.execute(tx);
  return rows.map(rowText).sort();
}

function rowText(row: Record<string, unknown>): string {
  const keys = Object.keys(row).sort();
  return JSON.stringify(
    Object.fromEntries(
      keys.map((k) => {
        const v = row[k];
        if (v instanceof Uint8Array) return [k, `\\x${Buffer.from(v).toString('hex')}`];
        if (typeof v === 'bigint') return [k, v.toString()];
        if (v instanceof Date) return [k, v.toISOString()];
        return [k, v];
      }),
    ),
  );
}

/** The rows in `rebuilt` but not in `live` (missing) and the reverse (extra), with multiplicity. */
function multisetDiff(live: readonly string[], rebuilt: readonly string[]) {
  const counts = new Map<string, number>();
  for (const row of live) counts.set(row, (counts.get(row) ?? 0) + 1);
  const missing: string[] = [];
  for (const row of rebuilt) {
    const n = counts.get(row) ?? 0;
    if (n === 0) missing.push(row);
    else counts.set(row, n - 1);
  }
  const extra = [...counts].flatMap(([row, n]) => Array<string>(n).fill(row));
  return { missing, extra };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
