import { canonicalJson, type JsonValue } from '../record/canonical-json.js';
import { fromBase64, keyIdOf } from '../record/http-signature.js';
import type { Act, ActProof, ActsState, MemberKey } from './acts-state.js';
import type { DemocracyCommand } from './commands.js';
import { democracyError } from './errors.js';
import type { ActEvent, MemberActed } from './events/index.js';
import type { OrgState } from './state.js';
import type { Tx } from './tx.js';

/**
 * Signed acts (docs/design/record.md, "Signed acts"; issue 14): a member's keys, and the
 * rule that once a member has a key, every act in their name is signed by one of them.
 * The server checks the signature before `decide` (it has the fast Ed25519); `decide`
 * checks everything else (whose key, live, act not seen, time); `soviet verify` checks
 * both again from the log (act-audit.ts).
 */

/** How far an act's `issued` may be from the server's time (either way). */
export const ACT_WINDOW_MS = 5 * 60_000;

/** The act's exact bytes: RFC 8785 canonical JSON, what the signature's digest covers. */
export function actBody(act: Act): Uint8Array {
  return new TextEncoder().encode(canonicalJson(act as unknown as JsonValue));
}

/** The member's keys not revoked. */
export function liveKeys(state: OrgState, memberId: string): MemberKey[] {
  const keys: MemberKey[] = [];
  for (const k of state.acts.keys.values())
    if (k.memberId === memberId && k.revokedAt === null) keys.push(k);
  return keys;
}

/** A live key of `memberId` by id, or null. */
export function liveKey(state: OrgState, memberId: string, keyId: string): MemberKey | null {
  const k = state.acts.keys.get(keyId);
  return k && k.memberId === memberId && k.revokedAt === null ? k : null;
}

/**
 * Checks a member's act before its command runs: signed if and only if it must be, by a
 * live key of the actor, about this organisation, fresh and never seen. Returns the
 * MemberActed to emit before the command's events, or null for an unsigned act of a
 * member without keys (allowed: the verifier reports it as unsigned).
 */
export function checkAct(tx: Tx, command: DemocracyCommand): ActProof | null {
  const { actor, act: proof } = tx.ctx;
  if (!proof) {
    if (liveKeys(tx.state, actor).length === 0) return null;
    throw democracyError('SIGNATURE_REQUIRED');
  }
  const { act, signature } = proof;
  const invalid = (reason: string) => democracyError('SIGNATURE_INVALID', { reason });
  if (act.by !== actor) throw invalid(`the act is by ${act.by}, not by ${actor}`);
  if (act.command.kind !== command.kind) throw invalid('the act is not this command');
  if (!liveKey(tx.state, actor, signature.keyId))
    throw invalid(`${signature.keyId} is not a live key of ${actor}`);
  if (!/^[0-9a-f]{32}$/.test(act.id)) throw invalid('the act id must be 32 lowercase hex digits');
  if (!Number.isSafeInteger(act.issued) || Math.abs(act.issued - tx.ctx.now) > ACT_WINDOW_MS)
    throw democracyError('ACT_STALE', { issued: String(act.issued) });
  if (tx.state.acts.recent.has(act.id)) throw democracyError('ACT_REPLAYED', { actId: act.id });
  return proof;
}

/** The MemberActed an act's events follow: `covers` is filled in once they are known. */
export function actedEvent(tx: Tx, proof: ActProof, covers: number): MemberActed {
  return {
    kind: 'MemberActed',
    at: tx.now,
    by: proof.act.by,
    actId: proof.act.id,
    issued: proof.act.issued,
    command: proof.act.command as unknown as MemberActed['command'],
    signature: proof.signature,
    covers,
  };
}

const LABEL_MAX = 60;

/** Checks a public key for registration: 32 bytes of Ed25519, base64, not registered. */
export function checkNewKey(state: OrgState, publicKey: unknown, label: unknown): string {
  const bytes = typeof publicKey === 'string' ? fromBase64(publicKey) : null;
  if (bytes?.length !== 32)
    throw democracyError('KEY_INVALID', {
      reason: 'the public key must be 32 bytes of Ed25519, in base64',
    });
  if (typeof label !== 'string' || label.trim().length === 0 || label.length > LABEL_MAX)
    throw democracyError('KEY_INVALID', {
      reason: `name the key in 1 to ${LABEL_MAX} characters`,
    });
  const keyId = keyIdOf(bytes);
  if (state.acts.keys.has(keyId)) throw democracyError('KEY_EXISTS', { keyId });
  return keyId;
}

/**
 * RegisterKey: a member's first key may come with their password (trust on first use,
 * visible on the record); any further key only by an act signed with a key they hold,
 * which `checkAct` has already required.
 */
export function registerKey(
  tx: Tx,
  command: { readonly publicKey: string; readonly label: string },
): void {
  emitKey(tx, tx.member().id, command.publicKey, command.label);
}

/** Emits MemberKeyRegistered for `memberId` (joining and founding register a first key). */
export function emitKey(tx: Tx, memberId: string, publicKey: string, label: string): void {
  const keyId = checkNewKey(tx.state, publicKey, label);
  tx.emit({
    kind: 'MemberKeyRegistered',
    at: tx.now,
    by: memberId,
    keyId,
    publicKey,
    label: label.trim(),
  });
}

/** RevokeKey: by a signed act only (a member with keys acts only so). */
export function revokeKey(tx: Tx, command: { readonly keyId: string }): void {
  const member = tx.member();
  if (!liveKey(tx.state, member.id, command.keyId))
    throw democracyError('KEY_UNKNOWN', { keyId: String(command.keyId) });
  tx.emit({ kind: 'MemberKeyRevoked', at: tx.now, by: member.id, keyId: command.keyId });
}

/** Applies a signed-act event to the state. */
export function evolveActs(s: OrgState, e: ActEvent): OrgState {
  const acts = s.acts;
  switch (e.kind) {
    case 'MemberKeyRegistered':
      return {
        ...s,
        acts: {
          ...acts,
          keys: acts.keys.set(e.keyId, {
            keyId: e.keyId,
            memberId: e.by,
            publicKey: e.publicKey,
            label: e.label,
            registeredAt: e.at,
            revokedAt: null,
          }),
        },
      };
    case 'MemberKeyRevoked':
      return {
        ...s,
        acts: { ...acts, keys: acts.keys.update(e.keyId, (k) => ({ ...k, revokedAt: e.at })) },
      };
    case 'MemberActed':
      return { ...s, acts: remember(acts, e.actId, e.at) };
  }
}

/** Adds an act id and forgets those older than 2 × ACT_WINDOW_MS (they are stale anyway). */
function remember(acts: ActsState, actId: string, at: number): ActsState {
  let { recent, recentByTime } = acts;
  const horizon = at - 2 * ACT_WINDOW_MS;
  for (let old = recentByTime.min(); old && Number(old[0].slice(0, 16)) < horizon; ) {
    recent = recent.delete(old[1]);
    recentByTime = recentByTime.delete(old[0]);
    old = recentByTime.min();
  }
  return {
    ...acts,
    recent: recent.set(actId, at),
    recentByTime: recentByTime.set(`${String(at).padStart(16, '0')}|${actId}`, actId),
  };
}

export const ACT_EVENT_KINDS: ReadonlySet<string> = new Set([
  'MemberKeyRegistered',
  'MemberKeyRevoked',
  'MemberActed',
]);

export function isActEvent(e: { readonly kind: string }): e is ActEvent {
  return ACT_EVENT_KINDS.has(e.kind);
}
