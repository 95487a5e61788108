import cron from 'node-cron';
import type { Logger } from 'pino';

/** Calls tick on a schedule until stopped. Injected so tests can fire ticks by hand. */
export type PollScheduler = (intervalMinutes: number, tick: () => void) => { stop(): void };

/** The cron expression for "every N minutes" (1..59), at second 0. */
export function cronEveryMinutes(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 59) throw new RangeError(`interval must be 1..59 minutes, got ${minutes}`);
  return minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`;
}

/** The real schedule: node-cron, its own messages routed to pino. */
export function nodeCronScheduler(log: Logger, name = 'duo-authlog-pull'): PollScheduler {
  return (intervalMinutes, tick) => {
    const task = cron.schedule(cronEveryMinutes(intervalMinutes), () => tick(), {
      name,
      // The poller itself skips a tick while a poll runs; this keeps node-cron from queueing one.
      noOverlap: true,
      logger: {
        info: (message) => log.debug({ cron: name }, message),
        warn: (message) => log.warn({ cron: name }, message),
        error: (message, err) => log.error({ cron: name, err: err ?? message }, typeof message === 'string' ? message : 'node-cron error'),
        debug: (message) => log.debug({ cron: name }, String(message)),
      },
    });
    return { stop: () => void task.destroy() };
  };
}
