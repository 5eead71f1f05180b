import { resolve } from 'node:path';
import type { Command } from 'commander';
import { exportLog } from '../../store/export-log.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';
import { progressBar } from '../progress.js';

/**
 * `soviet export <org> <directory>`: writes the organisation's log as a static C2SP
 * tlog-tiles tree (checkpoint, hash tiles, entry bundles) that `soviet verify` and any
 * tlog-tiles client accept, e.g. to publish on a static web host.
 */
export function register(program: Command): void {
  program
    .command('export')
    .description("write an organisation's log as a static tlog-tiles directory")
    .argument('<org>', 'the organisation')
    .argument('<directory>', 'a new or empty directory')
    .action(async (org: string, directory: string, _options: unknown, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const store = await openStore(config);
      const progress = progressBar('exporting', 'files');
      try {
        const dir = resolve(directory);
        const result = await exportLog(store, org, dir, progress.update);
        progress.stop();
        const vkey = await store.verifierKey(org);
        process.stdout.write(
          `Exported ${result.size} entries of ${result.origin} to ${dir} (${result.files} files).\n` +
            `Verify it with: soviet verify ${dir} --origin ${result.origin} --key ${vkey}\n`,
        );
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
