import type { Command } from 'commander';
import { runDemo } from '../../service/index.js';
import { democracyDomain } from '../../store/democracy-domain.js';
import { openStore } from '../../store/open-store.js';
import { resolveConfig } from '../config.js';
import { progressBar } from '../progress.js';

/**
 * `soviet demo`: creates the organisation `demo` on the configured database (PGlite
 * under the data directory, or DATABASE_URL) with eight months of realistic history made
 * through the service, the same commands members use (service/demo/run-demo.ts). Refuses
 * with DEMO_EXISTS when `demo` exists. Then `npm start` serves it, and `soviet verify`
 * checks its record.
 */
export function register(program: Command): void {
  program
    .command('demo')
    .description('create the demonstration organisation "demo" with months of history')
    .option('--org <slug>', 'the organisation to create', 'demo')
    .action(async (options: { org: string }, command: Command) => {
      const config = resolveConfig(command.optsWithGlobals());
      const store = await openStore(config, { domain: democracyDomain });
      const progress = progressBar('simulating', 'days');
      try {
        const report = await runDemo(store, {
          org: options.org,
          onProgress: (day, days) => progress.update(day, days),
        });
        progress.stop();
        const lines = [
          `Created "${report.org}": ${report.members} members in ${report.councils} councils, ${report.electionsCounted} elections decided, ${report.motions} motions, ${report.entries} log entries since ${new Date(report.startedAt).toISOString().slice(0, 10)}.`,
          `origin: ${report.origin}`,
          `vkey:   ${report.vkey}`,
          'Run `npm start` to serve it; verify its record with',
          `  npx soviet verify http://127.0.0.1:${config.port}/api/v1/orgs/${report.org}/log --origin ${report.origin} --key ${report.vkey}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        progress.stop();
        await store.close();
      }
    });
}
