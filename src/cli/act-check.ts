import { ActAudit, type ActAuditReport } from '../democracy/index.js';
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
  private readonly text = new TextDecoder();

  constructor(origin: string) {
    this.audit = new ActAudit(origin, nodeEd25519);
  }

  readonly entry = (bytes: Uint8Array, index: number): string | null => {
    if (!this.audit) return null;
    // JSON.parse, not decodeEntry: whether entries are canonical is --envelopes' check,
    // and reading every entry canonically would cost more than the signatures.
    let entry: { seq?: unknown; time?: unknown; type?: unknown; actor?: unknown; data?: unknown };
    try {
      entry = JSON.parse(this.text.decode(bytes));
    } catch {
      entry = {};
    }
    const { seq, time, type, actor, data } = entry;
    const soviet =
      typeof seq === 'number' &&
      typeof time === 'string' &&
      typeof type === 'string' &&
      (typeof actor === 'string' || actor === null);
    if (!soviet) {
      if (index > 0) return 'it is not a Soviet entry';
      this.audit = null;
      this.soviet = false;
      return null;
    }
    return this.audit.check({ seq, time: Date.parse(time), type, actor, data });
  };

  readonly end = (): string | null => this.audit?.finish() ?? null;

  /** The audit's counts, or null when the log holds no Soviet entries. */
  report(): ActAuditReport | null {
    return this.soviet && this.audit ? this.audit.report() : null;
  }
}
