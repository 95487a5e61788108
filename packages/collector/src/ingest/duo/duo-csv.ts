import { normaliseAccessIp } from '../access-ip.js';
import { eachCsvRow, type CsvRow } from '../csv-rows.js';
import { parseLogTime } from '../log-time.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../parse-options.js';
import { toReasonCode } from '../reason-code.js';
import { RepeatedValues } from '../repeated-values.js';
import { SyntheticIds } from '../synthetic-id.js';
import { mapDuoColumns, type DuoColumn, type DuoColumns } from './duo-csv-columns.js';
import { readDuoFactor, type DuoFactor } from './duo-factor.js';
import { duoPanelOutcome, type DuoOutcome } from './duo-outcome.js';

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
export function parseDuoCsv(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  const seen = new Set<string>();
  const ids = new SyntheticIds('duo-csv');
  const cells = cellReaders();
  // The first row is the header; rows are read as the reader hands them over.
  let columns: DuoColumns | string | undefined;
  let header: CsvRow | undefined;
  const unreadable = eachCsvRow(text, (row) => {
    if (columns === undefined) {
      header = row;
      columns = mapDuoColumns(row.fields);
      return;
    }
    if (typeof columns === 'string') return;
    const read = readRow(row, columns, options, cells);
    if (typeof read === 'string') {
      rejected.push({ where: `line ${row.line}`, reason: read });
      return;
    }
    if (read.eventId === '') {
      read.eventId = ids.next(read);
    } else {
      const key = `${read.timeMs}\u0000${read.eventId}`;
      if (seen.has(key)) return;
      seen.add(key);
    }
    events.push(read);
  });
  if (header === undefined) return { events: [], rejected: unreadable };
  if (typeof columns === 'string') return { events: [], rejected: [{ where: `line ${header.line}`, reason: columns }] };
  return { events, rejected: mergeByLine(unreadable, rejected) };
}

/** The readings of cells whose few values repeat down a column (one set per parse). */
interface CellReaders {
  /** By Result cell, then by Reason cell. */
  outcome: RepeatedValues<RepeatedValues<DuoOutcome | null>>;
  factor: RepeatedValues<DuoFactor>;
  eventType: RepeatedValues<string>;
  accessIp: RepeatedValues<string | null>;
}

function cellReaders(): CellReaders {
  return {
    outcome: new RepeatedValues((result) => new RepeatedValues((reason) => duoPanelOutcome(result, reason))),
    factor: new RepeatedValues(readDuoFactor),
    eventType: new RepeatedValues(toReasonCode),
    accessIp: new RepeatedValues(normaliseAccessIp),
  };
}

function readRow(row: CsvRow, columns: DuoColumns, options: MfaParseOptions, cells: CellReaders): MfaEvent | string {
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
  const outcome = resultText === '' ? null : cells.outcome.get(resultText).get(cell('reason'));
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

  const factor = cells.factor.get(cell('secondFactor'));
  const authDevice = columns.index.authDevice === undefined ? factor.device : (cell('authDevice') || null);
  return {
    source: 'duo',
    eventId: cell('txid'),
    timeMs: time.ms,
    user,
    application: cell('application'),
    eventType: cells.eventType.get(cell('event')),
    factor: factor.factor,
    isPush: factor.isPush,
    result: outcome.result,
    reason: outcome.reason,
    accessIp: cells.accessIp.get(cell('accessDevice')),
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
