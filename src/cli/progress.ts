import { SingleBar } from 'cli-progress';

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
