import { ActAudit, type ActAuditReport } from '../democracy/index.js';
import { SovietError } from '../errors/soviet-error.js';
import { decodeEntry } from '../record/entry.js';
import { nodeEd25519 } from '../record/node-ed25519.js';

/**
 * `soviet verify`'s check of signed acts (docs/design/record.md, "Signed acts"): every
 * entry, in log order, through the act audit. A log whose first entry is not a Soviet
 * entry (another tlog-tiles log, such as tessera's test log) has no acts: the check
 * then stands aside and says so.
 */
export class ActCheck {
  private audit: ActAudit | null;
  private soviet = true;

  constructor(origin: string) {
    this.audit = new ActAudit(origin, nodeEd25519);
  }

  readonly entry = (bytes: Uint8Array, index: number): string | null => {
    if (!this.audit) return null;
    let entry: ReturnType<typeof decodeEntry>;
    try {
      entry = decodeEntry(bytes);
    } catch (error) {
      if (index === 0 && error instanceof SovietError) {
        this.audit = null;
        this.soviet = false;
        return null;
      }
      throw error;
    }
    return this.audit.check({
      seq: entry.seq,
      time: Date.parse(entry.time),
      type: entry.type,
      actor: entry.actor,
      data: entry.data,
    });
  };

  readonly end = (): string | null => this.audit?.finish() ?? null;

  /** The audit's counts, or null when the log holds no Soviet entries. */
  report(): ActAuditReport | null {
    return this.soviet && this.audit ? this.audit.report() : null;
  }
}
