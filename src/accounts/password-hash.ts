import { type Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first configuration:
 * m = 19 MiB (19,456 KiB), t = 2, p = 1 (also RFC 9106 §4's argon2id, with less memory).
 * The result is a PHC string that records its own parameters, so a later change of
 * parameters still verifies old hashes.
 */
const OPTIONS = {
  algorithm: 2 as Algorithm, // Argon2id (a const enum in the typings, which isolatedModules cannot import)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches the PHC string `stored`; false for a malformed one. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the time of one verification when there is no account to verify against, so
 * that the answer's timing does not tell whether a username exists.
 */
export async function verifyNothing(password: string): Promise<false> {
  dummy ??= hashPassword('soviet: no such account, constant-time placeholder');
  await verifyPassword(await dummy, password);
  return false;
}
