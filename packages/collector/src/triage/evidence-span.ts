import type { DetectionConfig } from '../detect/types.js';
import type { PinnedSpan } from '../store/analyst-store.js';
import type { StoredAlert } from '../store/store.js';

/**
 * Slack on both sides of what detection looked at: agent clocks are skewed
 * (sessions are stored in the agent's clock) and an analyst wants a little
 * context around the burst.
 */
const MARGIN_MS = 10 * 60_000;

/**
 * The telemetry an alert's verdict rests on: for every sensor it names, the
 * background period before the first push through the last push's
 * alignment window. The evidence bundle exports exactly this and retention
 * keeps exactly this, so a bundle made after a prune holds what one made
 * before it did.
 */
export function evidenceSpans(alert: StoredAlert, config: DetectionConfig): PinnedSpan[] {
  const firstMs = Date.parse(alert.first_push);
  const lastMs = Date.parse(alert.last_push);
  const fromMs = firstMs - config.baselineMs - config.alignBeforeMs - MARGIN_MS;
  const toMs = lastMs + config.alignAfterMs + MARGIN_MS;
  const sensors = new Set<number>();
  if (alert.sensor_id !== null) sensors.add(alert.sensor_id);
  for (const c of alert.candidates ?? []) sensors.add(c.sensor_id);
  return [...sensors].sort((a, b) => a - b).map((sensorId) => ({ sensorId, fromMs, toMs }));
}

/** The MFA events around a burst that a bundle includes: the burst window before it to the burst window after. */
export function pushSpan(alert: StoredAlert, config: DetectionConfig): { fromMs: number; toMs: number } {
  return {
    fromMs: Date.parse(alert.first_push) - config.burstWindowMs,
    toMs: Date.parse(alert.last_push) + config.burstWindowMs,
  };
}
