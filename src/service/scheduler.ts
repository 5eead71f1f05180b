import type { SovietService, TickReport } from './soviet-service.js';

/** Timer functions, injectable so that tests need not wait (default: the global ones). */
export interface SchedulerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SchedulerOptions {
  /** The longest wait between two looks at the agenda (default 30 s): a deadline created meanwhile is never later than this. */
  readonly maxDelayMs?: number;
  /** Called with every tick's report (e.g. to log what was processed). */
  readonly onTick?: (report: TickReport) => void;
  /** Called when a tick, or an organisation's part of it, fails; the scheduler goes on. */
  readonly onError?: (error: unknown, org?: string) => void;
  readonly timers?: SchedulerTimers;
}

export interface Scheduler {
  /** Resolves after the first tick: the catch-up of every deadline passed while the server was down. */
  readonly started: Promise<void>;
  /** Stops: no tick starts after this; resolves when the one running (if any) has finished. */
  stop(): Promise<void>;
}

const DEFAULT_MAX_DELAY = 30_000;

/**
 * Runs the democracy's clock (RULES.md: phases end at their deadlines "even if the
 * server was down at that moment"): a tick at once on start, which processes every
 * deadline passed while the server was down, in order and exactly once (AdvanceTime
 * catches up deadline by deadline, each consumed by the event it causes); then a tick at
 * the next deadline, looking again at least every `maxDelayMs`. Ticks never overlap.
 *
 * A late tick never lets a member act in a phase that has ended: every command first
 * catches up with the deadlines passed by its own time (democracy/decide.ts). Several
 * servers on one PostgreSQL may each run a scheduler: a deadline processed by one
 * produces nothing in the others.
 */
export function startScheduler(
  service: SovietService,
  clock: () => number = service.clock,
  options: SchedulerOptions = {},
): Scheduler {
  const maxDelay = options.maxDelayMs ?? DEFAULT_MAX_DELAY;
  const timers: SchedulerTimers = options.timers ?? {
    setTimeout: (run, ms) => {
      const handle = setTimeout(run, ms);
      // The server's open socket keeps the process alive, not the agenda.
      handle.unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
  const onError = options.onError ?? (() => {});
  let stopped = false;
  let handle: unknown;
  let running: Promise<void> = Promise.resolve();

  const tick = async (): Promise<void> => {
    try {
      const report = await service.tick(clock());
      for (const f of report.failed) onError(f.error, f.org);
      options.onTick?.(report);
    } catch (error) {
      onError(error);
    }
  };

  const schedule = async (): Promise<void> => {
    if (stopped) return;
    let delay = maxDelay;
    try {
      const next = await service.nextDeadline();
      if (next !== null) delay = Math.max(0, Math.min(maxDelay, next - clock()));
    } catch (error) {
      onError(error);
    }
    if (stopped) return;
    handle = timers.setTimeout(() => {
      handle = undefined;
      if (stopped) return;
      running = tick().then(schedule);
    }, delay);
  };

  running = tick();
  const started = running;
  running = running.then(schedule);
  return {
    started,
    async stop() {
      stopped = true;
      if (handle !== undefined) timers.clearTimeout(handle);
      handle = undefined;
      await running;
    },
  };
}
