import { CollectorError } from '../errors.js';

/**
 * Options every MFA log parser takes. Both only matter for logs whose times
 * are not fully specified (a CSV typed by hand, a copy of the Admin Panel's
 * rendered table); Duo's API JSON, Okta and Entra always carry the zone.
 */
export interface MfaParseOptions {
  /**
   * Offset from UTC, in minutes east (EDT = -240, CET = 60), applied to
   * timestamps that carry no zone. A fixed offset: it does not follow daylight
   * saving, so give the one in force when the log was written.
   * Default: none — a zone-less timestamp is rejected, because guessing the
   * zone would shift every push against the sensors' sessions by hours.
   */
  timeZoneOffsetMinutes?: number;
  /**
   * 'YYYY-MM-DD': the calendar day the Duo Admin Panel meant by "Today" when
   * someone copied its rendered table ("Today 04:08 PM EDT"). Default: none —
   * such rows are rejected, because the date they stand for is not in the
   * text; export the log as CSV/JSON instead, or say which day it was.
   */
  referenceDate?: string;
}

/** Largest real UTC offsets are -12:00 and +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Checks the options once, before any parsing: a wrong option is the
 * caller's mistake (CollectorError), never a rejected record.
 */
export function checkParseOptions(options: MfaParseOptions): void {
  const offset = options.timeZoneOffsetMinutes;
  if (offset !== undefined
    && (!Number.isInteger(offset) || Math.abs(offset) > MAX_OFFSET_MINUTES)) {
    throw new CollectorError('COLLECTOR_E_INGEST_USAGE',
      `timeZoneOffsetMinutes: expected a whole number of minutes between -${MAX_OFFSET_MINUTES} and ${MAX_OFFSET_MINUTES}, got ${String(offset)}`);
  }
  const day = options.referenceDate;
  if (day !== undefined && referenceDayMs(day) === null) {
    throw new CollectorError('COLLECTOR_E_INGEST_USAGE',
      `referenceDate: expected a calendar date 'YYYY-MM-DD', got ${JSON.stringify(day)}`);
  }
}

/** Midnight UTC of a 'YYYY-MM-DD' day, or null if it is not a real date. */
export function referenceDayMs(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null;
}
