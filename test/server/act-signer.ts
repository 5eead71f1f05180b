import { randomBytes } from 'node:crypto';
import { actBody, type DemocracyCommand } from '../../src/democracy/index.js';
import { keyIdOf, signAct, toBase64 } from '../../src/record/http-signature.js';
import { nodeEd25519 } from '../../src/record/node-ed25519.js';
import type { ApiClient, ApiWorld } from './api-world.js';

/** A member's software key in a test: what a script or the CLI holds (docs/api.md). */
export class TestKey {
  readonly seed = new Uint8Array(randomBytes(32));
  readonly publicKey = toBase64(nodeEd25519.publicKey(this.seed));
  readonly keyId = keyIdOf(nodeEd25519.publicKey(this.seed));
  constructor(readonly label = 'test key') {}
  get registration() {
    return { publicKey: this.publicKey, label: this.label };
  }
}

export interface ActOptions {
  readonly id?: string;
  /** Default: the world's clock. */
  readonly issued?: number;
  /** Default: the organisation's origin. */
  readonly origin?: string;
  /** Seconds for RFC 9421 `created`; default: issued. */
  readonly created?: number;
}

/** The body and headers of `by`'s act `command`, signed with `key`. */
export async function signedAct(
  world: ApiWorld,
  org: string,
  by: string,
  key: TestKey,
  command: DemocracyCommand,
  options: ActOptions = {},
) {
  const origin = options.origin ?? (await world.store.organisation(org)).origin;
  const issued = options.issued ?? world.clock.now;
  const id = options.id ?? randomBytes(16).toString('hex');
  const body = actBody({ origin, by, id, issued, command });
  const headers = signAct(
    nodeEd25519,
    key.seed,
    body,
    options.created ?? Math.floor(issued / 1000),
  );
  return { id, payload: Buffer.from(body), headers };
}

/** Posts a signed act (with no session: the signature is the member's). */
export async function postAct(
  client: ApiClient,
  org: string,
  act: { payload: Buffer; headers: Record<string, string> },
) {
  return client.call('POST', `/api/v1/orgs/${org}/acts`, {
    payload: act.payload,
    headers: act.headers,
  });
}
