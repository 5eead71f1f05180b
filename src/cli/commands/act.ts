import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { actBody } from '../../democracy/acts.js';
import { SovietError } from '../../errors/soviet-error.js';
import { fromBase64, signAct } from '../../record/http-signature.js';
import { nodeEd25519 } from '../../record/node-ed25519.js';

/**
 * `soviet keygen` and `soviet act` (docs/api.md, "Signed acts"): a member's software key
 * for scripts, bots and the command line, and a signed act sent with it, as RFC 9421
 * HTTP Message Signatures. The key file holds the private seed: it is written with mode
 * 0600 and never sent anywhere; only the public key is registered.
 */

/** The key file: the 32-byte Ed25519 seed (RFC 8032 private key) and its public key. */
export interface KeyFile {
  readonly type: 'soviet-ed25519';
  readonly seed: string;
  readonly publicKey: string;
  readonly keyId: string;
}

const ORG_URL = /^(https?:\/\/[^/]+(?:\/[^?#]*)?\/api\/v1\/orgs\/[a-z0-9][a-z0-9-]{0,62})\/?$/i;

/** A usage error (the common catalogue's USAGE: the sentence is the reason). */
function cliError(reason: string): SovietError {
  return new SovietError('USAGE', reason, { reason });
}

export function register(program: Command): void {
  program
    .command('act')
    .description('sign a command with your key and send it as your act (RFC 9421)')
    .argument('<org-url>', 'the organisation, as http(s)://host/api/v1/orgs/<org>')
    .argument('<command>', 'the command, as JSON: {"kind": "CastMotionVote", …} (docs/api.md)')
    .requiredOption('--key <file>', 'your key file (soviet keygen)')
    .requiredOption('--member <id>', 'your member id in the organisation')
    .action(
      async (orgUrl: string, commandJson: string, options: { key: string; member: string }) => {
        const url = ORG_URL.exec(orgUrl)?.[1];
        if (!url) throw cliError(`"${orgUrl}" is not an organisation's URL (…/api/v1/orgs/<org>)`);
        const seed = await readSeed(options.key);
        let command: { kind: string };
        try {
          command = JSON.parse(commandJson);
        } catch {
          throw cliError('the command is not JSON');
        }
        const answer = await sendAct(url, options.member, seed, command);
        process.stdout.write(`${JSON.stringify(answer.body, null, 2)}\n`);
        if (answer.status >= 300) process.exitCode = 1;
      },
    );
}

async function readSeed(file: string): Promise<Uint8Array> {
  let key: Partial<KeyFile>;
  try {
    key = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw cliError(`cannot read the key file ${file}`);
  }
  const seed = typeof key.seed === 'string' ? fromBase64(key.seed) : null;
  if (key.type !== 'soviet-ed25519' || seed?.length !== 32)
    throw cliError(`${file} is not a key made by soviet keygen`);
  return seed;
}

/** Signs `command` as `by`'s act on the organisation at `url` and posts it. */
export async function sendAct(
  url: string,
  by: string,
  seed: Uint8Array,
  command: { kind: string },
): Promise<{ status: number; body: unknown }> {
  const checkpoint = await fetch(`${url}/log/checkpoint`);
  if (!checkpoint.ok)
    throw cliError(`cannot read ${url}/log/checkpoint: HTTP ${checkpoint.status}`);
  const origin = (await checkpoint.text()).split('\n')[0] as string;
  const issued = Date.now();
  const body = actBody({ origin, by, id: randomBytes(16).toString('hex'), issued, command });
  const headers = signAct(nodeEd25519, seed, body, Math.floor(issued / 1000));
  const res = await fetch(`${url}/acts`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {}
  return { status: res.status, body: parsed };
}
