// src/ingest/duo/duo-csv.ts (parseDuoCsv, renamed) as it was before the ingest speed work (commit ee8c50a,
// verbatim but for this header and import paths): an oracle the
// ingest-*-equivalence tests hold the new code to. Do not "fix" it.
import { normaliseAccessIp } from '../src/ingest/access-ip.js';
import { referenceReadCsvRows as readCsvRows, type CsvRow } from './ingest-csv-reference.js';
import { parseLogTime } from '../src/ingest/log-time.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../src/ingest/mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../src/ingest/parse-options.js';
import { toReasonCode } from '../src/ingest/reason-code.js';
import { SyntheticIds } from './ingest-synthetic-id-reference.js';
import { mapDuoColumns, type DuoColumn, type DuoColumns } from '../src/ingest/duo/duo-csv-columns.js';
import { readDuoFactor } from '../src/ingest/duo/duo-factor.js';
import { duoPanelOutcome } from '../src/ingest/duo/duo-outcome.js';

/**
 * A Duo authentication log as CSV (Admin Panel export, or its table pasted
 * as TSV), read by its header: Timestamp, User, Result required; Application,
 * Event, Reason, Access Device, Second Factor, Txid... when present (see
 * duo-csv-columns.ts). Result cells read as the panel shows them
 * ("✖ Access Denied No response", "! Access Denied Fraud", marks optional) or
 * as API words. "Second Factor" "Duo Push Apple - iPhone 6" gives factor
 * duo_push and auth device "Apple - iPhone 6".
 *
 * A row with a bad value is rejected with its line and every problem found;
 * the other rows go in. A header without the required columns rejects the
 * input once, at line 1. Rows with a Txid dedupe on (time, txid) as in JSON;
 * rows without one get a content-derived id (synthetic-id.ts) and are never
 * merged, because two identical rows in a minute-precision export are two pushes.
 */
export function referenceParseDuoCsv(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  const { rows, rejected: unreadable } = readCsvRows(text);
  const header = rows[0];
  if (header === undefined) return { events: [], rejected: unreadable };
  const columns = mapDuoColumns(header.fields);
  if (typeof columns === 'string') {
    return { events: [], rejected: [{ where: `line ${header.line}`, reason: columns }] };
  }

  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  const ids = new SyntheticIds('duo-csv');
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const read = readRow(row, columns, options);
    if (typeof read === 'string') {
      rejected.push({ where: `line ${row.line}`, reason: read });
      continue;
    }
    if (read.eventId === '') {
      read.eventId = ids.next(read);
    } else {
      const key = `${read.timeMs}\u0000${read.eventId}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    events.push(read);
  }
  return { events, rejected: mergeByLine(unreadable, rejected) };
}

function readRow(row: CsvRow, columns: DuoColumns, options: MfaParseOptions): MfaEvent | string {
  const cell = (column: DuoColumn): string => {
    const i = columns.index[column];
    return i === undefined ? '' : (row.fields[i] ?? '').trim();
  };
  const problems: string[] = [];

  const timeText = cell('timestamp');
  const time = timeText === '' ? null : parseLogTime(timeText, {
    offsetMinutes: options.timeZoneOffsetMinutes,
    zoneLessIsUtc: columns.timestampIsUtc,
    referenceDate: options.referenceDate,
  });
  if (time === null) problems.push('Timestamp: empty');
  else if (!time.ok) problems.push(`Timestamp: ${time.why}`);

  const resultText = cell('result');
  const outcome = resultText === '' ? null : duoPanelOutcome(resultText, cell('reason'));
  if (resultText === '') {
    problems.push('Result: empty');
  } else if (outcome === null) {
    problems.push(`Result: unknown value ${JSON.stringify(resultText)} `
      + '(expected "Access Granted …", "Access Denied …", or success, denied, fraud, failure, error)');
  }

  const user = cell('user');
  if (user === '') problems.push('User: empty');

  if (problems.length > 0 || time === null || !time.ok || outcome === null) {
    if (row.fields.length !== columns.width) {
      problems.push(`the row has ${row.fields.length} fields, the header ${columns.width}`);
    }
    return problems.join('; ');
  }

  const factor = readDuoFactor(cell('secondFactor'));
  const authDevice = columns.index.authDevice === undefined ? factor.device : (cell('authDevice') || null);
  return {
    source: 'duo',
    eventId: cell('txid'),
    timeMs: time.ms,
    user,
    application: cell('application'),
    eventType: toReasonCode(cell('event')),
    factor: factor.factor,
    isPush: factor.isPush,
    result: outcome.result,
    reason: outcome.reason,
    accessIp: normaliseAccessIp(cell('accessDevice')),
    accessHostname: cell('hostname') || null,
    authDevice,
  };
}

/** Both lists are in line order already; keep the merged one so too. */
function mergeByLine(a: RejectedRecord[], b: RejectedRecord[]): RejectedRecord[] {
  if (a.length === 0) return b;
  const line = (r: RejectedRecord): number => Number(/\d+/.exec(r.where)?.[0] ?? 0);
  return [...a, ...b].sort((x, y) => line(x) - line(y));
}
