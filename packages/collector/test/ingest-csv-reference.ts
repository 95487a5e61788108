// The CSV reader as it was while csv-parse read the fields (commit ee8c50a,
// src/ingest/csv-rows.ts, verbatim but for this header, an import path and
// the name): the oracle ingest-csv-records.test.ts holds the new reader to.
// Do not "fix" it.
import { parse } from 'csv-parse/sync';
import type { RejectedRecord } from '../src/ingest/mfa-event.js';

/** One CSV record and the line it starts on (1-based, header = line 1). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** Rows (blank ones left out) and unreadable lines; both in file order. */
export interface CsvRows {
  rows: CsvRow[];
  rejected: RejectedRecord[];
}

/**
 * Splits CSV (or TSV: the delimiter is sniffed from the first line, so a
 * table copied out of a browser works too) into rows with line numbers.
 *
 * csv-parse reads the fields. Before it does, one pass finds rows a stray
 * quote has broken — a quote never closed, or closed in the middle of a
 * field, or a quoted span that runs over lines and leaves the record with a
 * different number of fields than the header — and blanks that one line, so
 * csv-parse neither stops nor swallows the rest of the file into one field.
 * Blanking keeps every later line at its number. A legitimate quoted field
 * over several lines (same field count as the header) is kept.
 */
export function referenceReadCsvRows(text: string): CsvRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = sniffDelimiter(body);
  const broken = findBrokenRows(body, delimiter.charCodeAt(0));
  const rejected: RejectedRecord[] = broken.map((b) => ({ where: `line ${b.line}`, reason: b.reason }));
  const rows: CsvRow[] = [];
  parse(blankOut(body, broken), {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // csv-parse's own line count (the `lines` of its info), read per record;
    // returning null keeps csv-parse from also building an output array.
    on_record: (record: string[], context) => {
      // A line of blanks or bare delimiters (a spreadsheet's trailing ",,,,") is no row.
      if (!record.every((field) => field.trim() === '')) {
        rows.push({ line: context.lines - embeddedNewlines(record), fields: record });
      }
      return null;
    },
    on_skip: (err) => {
      if (err !== undefined) rejected.push({ where: `line ${Number(err.lines)}`, reason: `unreadable CSV: ${err.message}` });
    },
  });
  return { rows, rejected };
}

interface BrokenRow {
  line: number;
  /** Where the line starts and ends (without its newline) in the text. */
  start: number;
  end: number;
  reason: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Walks the text as csv-parse would (RFC 4180 quoting: a quote opens a field
 * only at its start, "" is a quote inside one, a quote elsewhere is text)
 * and returns the lines whose record cannot be right. After a broken row the
 * walk restarts on the next line, as if the row had not been there.
 */
function findBrokenRows(text: string, delim: number): BrokenRow[] {
  const broken: BrokenRow[] = [];
  const n = text.length;
  let width = -1;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = i;
    const startLine = line;
    let fields = 1;
    let inQuote = false;
    let fieldStart = true;
    let blank = true;
    let quotedNewlines = 0;
    let reason: string | null = null;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inQuote) {
        if (c === QUOTE) {
          const next = i + 1 < n ? text.charCodeAt(i + 1) : LF;
          if (next === QUOTE) i++;
          else if (next === delim || next === LF || next === CR) inQuote = false;
          else {
            reason = quotedNewlines === 0
              ? 'a quoted field is closed by a quote followed by more text; the row is skipped'
              : `a quote opened in this row runs on to line ${line} without closing properly: most likely a stray quote; the row is skipped`;
            break;
          }
        } else if (c === LF) {
          line++;
          quotedNewlines++;
        }
        continue;
      }
      if (c === LF) {
        i++;
        line++;
        break;
      }
      if (c === QUOTE && fieldStart) {
        inQuote = true;
        blank = false;
      } else if (c === delim) {
        fields++;
        fieldStart = true;
        continue;
      } else if (c !== CR && c !== 32 && c !== 9) {
        blank = false;
      }
      if (c !== CR) fieldStart = false;
    }
    if (reason === null && inQuote) reason = 'a quote opened in this row is never closed; the row is skipped';
    if (reason === null && blank) continue;
    if (reason === null && width === -1) {
      width = fields;
      continue;
    }
    if (reason === null && quotedNewlines > 0 && fields !== width) {
      reason = `a quoted field runs over ${quotedNewlines + 1} lines and leaves ${fields} fields where the header has ${width}: `
        + 'most likely a stray quote; the row is skipped';
    }
    if (reason === null) continue;
    const end = lineEnd(text, start);
    broken.push({ line: startLine, start, end, reason });
    i = end + 1;
    line = startLine + 1;
  }
  return broken;
}

/**
 * Where the line that starts at `from` ends. A plain loop on purpose: an
 * earlier version of this scan that skipped quote-free lines with
 * text.indexOf('\n', i) ran in 3 ms on a 100,000-row file until V8 optimised
 * it, then took 60 s per file (each call apparently searching from the start;
 * Node 20, a two-byte string). Not pinned down further; the loop costs ~60 ms.
 */
function lineEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && text.charCodeAt(i) !== LF) i++;
  return i;
}

/** The text with the broken lines emptied, newlines kept, so line numbers do not move. */
function blankOut(text: string, broken: readonly BrokenRow[]): string {
  if (broken.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const b of broken) {
    parts.push(text.slice(from, b.start));
    from = b.end;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Comma unless the first line has more tabs (a pasted table) or semicolons (a European spreadsheet). */
function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const first = end === -1 ? text : text.slice(0, end);
  const commas = count(first, ',');
  const tabs = count(first, '\t');
  const semicolons = count(first, ';');
  if (tabs > commas && tabs >= semicolons) return '\t';
  if (semicolons > commas) return ';';
  return ',';
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

/** csv-parse counts lines up to a record's end; a quoted field with newlines started earlier. */
function embeddedNewlines(record: string[]): number {
  let n = 0;
  for (const field of record) if (field.includes('\n')) n += count(field, '\n');
  return n;
}
