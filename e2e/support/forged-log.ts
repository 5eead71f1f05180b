import type { Page, Route } from '@playwright/test';
import {
  DAY,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  envelopeOf,
  evolve,
  initialState,
  invitationToken,
  type OrgState,
} from '../../src/democracy/index.js';
import { toBase64, toHex } from '../../src/record/bytes.js';
import { signCheckpoint } from '../../src/record/checkpoint.js';
import { nobleEd25519 } from '../../src/record/ed25519.js';
import { encodeEntry } from '../../src/record/entry.js';
import { generateNoteKey } from '../../src/record/note-key.js';
import { referenceInclusionProof, referenceRoot } from '../../src/record/reference-tree.js';
import { buildTiles } from '../../src/record/tile-builder.js';
import { nobleTreeHasher } from '../../src/record/tree-hasher.js';

/**
 * A record rewritten by its operator, for the browser's recount (issue 14): a branch of
 * four elects its chair among two by secret ballot, each draw seeded from the log's root
 * as the server seeds it; then the operator records the loser as elected and signs the
 * log with its own key. Served by intercepting the API's log routes for `org`, under a
 * key the test hands the verifier: the record verifies, and only the recount can tell.
 */
export interface ForgedLog {
  readonly org: string;
  readonly vkey: string;
  /** The entry rewritten, the election it counts, who was recorded and who was elected. */
  readonly seq: number;
  readonly electionId: string;
  readonly recorded: string;
  readonly elected: string;
  serve(page: Page): Promise<void>;
}

export function forgedLog(org = 'forged-branch'): ForgedLog {
  const hasher = nobleTreeHasher;
  let state: OrgState = initialState();
  const log: DemocracyEvent[] = [];
  /** When each entry was appended (its envelope's `time`). */
  const times: number[] = [];
  let now = Date.UTC(2026, 0, 5, 9);
  let n = 0;
  const run = (
    actor: string,
    command: DemocracyCommand,
    entropy = (++n).toString(16).padStart(32, '0'),
  ) => {
    // The seed of any draw: the root of the log before this command, as the server's.
    const leaves = log.map((e, seq) => hasher.hashLeaf(entryOf(e, seq, times[seq] as number)));
    const seed = toHex(referenceRoot(leaves, hasher));
    for (const e of decide(state, command, { now, actor, seed, entropy })) {
      state = evolve(state, e);
      log.push(e);
      times.push(now);
    }
  };
  run('anyone', {
    kind: 'FoundOrganisation',
    name: 'Forged Branch',
    slug: org,
    founderName: 'Ada',
    founderCouncil: 'Branch',
    councils: { name: 'Congress', children: [{ name: 'Branch' }, { name: 'Other' }] },
  });
  const members = ['m1'];
  for (const name of ['Ben', 'Chi', 'Dee']) {
    const entropy = (++n).toString(16).padStart(32, '0');
    run('m1', { kind: 'InviteMember' }, entropy);
    run('newcomer', { kind: 'JoinWithInvitation', token: invitationToken(entropy), name });
    members.push(`m${members.length + 1}`);
  }
  const chair = [...state.elections.values()].find((e) => e.groupKey.endsWith(':chair'));
  const electionId = chair?.id as string;
  run('m2', { kind: 'Nominate', electionId, candidateId: 'm2' });
  run('m3', { kind: 'Nominate', electionId, candidateId: 'm3' });
  now = chair?.nominationsCloseAt as number;
  run('system', { kind: 'AdvanceTime', now });
  const candidates = state.elections.get(electionId)?.candidates ?? [];
  for (const [i, voter] of members.entries())
    run(voter, { kind: 'CastBallot', electionId, ranking: i < 3 ? ['m2', 'm3'] : ['m3'] });
  now = (chair?.votingCloseAt as number) + DAY;
  run('system', { kind: 'AdvanceTime', now });

  // The operator records the loser as elected, and signs.
  const seq = log.findIndex((e) => e.kind === 'ElectionCounted');
  const counted = log[seq] as Extract<DemocracyEvent, { kind: 'ElectionCounted' }>;
  const elected = counted.elected[0] as string;
  const recorded = candidates.find((c) => c !== elected) as string;
  log[seq] = { ...counted, elected: [recorded] };
  const entries = log.map((e, i) => entryOf(e, i, times[i] as number));
  const tiles = buildTiles(entries, hasher);
  const leaves = entries.map((e) => hasher.hashLeaf(e));
  const origin = `soviet.localhost/${org}`;
  const key = generateNoteKey(origin, new Uint8Array(32).fill(41), nobleEd25519);
  const checkpoint = signCheckpoint(
    { origin, size: entries.length, rootHash: tiles.rootHash, extensions: [] },
    [key.signer],
    nobleEd25519,
  );
  const base = `/api/v1/orgs/${org}/log/`;
  const answer = async (route: Route) => {
    const url = new URL(route.request().url());
    const path = url.pathname.slice(base.length);
    if (path === 'checkpoint')
      return route.fulfill({ status: 200, contentType: 'text/plain', body: checkpoint });
    if (path === 'proof/inclusion') {
      const index = Number(url.searchParams.get('index'));
      const proof = referenceInclusionProof(
        index,
        leaves.slice(0, Number(url.searchParams.get('size'))),
        hasher,
      );
      return route.fulfill({
        status: 200,
        json: { index, size: entries.length, proof: proof.map(toBase64) },
      });
    }
    const tile = tiles.files.get(path);
    if (!tile) return route.fulfill({ status: 404, json: { code: 'NOT_FOUND' } });
    return route.fulfill({
      status: 200,
      contentType: 'application/octet-stream',
      body: Buffer.from(tile),
    });
  };
  return {
    org,
    vkey: key.vkey,
    seq,
    electionId,
    recorded,
    elected,
    serve: async (page) => {
      await page.route(`**${base}**`, answer);
    },
  };
}

/** An event as its entry (RECORD.md "Entries"): the canonical JSON of its public envelope. */
function entryOf(e: DemocracyEvent, seq: number, now: number): Uint8Array {
  const { type, actor, data } = envelopeOf(e);
  return encodeEntry({
    v: 2,
    seq,
    time: new Date(now).toISOString(),
    type,
    actor: actor ?? 'system',
    data: data as never,
  });
}
