import { randomBytes } from 'node:crypto';
import { chmod, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { keyIdOf, toBase64 } from '../../record/http-signature.js';
import { nodeEd25519 } from '../../record/node-ed25519.js';
import type { KeyFile } from './act.js';

/**
 * `soviet keygen <file>` (docs/api.md, "Signed acts"): a member's software key for
 * scripts, bots and `soviet act`. The file holds the private seed, written with mode
 * 0600 and never over an existing file; only the public key is registered.
 */
export function register(program: Command): void {
  program
    .command('keygen')
    .description('make a signing key (Ed25519) for scripts and the command line')
    .argument('<file>', 'where to write the key (mode 0600); register its public key')
    .action(async (file: string) => {
      const seed = new Uint8Array(randomBytes(32));
      const publicKey = nodeEd25519.publicKey(seed);
      const key: KeyFile = {
        type: 'soviet-ed25519',
        seed: toBase64(seed),
        publicKey: toBase64(publicKey),
        keyId: keyIdOf(publicKey),
      };
      await writeFile(file, `${JSON.stringify(key, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      await chmod(file, 0o600);
      process.stdout.write(
        `wrote ${file} (keep it secret)\nkey id:     ${key.keyId}\npublic key: ${key.publicKey}\n` +
          `register it: POST …/api/v1/orgs/<org>/me/keys {"publicKey": "${key.publicKey}", "label": "…"}\n`,
      );
    });
}
