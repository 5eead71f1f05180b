import type { ColumnType, Generated } from 'kysely';

/**
 * The store's own tables (migration 0001-record). Projections of the domain add their
 * tables with their own migrations; the domain reaches them with `db.withTables<T>()`.
 *
 * Integers that may exceed 2^31 are `bigint` columns; both backends return them as
 * JavaScript numbers here (see the `pg` type parser in postgres-backend.ts), which is
 * exact up to 2^53, far beyond any log this instance will hold.
 */
export interface StoreDatabase {
  organisations: OrganisationsTable;
  instance_keys: InstanceKeysTable;
  log_entries: LogEntriesTable;
  log_strata: LogStrataTable;
  log_heads: LogHeadsTable;
  log_checkpoints: LogCheckpointsTable;
  blobs: BlobsTable;
  private_data: PrivateDataTable;
  personal_data: PersonalDataTable;
  name_choices: NameChoicesTable;
}

export interface OrganisationsTable {
  id: Generated<number>;
  /** The name in URLs: `/api/v1/orgs/<slug>/…`. */
  slug: string;
  /** The C2SP checkpoint origin line and signing key name of this organisation's log. */
  origin: string;
  /** Unix time in milliseconds. */
  created_at: number;
}

/** The instance's Ed25519 key: one row (id 1), shared by every process on one database. */
export interface InstanceKeysTable {
  id: number;
  /** The 32-byte Ed25519 private key (seed). Never leaves the database except to sign. */
  seed: Uint8Array;
  public_key: Uint8Array;
  created_at: number;
}

/** The log: entry `seq` (0-based, gapless) of one organisation, as logged (≤ 65,535 bytes). */
export interface LogEntriesTable {
  org_id: number;
  seq: number;
  entry: Uint8Array;
  /** RFC 6962 §2.1 leaf hash SHA-256(0x00 ‖ entry): the level-0 tile hashes. */
  leaf_hash: Uint8Array;
}

/**
 * Stratum hashes for the tlog-tiles hash tiles of level ≥ 1: the hash of the perfect
 * subtree of 256^level leaves starting at leaf idx·256^level (C2SP tlog-tiles, "Hash
 * tiles"). Level 0 is `log_entries.leaf_hash`.
 */
export interface LogStrataTable {
  org_id: number;
  level: number;
  idx: number;
  hash: Uint8Array;
}

/** The head of each organisation's log; locked `FOR UPDATE` by every append. */
export interface LogHeadsTable {
  org_id: number;
  size: number;
  root: Uint8Array;
  /** The compact range [0, size): the concatenated 32-byte roots of its perfect subtrees, left to right. */
  compact_range: Uint8Array;
  /** The latest signed checkpoint (C2SP tlog-checkpoint as a C2SP signed note). */
  checkpoint: string;
  updated_at: number;
}

/** Every checkpoint the log ever signed, one per committed batch; `fsck` checks them all. */
export interface LogCheckpointsTable {
  org_id: number;
  size: number;
  checkpoint: string;
  created_at: ColumnType<number, number, never>;
}

/** Content stored beside the log and logged by its SHA-256 (entries over 65,535 bytes). */
export interface BlobsTable {
  org_id: number;
  sha256: Uint8Array;
  content: Uint8Array;
}

/**
 * The private member directory (migration 0005): a personal fact an entry commits to,
 * with its salt. Never logged, exported or rebuilt; erasure deletes a subject's rows.
 */
export interface PersonalDataTable {
  org_id: number;
  seq: number;
  subject: string;
  field: string;
  value: string;
  salt: string;
}

/** A member's choice to show their name outside the organisation (migration 0005). */
export interface NameChoicesTable {
  org_id: number;
  member_id: string;
  name_public: boolean;
}

/**
 * Data that must not be published but is needed to replay the log (e.g. who voted,
 * RECORD.md "Secret ballots"): the canonical JSON of an event's `secret`, by entry.
 */
export interface PrivateDataTable {
  org_id: number;
  seq: number;
  data: string;
}
