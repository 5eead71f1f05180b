import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { exportLog } from '../../store/export-log.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';

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

/**
 * A progress bar on stderr, shown at once on a terminal, or after two seconds of work
 * otherwise (so logs of long runs show progress and short runs stay quiet).
 */
export function progressBar(
  verb: string,
  unit: string,
): { update: (done: number, total: number) => void; stop: () => void } {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (!bar && total > 0 && (tty || Date.now() - started > 2000)) {
        bar = new SingleBar({
          stream: process.stderr,
          format: `${verb} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
          noTTYOutput: !tty,
          notTTYSchedule: 3000,
          hideCursor: tty,
        });
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
