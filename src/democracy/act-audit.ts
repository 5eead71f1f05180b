import type { Ed25519 } from '../record/ed25519.js';
import { fromBase64, keyIdOf, verifyAct } from '../record/http-signature.js';
import { ACT_WINDOW_MS, actBody } from './acts.js';
import type { MemberActed, MemberKeyRegistered, MemberKeyRevoked } from './events/index.js';

/**
 * The verifier's check of signed acts (docs/design/record.md, "Signed acts"; RECORD.md
 * "Verification"): reading the log in order, it keeps each member's keys as the log
 * registers and revokes them, and refuses
 *
 * - an entry in a member's name, once that member has a key, that no MemberActed signed
 *   by one of their live keys covers (the operator appending an act in their name);
 * - a MemberActed whose signature does not verify, whose key is not the member's or is
 *   revoked, whose act id was used before, or whose time is far from the entry's;
 * - an entry inside an act's span that is in another member's name.
 *
 * Acts of members who never registered a key cannot be checked and are counted. Pure and
 * independent of the rules' state, so `soviet verify` runs it over every entry at little
 * cost, and the browser can too.
 */

/** An entry as the audit reads it (the entry's JSON, RECORD.md "Entries"). */
export interface AuditedEntry {
  readonly seq: number;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly type: string;
  readonly actor: string | null;
  readonly data: unknown;
}

export interface ActAuditReport {
  /** Acts signed and checked. */
  readonly signed: number;
  /** Entries in the name of a member who had no key at the time (cannot be checked). */
  readonly unsigned: number;
  /** Keys registered. */
  readonly keys: number;
}

interface Key {
  readonly memberId: string;
  readonly publicKey: Uint8Array;
  revoked: boolean;
}

/** The actor of entries no member is named in (store/democracy-domain.ts). */
const SYSTEM = 'system';

export class ActAudit {
  private readonly keys = new Map<string, Key>();
  private readonly live = new Map<string, number>();
  private readonly seen = new Set<string>();
  private span: { by: string; left: number; seq: number; command: MemberActed['command'] } | null =
    null;
  private signed = 0;
  private unsigned = 0;

  /** `origin`: the log's origin line, which every act names. */
  constructor(
    private readonly origin: string,
    private readonly ed: Ed25519,
  ) {}

  /** Checks the next entry; returns why it is refused, or null. */
  check(logged: AuditedEntry): string | null {
    // The store logs events with no public actor (the system, a secret ballot) as `system`.
    const entry = logged.actor === SYSTEM ? { ...logged, actor: null } : logged;
    if (entry.type === 'MemberActed') return this.acted(entry);
    const command = this.span?.command;
    const problem = this.attributed(entry);
    if (problem !== null) return problem;
    if (entry.type === 'MemberKeyRegistered') return this.register(entry, command);
    if (entry.type === 'MemberKeyRevoked') this.revoke(entry);
    return null;
  }

  /** Call after the last entry: an act whose entries are missing is refused. */
  finish(): string | null {
    if (this.span)
      return `the act at entry ${this.span.seq} covers ${this.span.left} entries past the end of the log`;
    return null;
  }

  report(): ActAuditReport {
    return { signed: this.signed, unsigned: this.unsigned, keys: this.keys.size };
  }

  /** An entry inside an act's span, or in the name of a member with or without a key. */
  private attributed(entry: AuditedEntry): string | null {
    const { span } = this;
    if (span) {
      span.left -= 1;
      if (span.left === 0) this.span = null;
      if (entry.actor !== null && entry.actor !== span.by)
        return `it is in the name of ${entry.actor}, inside the act ${span.seq} signed by ${span.by}`;
      return null;
    }
    if (entry.actor === null) return null;
    if ((this.live.get(entry.actor) ?? 0) > 0)
      return `it is in the name of ${entry.actor}, who has a signing key, and no act of theirs signs it`;
    this.unsigned += 1;
    return null;
  }

  private acted(entry: AuditedEntry): string | null {
    if (this.span) return `an act inside the act at entry ${this.span.seq}`;
    const e = entry.data as Omit<MemberActed, 'kind'>;
    if (entry.actor !== e.by) return 'its actor is not the member who signed';
    const key = this.keys.get(e.signature?.keyId);
    if (!key || key.memberId !== e.by || key.revoked)
      return `${e.signature?.keyId} is not a live key of ${e.by}`;
    if (this.seen.has(e.actId)) return `the act ${e.actId} was accepted before`;
    if (!Number.isSafeInteger(e.issued) || Math.abs(e.issued - entry.time) > ACT_WINDOW_MS)
      return 'the act was signed more than five minutes from its entry’s time';
    if (!Number.isSafeInteger(e.covers) || e.covers < 1) return 'the act covers no entry';
    const body = actBody({
      origin: this.origin,
      by: e.by,
      id: e.actId,
      issued: e.issued,
      command: e.command,
    });
    const sig = {
      keyId: e.signature.keyId,
      created: e.signature.created,
      signature: e.signature.value,
    };
    if (!verifyAct(this.ed, key.publicKey, body, sig))
      return `the signature of ${e.by}'s act does not verify with their key ${sig.keyId}`;
    this.seen.add(e.actId);
    this.signed += 1;
    this.span = { by: e.by, left: e.covers, seq: entry.seq, command: e.command };
    return null;
  }

  /**
   * A key registered: its id must be its hash, and a key added by a signed act must be
   * the key the act names (the operator cannot slip their own key into a member's act).
   */
  private register(
    entry: AuditedEntry,
    command: MemberActed['command'] | undefined,
  ): string | null {
    const e = entry.data as Omit<MemberKeyRegistered, 'kind'>;
    const publicKey = typeof e.publicKey === 'string' ? fromBase64(e.publicKey) : null;
    if (publicKey?.length !== 32 || keyIdOf(publicKey) !== e.keyId)
      return `the key ${String(e.keyId)} is not the hash of a 32-byte Ed25519 public key`;
    if (command && (command.kind !== 'RegisterKey' || command.publicKey !== e.publicKey))
      return 'the key registered is not the key the member signed for';
    this.keys.set(e.keyId, { memberId: e.by, publicKey, revoked: false });
    this.live.set(e.by, (this.live.get(e.by) ?? 0) + 1);
    return null;
  }

  private revoke(entry: AuditedEntry): void {
    const e = entry.data as Omit<MemberKeyRevoked, 'kind'>;
    const key = this.keys.get(e.keyId);
    if (!key || key.revoked) return;
    key.revoked = true;
    this.live.set(key.memberId, (this.live.get(key.memberId) ?? 1) - 1);
  }
}
