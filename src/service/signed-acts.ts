import {
  type ActProof,
  commandShapeProblem,
  type DemocracyCommand,
  democracyError,
  liveKey,
} from '../democracy/index.js';
import { canonicalJson, type JsonValue } from '../record/canonical-json.js';
import {
  fromBase64,
  readActSignature,
  type SignatureHeaders,
  verifyAct,
} from '../record/http-signature.js';
import { nodeEd25519 } from '../record/node-ed25519.js';
import { serviceError } from './errors.js';
import type { CommandResult, SovietService } from './soviet-service.js';

/**
 * A member's signed act, as `POST /api/v1/orgs/<org>/acts` receives it (docs/api.md,
 * "Signed acts"; docs/design/record.md): the body is the act's canonical JSON, the
 * headers its RFC 9421 signature. The signature is checked here with node's fast
 * Ed25519; `decide` then checks whose key it is, that it is live, fresh and unseen, in
 * the command's own transaction, and the act is logged as MemberActed before its events.
 */
export interface SignedActRequest {
  readonly body: Uint8Array;
  readonly headers: SignatureHeaders;
}

/** Commands that are not a member's signed act: founding, joining, and the server's own. */
const NOT_SIGNED = new Set(['FoundOrganisation', 'AdvanceTime', 'JoinWithInvitation']);

export async function executeSignedAct(
  service: SovietService,
  org: string,
  request: SignedActRequest,
): Promise<CommandResult & { readonly by: string }> {
  const act = readAct(request.body);
  const { origin } = await service.store.organisation(org);
  if (act.origin !== origin)
    throw serviceError('ACT_WRONG_ORGANISATION', { origin: act.origin, expected: origin });
  const signature = readActSignature(request.headers, request.body);
  if ('problem' in signature)
    throw democracyError('SIGNATURE_INVALID', { reason: signature.problem });
  const key = liveKey(await service.state(org), act.by, signature.keyId);
  if (!key)
    throw democracyError('SIGNATURE_INVALID', {
      reason: `${signature.keyId} is not a live key of ${act.by}`,
    });
  const publicKey = fromBase64(key.publicKey) as Uint8Array;
  if (!verifyAct(nodeEd25519, publicKey, request.body, signature))
    throw democracyError('SIGNATURE_INVALID', { reason: 'the signature does not verify' });
  const proof: ActProof = {
    act,
    signature: { keyId: signature.keyId, created: signature.created, value: signature.signature },
  };
  const result = await service.execute(org, act.by, act.command as DemocracyCommand, {
    act: proof,
  });
  return { ...result, by: act.by };
}

/** The act from its body: canonical JSON of exactly {by, command, id, issued, origin}. */
function readAct(body: Uint8Array): ActProof['act'] {
  const bad = (reason: string) => serviceError('ACT_MALFORMED', { reason });
  let text: string;
  let value: unknown;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    value = JSON.parse(text);
  } catch {
    throw bad('the body is not JSON in UTF-8');
  }
  if (canonicalJson(value as JsonValue) !== text)
    throw bad('the body is not in canonical form (RFC 8785: sorted keys, no spaces)');
  const a = value as Record<string, unknown>;
  const keys = Object.keys(a).sort().join(',');
  if (keys !== 'by,command,id,issued,origin') throw bad(`it has the fields ${keys}`);
  if (typeof a.by !== 'string' || typeof a.origin !== 'string')
    throw bad('by and origin are strings');
  if (typeof a.id !== 'string' || !/^[0-9a-f]{32}$/.test(a.id))
    throw bad('id is 32 lowercase hex digits, drawn at random');
  if (!Number.isSafeInteger(a.issued)) throw bad('issued is a time in milliseconds');
  const command = a.command as { kind?: unknown } | null;
  if (!command || typeof command !== 'object' || typeof command.kind !== 'string')
    throw bad('command is an object with a kind');
  if (NOT_SIGNED.has(command.kind)) throw bad(`${command.kind} is not a signed act`);
  const shape = commandShapeProblem(command as { kind: string });
  if (shape) throw bad(shape);
  // The act is logged as signed: a name there would put personal data on the log. The
  // server gives the name one stands under from the directory (docs/design/record.md).
  if ('standingName' in command)
    throw bad('standingName comes from your entry in the directory, not from the act');
  return a as unknown as ActProof['act'];
}
