import { CollectorError } from '../errors.js';
import type { MfaEvent } from '../ingest/mfa-event.js';
import type { DetectionConfig, IpSighting, SessionRecord } from './types.js';

/**
 * Guards at the detector's door. The detector's input comes from the store
 * through the runner, so a bad value here is a bug upstream, not operator
 * input: it is reported as COLLECTOR_E_INTERNAL, naming the function, the
 * element and the field, rather than turning into a silently wrong verdict
 * (a NaN time would make every sort, and so every verdict, arbitrary).
 * A bad detection config is COLLECTOR_E_CONFIG, naming the field.
 */
export function checkDetectionConfig(config: DetectionConfig, where: string): void {
  const wholeAtLeast = (field: keyof DetectionConfig, min: number) => {
    const v = config[field];
    if (!Number.isInteger(v) || v < min) {
      throw new CollectorError('COLLECTOR_E_CONFIG', `${where}: detection config ${field} must be a whole number ≥ ${min}, got ${String(v)}`);
    }
  };
  wholeAtLeast('burstMinPushes', 1);
  wholeAtLeast('burstWindowMs', 0);
  wholeAtLeast('alignBeforeMs', 0);
  wholeAtLeast('alignAfterMs', 0);
  wholeAtLeast('baselineMs', 0);
  wholeAtLeast('loopMinSessions', 2);
  wholeAtLeast('loopWindowMs', 0);
  if (config.alignBeforeMs + config.alignAfterMs <= 0) {
    throw new CollectorError('COLLECTOR_E_CONFIG', `${where}: detection config alignBeforeMs + alignAfterMs must be > 0 (a zero-width window lines nothing up)`);
  }
}

/** The range a JS Date (and so an ISO string in the alert) can hold. */
const MAX_TIME_MS = 8.64e15;

function isTime(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS;
}

export function checkEvents(events: readonly MfaEvent[], where: string): void {
  events.forEach((e, i) => {
    if (!isTime(e.timeMs)) bad(where, `events[${i}].timeMs`, e.timeMs);
    if (typeof e.user !== 'string') bad(where, `events[${i}].user`, e.user);
  });
}

export function checkSessions(sessions: readonly SessionRecord[], where: string): void {
  sessions.forEach((s, i) => {
    if (!isTime(s.openedAtMs)) bad(where, `sessions[${i}].openedAtMs`, s.openedAtMs);
    if (s.closedAtMs !== null && !isTime(s.closedAtMs)) bad(where, `sessions[${i}].closedAtMs`, s.closedAtMs);
    if (s.processStartMs !== null && !isTime(s.processStartMs)) bad(where, `sessions[${i}].processStartMs`, s.processStartMs);
    if (!Number.isInteger(s.sensorId)) bad(where, `sessions[${i}].sensorId`, s.sensorId);
  });
}

export function checkSightings(sightings: readonly IpSighting[], where: string): void {
  sightings.forEach((s, i) => {
    if (!Number.isFinite(s.fromMs)) bad(where, `sightings[${i}].fromMs`, s.fromMs);
    if (!Number.isFinite(s.toMs)) bad(where, `sightings[${i}].toMs`, s.toMs);
    if (!Number.isInteger(s.sensorId)) bad(where, `sightings[${i}].sensorId`, s.sensorId);
  });
}

function bad(where: string, field: string, value: unknown): never {
  throw new CollectorError('COLLECTOR_E_INTERNAL', `${where}: ${field} is not valid (${String(value)})`);
}
