import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { generateNoteKey, type NoteSigner, nodeEd25519 } from '../record/index.js';
import type { StoreDatabase } from './schema.js';

/** The instance's Ed25519 key pair (RFC 8032): the 32-byte seed and the public key. */
export interface InstanceKey {
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

/**
 * Loads the instance key, creating it on first start. It lives in the database so that
 * every server process on one PostgreSQL signs with the same key; two processes starting
 * at once agree, because only the first insert of row 1 wins and both then read it.
 */
export async function loadInstanceKey(
  db: Kysely<StoreDatabase>,
  now: number,
  random: (bytes: number) => Uint8Array = randomBytes,
): Promise<InstanceKey> {
  const existing = await db
    .selectFrom('instance_keys')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirst();
  if (existing) return { seed: existing.seed, publicKey: existing.public_key };
  const seed = random(32);
  const publicKey = nodeEd25519.publicKey(seed);
  await db
    .insertInto('instance_keys')
    .values({ id: 1, seed, public_key: publicKey, created_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  const row = await db
    .selectFrom('instance_keys')
    .selectAll()
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { seed: row.seed, publicKey: row.public_key };
}

/**
 * The C2SP signed-note signer of one organisation's log: the instance key under the
 * log's origin as key name, as transparency logs customarily name their key, so each
 * organisation has its own `vkey` (and key ID) while the instance keeps one secret.
 */
export function logSigner(key: InstanceKey, origin: string): { signer: NoteSigner; vkey: string } {
  const { signer, vkey } = generateNoteKey(origin, key.seed, nodeEd25519);
  return { signer, vkey };
}
