import type { ColumnType, Kysely } from 'kysely';
import type { StoreDatabase } from '../schema.js';

/**
 * The democracy projections (migration 0002-democracy), typed for Kysely: reach them
 * with `db.withTables<DemocracyTables>()`. Every row follows from the log; `soviet fsck`
 * rebuilds them and compares. Times are Unix milliseconds.
 *
 * JSON columns are written as JSON text and read back parsed.
 */
export type DemocracyTables = {
  org_profiles: OrgProfilesTable;
  councils: CouncilsTable;
  members: MembersTable;
  elections: ElectionsTable;
  nominations: NominationsTable;
  mandates: MandatesTable;
  ballot_boxes: BallotBoxesTable;
  published_ballots: PublishedBallotsTable;
  open_votes: OpenVotesTable;
  motions: MotionsTable;
  amendments: AmendmentsTable;
  recall_petitions: RecallPetitionsTable;
  instructions: InstructionsTable;
  breaches: BreachesTable;
  spending_authorisations: SpendingAuthorisationsTable;
};

/** Every projection table, parents before children (fsck clears them in reverse). */
export const DEMOCRACY_TABLES: readonly (keyof DemocracyTables)[] = [
  'org_profiles',
  'councils',
  'members',
  'elections',
  'nominations',
  'mandates',
  'ballot_boxes',
  'published_ballots',
  'open_votes',
  'motions',
  'amendments',
  'recall_petitions',
  'instructions',
  'breaches',
  'spending_authorisations',
];

export type ProjectionDb = Kysely<StoreDatabase & DemocracyTables>;

/** A jsonb column: written as JSON text, read back as a parsed value. */
type Json<T> = ColumnType<T, string, string>;
type JsonNullable<T> = ColumnType<T | null, string | null, string | null>;

export interface OrgProfilesTable {
  org_id: number;
  name: string;
  slug: string;
  founded_at: number;
  founder_id: string;
  root_council_id: string;
  constitution: Json<Record<string, number | string>>;
}

export interface CouncilsTable {
  org_id: number;
  council_id: string;
  name: string;
  kind: 'base' | 'delegate';
  parent_id: string | null;
  offices: Json<string[]>;
  created_at: number;
  created_by_motion: string | null;
  dissolved_at: number | null;
  merged_into: string | null;
}

export interface MembersTable {
  org_id: number;
  member_id: string;
  /** The base council (the last one, once the member has gone). */
  council_id: string;
  status: 'active' | 'left' | 'expelled';
  joined_at: number;
  invitation_id: string | null;
  ended_at: number | null;
  expelled_by_motion: string | null;
  /** When the member's personal data was erased (MemberErased). */
  erased_at: number | null;
}

export interface ElectionsTable {
  org_id: number;
  election_id: string;
  group_key: string;
  seat_kind: 'delegation' | 'office';
  electing_council_id: string;
  /** Where the seats sit: the parent council (delegation) or the council itself (office). */
  seat_council_id: string | null;
  office: string | null;
  election_kind: 'regular' | 'by';
  seats: number;
  method: string;
  phase: 'nominations' | 'voting' | 'counted' | 'lapsed';
  opened_at: number;
  nominations_close_at: number;
  voting_close_at: number;
  mandate_ends_at: number;
  max_consecutive_terms: number;
  max_concurrent_mandates: number;
  /** Fixed when voting opens, in ballot order. */
  candidates: JsonNullable<string[]>;
  box_id: string | null;
  elected: JsonNullable<string[]>;
  unopposed: boolean | null;
  /** The counting module's CountReport, stage by stage (null when unopposed). */
  report: JsonNullable<unknown>;
  closed_at: number | null;
}

export interface NominationsTable {
  org_id: number;
  election_id: string;
  member_id: string;
  nominated_by: string;
  nominated_at: number;
  status: 'nominated' | 'accepted' | 'withdrawn';
  withdrawn_reason: string | null;
}

export interface MandatesTable {
  org_id: number;
  mandate_id: string;
  holder_id: string;
  group_key: string;
  seat_kind: 'delegation' | 'office';
  electing_council_id: string;
  seat_council_id: string | null;
  office: string | null;
  election_id: string;
  start_at: number;
  end_at: number;
  terms: number;
  term_limit: number;
  status: 'sitting' | 'ended';
  ended_at: number | null;
  end_reason: string | null;
}

export interface BallotBoxesTable {
  org_id: number;
  box_id: string;
  subject_kind: 'election' | 'motion' | 'amendment' | 'recall';
  subject_id: string;
  council_id: string;
  /** Secret ballot (base councils, elections) or open vote (delegate councils). */
  secret: boolean;
  roll_size: number;
  quorum_percent: number;
  opens_at: number;
  closes_at: number;
  cast_count: number;
  closed: boolean;
  /** The checkpoint root that seeds any draw, recorded at the close. */
  seed: string | null;
}

export interface PublishedBallotsTable {
  org_id: number;
  box_id: string;
  receipt: string;
  /** Candidate indexes (elections) or a choice. */
  ballot: Json<unknown>;
}

export interface OpenVotesTable {
  org_id: number;
  box_id: string;
  voter_id: string;
  choice: string;
  cast_at: number;
}

export interface MotionsTable {
  org_id: number;
  motion_id: string;
  council_id: string;
  proposed_by: string;
  title: string;
  original_text: string;
  /** The text after adopted amendments. */
  text: string;
  motion_kind: string;
  body: Json<unknown>;
  threshold: 'simple-majority' | 'two-thirds';
  phase: 'proposed' | 'debate' | 'amendments' | 'voting' | 'passed' | 'failed' | 'withdrawn';
  proposed_at: number;
  seconders: number;
  seconders_needed: number;
  debate_closes_at: number | null;
  amendments_close_at: number | null;
  box_id: string | null;
  vote_closes_at: number | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
  quorum_needed: number | null;
  result_reason: string | null;
  effect_void: string | null;
  closed_at: number | null;
}

export interface AmendmentsTable {
  org_id: number;
  amendment_id: string;
  motion_id: string;
  proposed_by: string;
  text: string;
  proposed_at: number;
  box_id: string | null;
  adopted: boolean | null;
  yes: number | null;
  no: number | null;
  abstain: number | null;
}

export interface RecallPetitionsTable {
  org_id: number;
  petition_id: string;
  mandate_id: string;
  holder_id: string;
  electing_council_id: string;
  opened_by: string;
  reason: string;
  breach_ids: Json<string[]>;
  opened_at: number;
  window_ends_at: number;
  needed: number;
  signatures: number;
  phase: 'petition' | 'vote' | 'lapsed' | 'recalled' | 'kept' | 'moot';
  box_id: string | null;
  vote_closes_at: number | null;
  recall: number | null;
  keep: number | null;
  abstain: number | null;
  quorum_needed: number | null;
  closed_at: number | null;
}

export interface InstructionsTable {
  org_id: number;
  /** The instruction motion that passed. */
  instruction_id: string;
  council_id: string;
  target_motion_id: string;
  position: string;
  issued_at: number;
}

export interface BreachesTable {
  org_id: number;
  breach_id: string;
  mandate_id: string;
  member_id: string;
  council_id: string;
  motion_id: string;
  instruction_id: string;
  instructed: string;
  voted: string;
  at: number;
}

export interface SpendingAuthorisationsTable {
  org_id: number;
  motion_id: string;
  council_id: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
  payee: string;
  authorised_at: number;
}
