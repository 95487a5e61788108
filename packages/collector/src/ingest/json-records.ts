import type { RejectedRecord } from './mfa-event.js';

/** One record of a JSON log and where it sat, for RejectedRecord.where. */
export interface JsonRecord {
  where: string;
  value: unknown;
}

/** Records and unreadable parts, in input order, so rejections come out in the order of the file. */
export type JsonEntry = JsonRecord | RejectedRecord;

export function isRejected(entry: JsonEntry): entry is RejectedRecord {
  return 'reason' in entry;
}

/**
 * What a provider's top-level object is: its records (an API envelope such
 * as Duo's `{stat, response: {authlogs}}` or Graph's `{value}`), a string
 * saying why the whole document is unusable (`stat: "FAIL"`), or undefined
 * when the object is itself one record.
 */
export type Unwrap = (doc: Record<string, unknown>) => unknown[] | string | undefined;

/**
 * Splits a JSON log into records, whatever the layout: one document (a
 * record, an array, an envelope) or JSON lines (one record, array or envelope
 * per line; a `[` / `]` line and trailing commas are tolerated, so an array
 * written one record per line still yields its good records when one line is
 * broken). A broken line is a RejectedRecord naming the line; the others go on.
 */
export function readJsonRecords(text: string, unwrap: Unwrap): JsonEntry[] {
  const entries: JsonEntry[] = [];
  eachJsonRecord(text, unwrap, (entry) => entries.push(entry));
  return entries;
}

/**
 * readJsonRecords, handing each entry to `visit` as soon as it is read, in
 * the same order. A JSON-lines file's records then die young, one at a time,
 * instead of 200,000 decoded records living until the last line is read (and
 * being copied to the old generation on the way: a quarter of the parse time).
 */
export function eachJsonRecord(text: string, unwrap: Unwrap, visit: (entry: JsonEntry) => void): void {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return;
  const first = body[start];
  if (first !== '{' && first !== '[') {
    visit({
      where: `line ${lineAt(body, start)}`,
      reason: `not JSON: expected { or [ but the input starts with ${JSON.stringify(body.slice(start, start + 20))}`,
    });
    return;
  }
  let whole: unknown;
  try {
    whole = JSON.parse(body) as unknown;
  } catch (err) {
    eachLine(body, unwrap, err, visit);
    return;
  }
  for (const entry of fromValue(whole, '', unwrap)) visit(entry);
}

function fromValue(value: unknown, prefix: string, unwrap: Unwrap): JsonEntry[] {
  let list: unknown[];
  if (Array.isArray(value)) {
    list = value;
  } else if (isObject(value)) {
    const inner = unwrap(value);
    if (typeof inner === 'string') return [{ where: prefix || 'record 1', reason: inner }];
    if (inner === undefined) return [{ where: prefix || 'record 1', value }];
    list = inner;
  } else {
    return [{ where: prefix || 'record 1', value }];
  }
  const sep = prefix === '' ? '' : `${prefix}, `;
  return list.map((v, i) => ({ where: `${sep}record ${i + 1}`, value: v }));
}

/**
 * JSON lines. Until one line reads, its rejections are held back: a text
 * where no line reads is one broken document, reported once (where the
 * whole-text parse stopped), not line by line.
 */
function eachLine(body: string, unwrap: Unwrap, wholeError: unknown, visit: (entry: JsonEntry) => void): void {
  let held: JsonEntry[] | null = [];
  const reject = (entry: RejectedRecord) => {
    if (held === null) visit(entry);
    else held.push(entry);
  };
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (line === '' || line === '[' || line === ']') continue;
    if (line.endsWith(',')) line = line.slice(0, -1);
    const where = `line ${i + 1}`;
    if (line[0] !== '{' && line[0] !== '[') {
      reject({ where, reason: 'not valid JSON: a JSON-lines record starts with {' });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      reject({ where, reason: `not valid JSON: ${jsonMessage(err)}` });
      continue;
    }
    if (held !== null) {
      for (const entry of held) visit(entry);
      held = null;
    }
    if (isObject(value) && unwrap(value) === undefined) {
      visit({ where, value });
    } else {
      for (const entry of fromValue(value, where, unwrap)) visit(entry);
    }
  }
  if (held === null) return;
  // Not JSON lines either: one broken document. Say where the parser stopped.
  const at = /at position (\d+)/.exec(jsonMessage(wholeError));
  const where = at === null ? 'line 1' : `line ${lineAt(body, Number(at[1]))}`;
  visit({ where, reason: `not valid JSON: ${jsonMessage(wholeError)}` });
}

/** V8's message without the echo of the input it quotes (which can be the whole file). */
function jsonMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/, ".*" is not valid JSON$/s, '');
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
