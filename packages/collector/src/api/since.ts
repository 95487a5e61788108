import { durationMs } from '../config/duration.js';
import { CollectorError } from '../errors.js';

/**
 * Turns a `since` value into epoch ms: a look-back ("30s", "10m", "2h", "7d",
 * counted back from `nowMs`) or an ISO 8601 time ("2024-05-01T10:00:00Z").
 * `what` names the flag or parameter in the error ("--since", "query
 * parameter since"). Throws COLLECTOR_E_BAD_PARAM.
 */
export function parseSince(text: string, nowMs: number, what: string): number {
  const lookBack = durationMs(text);
  if (lookBack !== null) return nowMs - lookBack;
  // Date.parse accepts much that is not ISO 8601; insist on a date first.
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text.trim())) {
    const ms = Date.parse(text.trim());
    if (Number.isFinite(ms)) return ms;
  }
  throw new CollectorError('COLLECTOR_E_BAD_PARAM',
    `${what}: "${text}" is neither a look-back (30s, 10m, 2h, 7d) nor an ISO 8601 time (2024-05-01T10:00:00Z)`);
}
