import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';

/**
 * node-cron expression that fires every `seconds`. The config schema only
 * admits intervals that divide 60 s or 60 min, so the steps are exact.
 */
export function cronExpression(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '* * * * * *' : `*/${seconds} * * * * *`;
  const minutes = seconds / 60;
  return minutes === 1 ? '0 * * * * *' : `0 */${minutes} * * * *`;
}

/**
 * Runs `job` every `seconds` with node-cron. noOverlap skips a tick while the
 * previous run is still going, so a slow sample never piles up behind itself;
 * a failed run is logged and the schedule goes on.
 */
export function every(seconds: number, name: string, job: () => Promise<void>, log: Logger): ScheduledTask {
  return cron.schedule(cronExpression(seconds), async () => {
    try {
      await job();
    } catch (error) {
      log.error({ err: error, job: name }, 'scheduled job failed');
    }
  }, { name, noOverlap: true });
}
