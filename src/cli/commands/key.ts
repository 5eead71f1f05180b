import type { Command } from 'commander';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';

/**
 * `soviet key <org>`: prints the organisation's log origin and the verifier key (C2SP
 * signed-note `vkey`) that checks its checkpoints: what `soviet verify --origin --key`
 * and any tlog-tiles client need. The instance key itself never leaves the database.
 */
export function register(program: Command): void {
  program
    .command('key')
    .description("print an organisation's log origin and public key (vkey)")
    .argument('<org>', 'the organisation')
    .option('--json', 'print {"origin", "vkey"} as JSON')
    .action(async (org: string, options: { json?: boolean }, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const store = await openStore(config);
      try {
        const { origin } = await store.organisation(org);
        const vkey = await store.verifierKey(org);
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ origin, vkey })}\n`
            : `origin: ${origin}\nvkey:   ${vkey}\n`,
        );
      } finally {
        await store.close();
      }
    });
}
