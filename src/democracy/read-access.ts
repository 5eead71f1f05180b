import type { MotionBody } from './motion-body.js';
import { readToken, tokenHashOf } from './secrets.js';
import type { Council, OrgState } from './state.js';
import type { Tx } from './tx.js';

type ReadAccessBody = Extract<MotionBody, { kind: 'readAccess' }>;

/**
 * docs/design/rules.md, "Who may read the record": while the constitution keeps the
 * record to members, the congress may grant a read token by motion (a mirror, an
 * auditor, a witness) and revoke it by another. Why `body` cannot be proposed, or null.
 */
export function readAccessProblem(
  state: OrgState,
  council: Council,
  body: ReadAccessBody,
): string | null {
  if (council.id !== state.org?.rootCouncilId)
    return 'only the congress can grant or revoke read access to the record';
  if (body.action === 'grant') {
    const label = typeof body.label === 'string' ? body.label.trim() : '';
    if (label.length < 1 || label.length > 200)
      return 'say who the token is for (1 to 200 characters)';
    return null;
  }
  if (body.action === 'revoke') {
    const grant = state.readGrants.get(body.grantId);
    if (!grant) return `${String(body.grantId)} is not a read grant of this organisation`;
    if (grant.revokedAt !== null) return `the read grant ${grant.id} is already revoked`;
    return null;
  }
  return 'the action must be grant or revoke';
}

/**
 * The body as proposed: a grant gets the hash of the token derived from the proposer's
 * entropy (`readToken`), so only the proposer, who is handed the token, can pass it on.
 */
export function withReadToken(body: MotionBody, entropy: string): MotionBody {
  if (body?.kind !== 'readAccess' || body.action !== 'grant') return body;
  return {
    kind: 'readAccess',
    action: 'grant',
    label: body.label.trim(),
    tokenHash: tokenHashOf(readToken(entropy)),
  };
}

/** The effect of a passed read-access motion (a revoked or granted token, on the record). */
export function applyReadAccess(tx: Tx, motionId: string, body: ReadAccessBody): void {
  if (body.action === 'grant') {
    tx.emit({
      kind: 'ReadAccessGranted',
      at: tx.now,
      grantId: motionId,
      label: body.label,
      tokenHash: body.tokenHash ?? '',
      motionId,
    });
    return;
  }
  tx.emit({ kind: 'ReadAccessRevoked', at: tx.now, grantId: body.grantId, motionId });
}

/** The live grant whose token hashes to `tokenHash`, if any. */
export function liveGrantOf(state: OrgState, tokenHash: string): string | null {
  for (const g of state.readGrants.values())
    if (g.tokenHash === tokenHash && g.revokedAt === null) return g.id;
  return null;
}
