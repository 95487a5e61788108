import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from 'pino';
import type { DetectionConfig } from '../detect/types.js';
import type { PinnedSpan, PruneResult } from '../store/analyst-store.js';
import type { Store } from '../store/store.js';
import { evidenceSpans } from '../triage/evidence-span.js';

export interface RetentionOptions {
  store: Store;
  log: Logger;
  now: () => number;
  /** Netconns older than this are deleted, ms. */
  keepMs: number;
  detection: DetectionConfig;
  /** node-cron expression. Default hourly, at minute 17 (off the hour, when other jobs pile up). */
  schedule?: string;
}

/** Alerts read per pass when collecting what to pin; far above any real count, and bounded. */
const MAX_ALERTS_PINNED = 1_000_000;

/**
 * One retention pass: deletes netconns (and dedupe-ledger rows) older than
 * the retention period, except the telemetry any alert's evidence rests on,
 * so alerts stay explainable and their bundles complete.
 */
export async function pruneOnce(o: RetentionOptions): Promise<PruneResult & { cutoffMs: number; pinnedSpans: number }> {
  const cutoffMs = o.now() - o.keepMs;
  const alerts = await o.store.listAlerts({ limit: MAX_ALERTS_PINNED });
  const pins: PinnedSpan[] = alerts.flatMap((a) => evidenceSpans(a, o.detection)).filter((p) => p.fromMs < cutoffMs);
  const result = await o.store.pruneTelemetry(cutoffMs, pins);
  o.log.info({ cutoff: new Date(cutoffMs).toISOString(), ...result, pinnedSpans: pins.length }, 'retention pass done');
  return { ...result, cutoffMs, pinnedSpans: pins.length };
}

/** Runs pruneOnce on a node-cron schedule (never two at once); a failed pass is logged and the schedule goes on. */
export function startRetentionJob(o: RetentionOptions): ScheduledTask {
  return cron.schedule(o.schedule ?? '17 * * * *', async () => {
    try {
      await pruneOnce(o);
    } catch (err) {
      o.log.error({ err }, 'retention pass failed');
    }
  }, { name: 'retention', noOverlap: true });
}
