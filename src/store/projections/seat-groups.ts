import type { ProjectionDb } from './tables.js';

/** A seat group key read back: `d:<child council>` or `o:<council>:<office>` (democracy/queries.ts). */
export type ParsedGroupKey =
  | { readonly kind: 'delegation'; readonly childId: string }
  | { readonly kind: 'office'; readonly councilId: string; readonly office: string };

export function parseGroupKey(key: string): ParsedGroupKey {
  if (key.startsWith('d:')) return { kind: 'delegation', childId: key.slice(2) };
  const match = /^o:([^:]+):(.+)$/.exec(key);
  if (!match) throw new Error(`not a seat group key: ${key}`);
  return { kind: 'office', councilId: match[1] as string, office: match[2] as string };
}

/** Where a group's seats sit and who elects them, as the projected councils say now. */
export interface SeatOf {
  readonly seat_kind: 'delegation' | 'office';
  readonly electing_council_id: string;
  readonly seat_council_id: string | null;
  readonly office: string | null;
}

/**
 * The seat of a group: an office sits in its own council; a delegation is elected by
 * the child council and sits in the child's parent at this point of the log (a dissolved
 * delegate council's children move up, RULES.md "Organisation and councils").
 */
export async function seatOf(db: ProjectionDb, orgId: number, key: string): Promise<SeatOf> {
  const parsed = parseGroupKey(key);
  if (parsed.kind === 'office') {
    return {
      seat_kind: 'office',
      electing_council_id: parsed.councilId,
      seat_council_id: parsed.councilId,
      office: parsed.office,
    };
  }
  const child = await db
    .selectFrom('councils')
    .select('parent_id')
    .where('org_id', '=', orgId)
    .where('council_id', '=', parsed.childId)
    .executeTakeFirst();
  return {
    seat_kind: 'delegation',
    electing_council_id: parsed.childId,
    seat_council_id: child?.parent_id ?? null,
    office: null,
  };
}
