import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ActProof } from '../democracy/index.js';
import {
  type CouncilSpec,
  type DemocracyCommand,
  type DemocracyEvent,
  decide,
  democracyError,
  initialState,
  invitationToken,
  nextDeadline,
  type OrgState,
  publicPart,
  readToken,
  receiptFor,
} from '../democracy/index.js';
import { SovietError } from '../errors/soviet-error.js';
import { decodeEntry, SYSTEM_ACTOR, toHex } from '../record/index.js';
import type { DemocracyStore } from '../store/democracy-domain.js';
import type { Executed } from '../store/domain.js';
import { blobRefOf } from '../store/large-entry.js';
import type { DemocracyTables } from '../store/projections/tables.js';
import type { StoreDatabase } from '../store/schema.js';
import { type DirectoryReader, directoryReader, withStandingName } from './directory.js';
import { serviceError } from './errors.js';
import { type CouncilView, councilView } from './views/council-view.js';
import { type ElectionCount, type ElectionView, electionView } from './views/election-view.js';
import {
  type MemberBallot,
  type MemberView,
  memberBallots,
  memberView,
} from './views/member-view.js';
import { type MotionRecord, type MotionView, motionView } from './views/motion-view.js';
import type { Audience } from './views/names.js';
import { type OrganisationView, organisationView } from './views/organisation-view.js';
import { type RecallResult, type RecallView, recallView } from './views/recall-view.js';
import { meaningOf, type RecordEntry, type RecordView } from './views/record-view.js';

/** The actor of a command sent by someone who is not a member yet (joining with an invitation). */
export const NEWCOMER = 'newcomer';

export interface SovietServiceDeps {
  readonly store: DemocracyStore;
  /** Unix time in milliseconds: every command's `now` (tests drive it). */
  readonly clock: () => number;
  /** Fresh random bytes for receipts and invitation tokens (default: node:crypto). */
  readonly random?: (bytes: number) => Uint8Array;
}

/** What founding needs (RULES.md, Organisation and councils). */
export interface FoundOrganisationInput {
  readonly name: string;
  /** The organisation's name in URLs: 1 to 63 lower-case letters, digits and dashes. */
  readonly slug: string;
  readonly founderName: string;
  readonly councils: CouncilSpec;
  /** The base council the founder joins. */
  readonly founderCouncil: string;
  /** Constitution parameters the founders choose (within bounds); the rest are defaults. */
  readonly constitution?: { readonly [parameter: string]: number | string | undefined };
}

export interface Founded {
  readonly org: string;
  /** The founder's member id: an ordinary member. */
  readonly founderId: string;
  /** The C2SP origin of the organisation's log. */
  readonly origin: string;
  readonly result: CommandResult;
}

/**
 * What a caller stores atomically with a command (issue 14): `alsoWrite` runs inside the
 * append transaction that commits the command (the store's `ExecuteContext.alsoWrite`),
 * with the result the caller will get; if it throws, the command fails and nothing of it
 * is written.
 */
export interface CommandOptions {
  readonly alsoWrite?: (tx: Kysely<StoreDatabase>, result: CommandResult) => Promise<void>;
  /** The member's signed act, its signature already checked (signed-acts.ts). */
  readonly act?: ActProof;
}

/** The same for founding: `orgId` is the new organisation's (e.g. to link the founder's account). */
export interface FoundingOptions {
  readonly alsoWrite?: (
    tx: Kysely<StoreDatabase>,
    founded: Founded,
    orgId: number,
  ) => Promise<void>;
}

/**
 * The answer to a committed command: its events (their public parts only) with where
 * they landed on the log, and what the caller must hand on.
 */
export interface CommandResult {
  readonly events: readonly DemocracyEvent[];
  /** The log position of the first event (the log size before, when there are none). */
  readonly firstSeq: number;
  /** The log size after the commit. */
  readonly size: number;
  /** The checkpoint signed by that commit. */
  readonly checkpoint: string;
  /** A ballot in a secret box (an election, a base council's vote, a budget round): the voter's receipt. */
  readonly receipt?: string;
  /** InviteMember: the single-use token to give the invited person (never logged). */
  readonly invitation?: {
    readonly id: string;
    readonly token: string;
    readonly councilId: string;
    readonly expiresAt: number;
  };
  /** JoinWithInvitation: the new member's id. */
  readonly memberId?: string;
  /** ProposeMotion: the new motion. */
  readonly motionId?: string;
  /**
   * ProposeMotion of a read-access grant: the token to hand to its holder once the
   * motion passes (never logged: the motion carries only its SHA-256).
   */
  readonly readToken?: string;
  /** ProposeAmendment: the new amendment. */
  readonly amendmentId?: string;
  /** OpenRecallPetition: the new petition. */
  readonly petitionId?: string;
}

/** What one `tick` did. */
export interface TickReport {
  readonly now: number;
  /** Organisations whose deadlines were processed, with the events that caused. */
  readonly advanced: readonly { readonly org: string; readonly events: number }[];
  /** Organisations whose tick failed (the others went on). */
  readonly failed: readonly { readonly org: string; readonly error: unknown }[];
}

/** A published ballot found by its receipt: the voter's check that it was counted as cast. */
export interface ReceiptCheck {
  readonly receipt: string;
  readonly boxId: string;
  readonly subject: { readonly kind: string; readonly id: string };
  /** Candidate ids in order of preference (elections), or the choice. */
  readonly ballot: readonly string[] | string;
}

/** A democracy organisation on this instance. */
export interface OrganisationListing {
  readonly slug: string;
  readonly name: string;
  readonly foundedAt: number;
}

/**
 * The application API of Soviet: the one interface that the server, the CLI and the tests
 * use to run the democracy on the store. Every command goes through `execute` (or
 * `foundOrganisation`, and the server's own `tick`), with the time from the injected
 * clock and fresh randomness; the views are built from the caught-up state (another
 * process may have appended: one head query finds out, and the missing events are
 * evolved first) and, for what the state does not keep (count reports, tallies, the
 * original text of a motion), from the projections.
 */
export interface SovietService {
  readonly store: DemocracyStore;
  readonly clock: () => number;
  foundOrganisation(input: FoundOrganisationInput, options?: FoundingOptions): Promise<Founded>;
  /**
   * Runs a member's command. `actor` is the acting member's id (authenticated by the
   * caller); `null` only for `JoinWithInvitation` (the person is not a member yet).
   * Refuses `system` (SYSTEM_ACTOR_RESERVED), and FoundOrganisation and AdvanceTime,
   * which have their own methods. Rejects with the domain's refusal, nothing written.
   */
  execute(
    org: string,
    actor: string | null,
    command: DemocracyCommand,
    options?: CommandOptions,
  ): Promise<CommandResult>;
  /** The organisation's state as of its log's head. */
  state(org: string): Promise<OrgState>;
  organisations(): Promise<OrganisationListing[]>;
  /*
   * The views resolve member ids to names for `audience` (views/names.ts; default
   * `public`, the narrower): `member` when the viewer is a member of the organisation.
   */
  organisationView(org: string, audience?: Audience): Promise<OrganisationView>;
  councilView(org: string, councilId: string, audience?: Audience): Promise<CouncilView>;
  memberView(org: string, memberId: string, audience?: Audience): Promise<MemberView>;
  /** The member's own open ballots (only for that member's eyes). */
  memberBallots(org: string, memberId: string): Promise<MemberBallot[]>;
  electionView(org: string, electionId: string, audience?: Audience): Promise<ElectionView>;
  motionView(org: string, motionId: string, audience?: Audience): Promise<MotionView>;
  recallView(org: string, petitionId: string, audience?: Audience): Promise<RecallView>;
  /** The private member directory (names, and nothing else, for views and notices). */
  readonly directory: DirectoryReader;
  /** Entries [from, from + limit) of the public log (default: the latest 50; limit ≤ 1000). */
  recordView(org: string, page?: { from?: number; limit?: number }): Promise<RecordView>;
  /** Finds a published ballot by its receipt. Throws RECEIPT_UNKNOWN. */
  checkReceipt(org: string, receipt: string): Promise<ReceiptCheck>;
  /**
   * Processes every deadline passed by `now` (default: the clock) in every organisation
   * (AdvanceTime as the system), each exactly once, in order. Safe to run from several
   * processes at once: a deadline already processed produces nothing.
   */
  tick(now?: number): Promise<TickReport>;
  /** The earliest pending deadline across organisations, or null. */
  nextDeadline(): Promise<number | null>;
}

/** Creates the service over a store opened with the democracy domain. */
export function createSovietService(deps: SovietServiceDeps): SovietService {
  const { store, clock } = deps;
  const random = deps.random ?? ((n: number) => new Uint8Array(randomBytes(n)));
  const entropy = () => toHex(random(32));
  const tables = () => store.db.withTables<DemocracyTables>();
  const orgId = async (org: string) => (await store.organisation(org)).id;
  const directory = directoryReader(store);
  const viewed = (org: string, audience: Audience = 'public') =>
    directory.viewStateOf(org, audience);

  /** Organisations founded on the democracy domain (others may share the database). */
  const founded = async (): Promise<OrganisationListing[]> => {
    const rows = await tables()
      .selectFrom('org_profiles')
      .innerJoin('organisations', 'organisations.id', 'org_profiles.org_id')
      .select(['organisations.slug', 'org_profiles.name', 'org_profiles.founded_at'])
      .orderBy('organisations.id')
      .execute();
    return rows.map((r) => ({ slug: r.slug, name: r.name, foundedAt: Number(r.founded_at) }));
  };

  const service: SovietService = {
    store,
    clock,
    directory,

    async foundOrganisation(input, options = {}) {
      const now = clock();
      const command: DemocracyCommand = { kind: 'FoundOrganisation', ...input };
      const base = { now, actor: NEWCOMER, entropy: entropy() };
      // Refuse bad input before the slug is taken: the same pure check the append runs.
      decide(initialState(), command, { ...base, seed: '00'.repeat(32) });
      try {
        await store.createOrganisation(input.slug, now);
      } catch (error) {
        // A log created but never founded (a crash between the two steps) is completed;
        // a founded one is refused by the domain (ALREADY_FOUNDED).
        if (!(error instanceof SovietError && error.code === 'ORG_EXISTS')) throw error;
        const state = await store.state(input.slug);
        if (state.org !== null) throw error;
      }
      const org = await store.organisation(input.slug);
      const foundedOf = (executed: Executed<DemocracyEvent>): Founded => {
        const joined = executed.events.find((e) => e.kind === 'MemberJoined');
        return {
          org: input.slug,
          founderId: joined?.kind === 'MemberJoined' ? joined.memberId : 'm1',
          origin: org.origin,
          result: resultOf(command, executed, base.entropy),
        };
      };
      const { alsoWrite } = options;
      // The founder's account is linked in the founding's own transaction (issue 14): a
      // crash after the commit never leaves an organisation nobody can reach.
      const ctx = alsoWrite
        ? {
            ...base,
            alsoWrite: (tx: Kysely<StoreDatabase>, executed: Executed<unknown>) =>
              alsoWrite(tx, foundedOf(executed as Executed<DemocracyEvent>), org.id),
          }
        : base;
      return foundedOf(await store.execute(input.slug, command, ctx));
    },

    async execute(org, actor, command, options = {}) {
      if (actor === SYSTEM_ACTOR) throw serviceError('SYSTEM_ACTOR_RESERVED');
      if (command?.kind === 'FoundOrganisation' || command?.kind === 'AdvanceTime')
        throw democracyError('BAD_COMMAND', {
          reason: `${command.kind} is not a member's command`,
        });
      const { alsoWrite, act } = options;
      const base = {
        now: clock(),
        actor: actor ?? NEWCOMER,
        entropy: entropy(),
        ...(act ? { act } : {}),
      };
      const ctx = alsoWrite
        ? {
            ...base,
            alsoWrite: (tx: Kysely<StoreDatabase>, executed: Executed<unknown>) =>
              alsoWrite(tx, resultOf(command, executed as Executed<DemocracyEvent>, base.entropy)),
          }
        : base;
      const executed = await store.execute(
        org,
        await withStandingName(directory, org, actor, command),
        ctx,
      );
      return resultOf(command, executed, ctx.entropy);
    },

    state: (org) => store.state(org),

    organisations: founded,

    async organisationView(org, audience) {
      return organisationView(await viewed(org, audience));
    },

    async councilView(org, councilId, audience) {
      return councilView(await viewed(org, audience), councilId);
    },

    async memberView(org, memberId, audience) {
      return memberView(await viewed(org, audience), memberId);
    },

    async memberBallots(org, memberId) {
      return memberBallots(await viewed(org, 'member'), memberId);
    },

    async electionView(org, electionId, audience) {
      const state = await viewed(org, audience);
      let count: ElectionCount | null = null;
      if (state.elections.get(electionId)?.phase === 'closed') {
        const row = await tables()
          .selectFrom('elections')
          .select(['unopposed', 'report'])
          .where('org_id', '=', await orgId(org))
          .where('election_id', '=', electionId)
          .executeTakeFirst();
        if (row && row.unopposed !== null)
          count = { unopposed: row.unopposed, report: row.report as ElectionCount['report'] };
      }
      return electionView(state, electionId, count);
    },

    async motionView(org, motionId, audience) {
      const state = await viewed(org, audience);
      const id = await orgId(org);
      const row = await tables()
        .selectFrom('motions')
        .select([
          'original_text',
          'phase',
          'yes',
          'no',
          'abstain',
          'quorum_needed',
          'result_reason',
          'effect_void',
        ])
        .where('org_id', '=', id)
        .where('motion_id', '=', motionId)
        .executeTakeFirst();
      const tallies = await tables()
        .selectFrom('amendments')
        .select(['amendment_id', 'yes', 'no', 'abstain'])
        .where('org_id', '=', id)
        .where('motion_id', '=', motionId)
        .where('adopted', 'is not', null)
        .execute();
      const record: MotionRecord = {
        originalText: row?.original_text ?? state.motions.get(motionId)?.text ?? '',
        result:
          row && row.yes !== null && (row.phase === 'passed' || row.phase === 'failed')
            ? {
                passed: row.phase === 'passed',
                yes: row.yes,
                no: row.no ?? 0,
                abstain: row.abstain ?? 0,
                quorumNeeded: row.quorum_needed ?? 0,
                reason: row.result_reason ?? '',
                effectVoid: row.effect_void,
              }
            : null,
        amendmentTallies: Object.fromEntries(
          tallies.map((t) => [
            t.amendment_id,
            { yes: t.yes ?? 0, no: t.no ?? 0, abstain: t.abstain ?? 0 },
          ]),
        ),
      };
      return motionView(state, motionId, record);
    },

    async recallView(org, petitionId, audience) {
      const state = await viewed(org, audience);
      const row = await tables()
        .selectFrom('recall_petitions')
        .select(['recall', 'keep', 'abstain', 'quorum_needed'])
        .where('org_id', '=', await orgId(org))
        .where('petition_id', '=', petitionId)
        .executeTakeFirst();
      const result: RecallResult | null =
        row && row.recall !== null
          ? {
              recall: row.recall,
              keep: row.keep ?? 0,
              abstain: row.abstain ?? 0,
              quorumNeeded: row.quorum_needed ?? 0,
            }
          : null;
      return recallView(state, petitionId, result);
    },

    async recordView(org, page = {}) {
      const o = await store.organisation(org);
      const head = await store.head(org);
      const limit = Math.max(0, Math.min(1000, Math.floor(page.limit ?? 50)));
      const from = Math.max(0, Math.min(head.size, Math.floor(page.from ?? head.size - limit)));
      const to = Math.min(head.size, from + limit);
      const rows =
        to > from
          ? await store.db
              .selectFrom('log_entries')
              .select(['seq', 'entry'])
              .where('org_id', '=', o.id)
              .where('seq', '>=', from)
              .where('seq', '<', to)
              .orderBy('seq')
              .execute()
          : [];
      const entries: RecordEntry[] = [];
      for (const row of rows) {
        const entry = decodeEntry(row.entry);
        let data = entry.data;
        const ref = blobRefOf(data);
        if (ref) {
          const blob = await store.db
            .selectFrom('blobs')
            .select('content')
            .where('org_id', '=', o.id)
            .where('sha256', '=', Buffer.from(ref.sha256, 'hex'))
            .executeTakeFirst();
          if (blob) data = JSON.parse(new TextDecoder().decode(blob.content));
        }
        entries.push({
          seq: entry.seq,
          time: entry.time,
          type: entry.type,
          actor: entry.actor,
          data,
          meaning: meaningOf(entry.type),
        });
      }
      return {
        org,
        origin: o.origin,
        vkey: await store.verifierKey(org),
        size: head.size,
        checkpoint: head.checkpoint,
        from,
        entries,
      };
    },

    async checkReceipt(org, receipt) {
      const id = await orgId(org);
      const row = await tables()
        .selectFrom('published_ballots')
        .innerJoin('ballot_boxes', (j) =>
          j
            .onRef('ballot_boxes.org_id', '=', 'published_ballots.org_id')
            .onRef('ballot_boxes.box_id', '=', 'published_ballots.box_id'),
        )
        .select([
          'published_ballots.box_id',
          'published_ballots.ballot',
          'ballot_boxes.subject_kind',
          'ballot_boxes.subject_id',
        ])
        .where('published_ballots.org_id', '=', id)
        .where('published_ballots.receipt', '=', String(receipt).toLowerCase())
        .executeTakeFirst();
      if (!row) throw serviceError('RECEIPT_UNKNOWN', { receipt });
      let ballot: readonly string[] | string = String(row.ballot);
      if (Array.isArray(row.ballot)) {
        const state = await store.state(org);
        const candidates = state.elections.get(row.subject_id)?.candidates ?? [];
        ballot = (row.ballot as number[]).map((i) => candidates[i] ?? String(i));
      }
      return {
        receipt: String(receipt).toLowerCase(),
        boxId: row.box_id,
        subject: { kind: row.subject_kind, id: row.subject_id },
        ballot,
      };
    },

    async tick(now = clock()) {
      const advanced: { org: string; events: number }[] = [];
      const failed: { org: string; error: unknown }[] = [];
      for (const { slug } of await founded()) {
        try {
          const next = nextDeadline(await store.state(slug));
          if (next === null || next > now) continue;
          const executed = await store.execute(
            slug,
            { kind: 'AdvanceTime', now },
            { now, actor: SYSTEM_ACTOR, entropy: entropy() },
          );
          advanced.push({ org: slug, events: executed.events.length });
        } catch (error) {
          failed.push({ org: slug, error });
        }
      }
      return { now, advanced, failed };
    },

    async nextDeadline() {
      let earliest: number | null = null;
      for (const { slug } of await founded()) {
        const next = nextDeadline(await store.state(slug));
        if (next !== null && (earliest === null || next < earliest)) earliest = next;
      }
      return earliest;
    },
  };
  return service;
}

/** What the caller needs from a committed command (see CommandResult). */
function resultOf(
  command: DemocracyCommand,
  executed: {
    readonly events: readonly DemocracyEvent[];
    readonly firstSeq: number;
    readonly size: number;
    readonly checkpoint: string;
  },
  entropy: string,
): CommandResult {
  const extra: {
    -readonly [K in keyof CommandResult]?: CommandResult[K];
  } = {};
  for (const e of executed.events) {
    switch (e.kind) {
      case 'BallotCast':
      case 'BudgetBallotCast':
        // The receipt is derived from this command's entropy alone (democracy/secrets.ts).
        if (e.secret) extra.receipt = receiptFor(entropy);
        break;
      case 'MemberInvited':
        if (command.kind === 'InviteMember')
          extra.invitation = {
            id: e.invitationId,
            token: invitationToken(entropy),
            councilId: e.councilId,
            expiresAt: e.expiresAt,
          };
        break;
      case 'MemberJoined':
        extra.memberId = e.memberId;
        break;
      case 'MotionProposed':
        extra.motionId = e.motionId;
        if (e.body.kind === 'readAccess' && e.body.action === 'grant')
          extra.readToken = readToken(entropy);
        break;
      case 'AmendmentProposed':
        extra.amendmentId = e.amendmentId;
        break;
      case 'RecallPetitionOpened':
        extra.petitionId = e.petitionId;
        break;
    }
  }
  return {
    events: executed.events.map(publicPart),
    firstSeq: executed.firstSeq,
    size: executed.size,
    checkpoint: executed.checkpoint,
    ...extra,
  };
}
