import type { DemocracyEvent } from '../events/index.js';
import type { OrgState } from '../state.js';

/**
 * Comparing what the log records with what the recount gives (recount.ts), as the record
 * holds them: JSON (RFC 8785). An absent field and one that is `undefined` are the same
 * (JSON drops it), and so are a number that JSON cannot write and `null`; key order does
 * not matter.
 */

/** The first place where a recorded value and a recounted one differ. */
export interface FieldDifference {
  /** Where, as a path into the event: `elected[0]`, `passed`; `''` for the whole value. */
  readonly path: string;
  /** The recorded value there, as short JSON text (`nothing` when absent). */
  readonly recorded: string;
  readonly recounted: string;
}

const ABSENT = Symbol('absent');

/**
 * The first difference between `recorded` and `recounted`, walking the recounted value's
 * keys in its own order (the order the rules write an event in, so that `passed` comes
 * before the tallies), then the keys only the record has; undefined when they are equal.
 */
export function firstDifference(
  recorded: unknown,
  recounted: unknown,
  path = '',
): FieldDifference | undefined {
  const a = jsonOf(recorded);
  const b = jsonOf(recounted);
  if (isObject(a) && isObject(b)) {
    for (const key of Object.keys(b)) {
      const found = firstDifference(field(a, key), b[key], join(path, key));
      if (found) return found;
    }
    for (const key of Object.keys(a)) {
      if (jsonOf(b[key]) !== ABSENT || jsonOf(a[key]) === ABSENT) continue;
      return { path: join(path, key), recorded: shown(a[key]), recounted: 'nothing' };
    }
    return undefined;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const found = firstDifference(a[i] ?? null, b[i] ?? null, `${path}[${i}]`);
      if (found) return found;
    }
    if (a.length === b.length) return undefined;
    return { path: `${path}.length`, recorded: String(a.length), recounted: String(b.length) };
  }
  if (a === b) return undefined;
  return { path, recorded: shown(a), recounted: shown(b) };
}

/** A value as JSON sees it: ABSENT for what JSON drops, null for what it cannot write. */
function jsonOf(value: unknown): unknown {
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol')
    return ABSENT;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

function field(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  if (!/^[A-Za-z_$][\w$]*$/.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/** Short JSON text of a value, for a message. */
export function shown(value: unknown): string {
  if (jsonOf(value) === ABSENT) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** What an entry concerns: the kind of thing and its id (a ballot box is named by what it decides). */
export interface About {
  readonly kind: AboutKind;
  readonly id: string;
  /** For an entry about a ballot box: the box. */
  readonly boxId?: string;
}

export type AboutKind =
  | 'election'
  | 'motion'
  | 'amendment'
  | 'recall'
  | 'round'
  | 'authorisation'
  | 'mandate'
  | 'group'
  | 'member'
  | 'council'
  | 'box'
  | 'deadline'
  | 'organisation';

/**
 * What an event is about, in terms a reader of the record can look up: the election,
 * motion, recall petition, budget round, authorisation or mandate it concerns. The first
 * field found names it.
 */
export function aboutOf(event: DemocracyEvent, state: OrgState): About {
  const e = event as unknown as Record<string, unknown>;
  const id = (key: string) => (typeof e[key] === 'string' ? (e[key] as string) : undefined);
  const boxId = id('boxId');
  if (boxId !== undefined) {
    const box = state.boxes.get(boxId);
    return box ? { kind: box.subject.kind, id: box.subject.id, boxId } : { kind: 'box', id: boxId };
  }
  for (const [key, kind] of NAMED_BY) {
    const value = id(key);
    if (value !== undefined) return { kind, id: value };
  }
  return { kind: 'organisation', id: '' };
}

/** `election e3`, `motion mo2 (ballot box b7)`: an `About` in English, for the CLI. */
export function aboutText(about: About): string {
  const named =
    about.kind === 'organisation' ? 'the organisation' : `${NAMES[about.kind]} ${about.id}`;
  return about.boxId === undefined ? named : `${named} (ballot box ${about.boxId})`;
}

const NAMES: Readonly<Record<AboutKind, string>> = {
  election: 'election',
  motion: 'motion',
  amendment: 'amendment',
  recall: 'recall petition',
  round: 'budget round',
  authorisation: 'authorisation',
  mandate: 'mandate',
  group: 'seat group',
  member: 'member',
  council: 'council',
  box: 'ballot box',
  deadline: 'the deadline',
  organisation: 'the organisation',
};

const NAMED_BY: readonly (readonly [string, AboutKind])[] = [
  ['electionId', 'election'],
  ['petitionId', 'recall'],
  ['amendmentId', 'amendment'],
  ['motionId', 'motion'],
  ['roundId', 'round'],
  ['authorisationId', 'authorisation'],
  ['mandateId', 'mandate'],
  ['groupKey', 'group'],
  ['memberId', 'member'],
  ['councilId', 'council'],
];
