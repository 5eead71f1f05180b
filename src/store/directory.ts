import type { Kysely } from 'kysely';
import type { StoreDatabase } from './schema.js';

/**
 * Reads of the private member directory (migration 0005-directory; written only by the
 * append transaction, org-log.ts `writeDirectory`). Personal data: callers decide who
 * may see what (service/views/names.ts) and never log it.
 */

/** One personal fact as the directory keeps it. */
export interface DirectoryFact {
  readonly seq: number;
  readonly subject: string;
  readonly field: string;
  readonly value: string;
  readonly salt: string;
}

/** Each member's current name: the `name` fact of the latest entry that set it. */
export async function directoryNames(
  db: Kysely<StoreDatabase>,
  orgId: number,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const r of await namesSince(db, orgId, 0)) names.set(r.subject, r.value);
  return names;
}

/**
 * The `name` facts of entries from `seq` on, in log order. Facts are written with their
 * entries, under the log's head lock, so a reader that has seen every fact before `seq`
 * misses none by reading on from there (service/directory.ts keeps names so).
 */
export async function namesSince(
  db: Kysely<StoreDatabase>,
  orgId: number,
  seq: number,
): Promise<{ seq: number; subject: string; value: string }[]> {
  const rows = await db
    .selectFrom('personal_data')
    .select(['seq', 'subject', 'value'])
    .where('org_id', '=', orgId)
    .where('field', '=', 'name')
    .where('seq', '>=', seq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Every fact the directory holds about one member (a person's right of access). */
export async function factsAbout(
  db: Kysely<StoreDatabase>,
  orgId: number,
  subject: string,
): Promise<DirectoryFact[]> {
  const rows = await db
    .selectFrom('personal_data')
    .select(['seq', 'subject', 'field', 'value', 'salt'])
    .where('org_id', '=', orgId)
    .where('subject', '=', subject)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Every fact of an organisation, in log order (fsck checks each opens its commitment). */
export async function allFacts(db: Kysely<StoreDatabase>, orgId: number): Promise<DirectoryFact[]> {
  const rows = await db
    .selectFrom('personal_data')
    .select(['seq', 'subject', 'field', 'value', 'salt'])
    .where('org_id', '=', orgId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** Members who chose to show their name outside the organisation. */
export async function publicNames(db: Kysely<StoreDatabase>, orgId: number): Promise<Set<string>> {
  const rows = await db
    .selectFrom('name_choices')
    .select('member_id')
    .where('org_id', '=', orgId)
    .where('name_public', '=', true)
    .execute();
  return new Set(rows.map((r) => r.member_id));
}

/** Whether the member chose to show their name outside the organisation. */
export async function namePublic(
  db: Kysely<StoreDatabase>,
  orgId: number,
  memberId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('name_choices')
    .select('name_public')
    .where('org_id', '=', orgId)
    .where('member_id', '=', memberId)
    .executeTakeFirst();
  return row?.name_public ?? false;
}

/** Records the member's choice (their own, at any time; not on the log). */
export async function chooseNamePublic(
  db: Kysely<StoreDatabase>,
  orgId: number,
  memberId: string,
  shown: boolean,
): Promise<void> {
  await db
    .insertInto('name_choices')
    .values({ org_id: orgId, member_id: memberId, name_public: shown })
    .onConflict((oc) => oc.columns(['org_id', 'member_id']).doUpdateSet({ name_public: shown }))
    .execute();
}
