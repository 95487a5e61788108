import { CollectorError } from '../errors.js';
import type { MfaEvent, MfaResult } from '../ingest/mfa-event.js';

/**
 * What every store backend refuses before touching its database, with a
 * message naming the call and the value, so SQLite and PostgreSQL refuse
 * the same input the same way (COLLECTOR_E_STORE_REJECTED: retrying the same
 * input fails again).
 */

const MFA_RESULTS: ReadonlySet<MfaResult> = new Set<MfaResult>(['success', 'denied', 'fraud', 'failure', 'error']);

function rejected(message: string): CollectorError {
  return new CollectorError('COLLECTOR_E_STORE_REJECTED', message);
}

/** A time bound: a whole number of epoch ms (a NaN would silently match nothing). */
export function checkTime(doing: string, name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw rejected(`${doing}: ${name} must be a whole number of ms, got ${value}`);
}

/** [fromMs, toMs] of a range read; from > to is allowed and matches nothing. */
export function checkTimeRange(doing: string, fromMs: number, toMs: number): void {
  checkTime(doing, 'fromMs', fromMs);
  checkTime(doing, 'toMs', toMs);
}

/** A row limit; undefined means no limit. */
export function checkLimit(doing: string, limit: number | undefined): number {
  if (limit === undefined) return Number.MAX_SAFE_INTEGER;
  if (!Number.isSafeInteger(limit) || limit < 0) throw rejected(`${doing}: limit must be a whole number >= 0, got ${limit}`);
  return limit;
}

/**
 * Checks a batch of MFA events before any is stored: one bad event refuses
 * the batch (the parsers reject bad records first, so this catches a parser
 * bug, not a bad log line), naming its position and identity.
 */
export function checkMfaEvents(events: readonly MfaEvent[]): void {
  events.forEach((e, i) => {
    const where = `insertMfaEvents: event ${i} (${String(e?.source)} ${JSON.stringify(e?.eventId)})`;
    if (typeof e !== 'object' || e === null) throw rejected(`insertMfaEvents: event ${i} is not an object`);
    if (typeof e.source !== 'string' || (e.source as string) === '') throw rejected(`${where}: source must be a non-empty string`);
    if (typeof e.eventId !== 'string') throw rejected(`${where}: eventId must be a string ("" if the log has none)`);
    if (!Number.isSafeInteger(e.timeMs) || e.timeMs <= 0) throw rejected(`${where}: timeMs must be a whole number of epoch ms > 0, got ${e.timeMs}`);
    if (typeof e.user !== 'string') throw rejected(`${where}: user must be a string`);
    if (typeof e.isPush !== 'boolean') throw rejected(`${where}: isPush must be a boolean`);
    if (!MFA_RESULTS.has(e.result)) {
      throw rejected(`${where}: result must be one of ${[...MFA_RESULTS].join(', ')}, got ${JSON.stringify(e.result)}`);
    }
    for (const field of ['application', 'eventType', 'factor', 'reason'] as const) {
      if (typeof e[field] !== 'string') throw rejected(`${where}: ${field} must be a string`);
    }
    for (const field of ['accessIp', 'accessHostname', 'authDevice'] as const) {
      if (e[field] !== null && typeof e[field] !== 'string') throw rejected(`${where}: ${field} must be a string or null`);
    }
  });
}
