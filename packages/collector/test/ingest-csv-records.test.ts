// The CSV tokenizer (csv-records.ts) replaced csv-parse in the Duo reader
// for speed; it must read every text exactly as csv-parse did with the
// options the reader passed it. Differential properties on generated text
// full of quotes, delimiters and every kind of line break: the tokenizer
// against csv-parse itself, and the whole reader against its frozen
// csv-parse version (ingest-csv-reference.ts).
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitCsvRecords } from '../src/ingest/csv-records.js';
import { readCsvRows } from '../src/ingest/csv-rows.js';
import { referenceReadCsvRows } from './ingest-csv-reference.js';
import { arbCsvText, arbExport } from './ingest-generators.js';

/** What csv-parse hands on_record / on_skip under the Duo reader's options. */
function csvParseRecords(text: string, delimiter: string) {
  const out: Array<[string[], number]> = [];
  const skipped: Array<[string, number]> = [];
  parse(text, {
    delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true,
    on_record: (record: string[], context) => {
      out.push([record, context.lines]);
      return null;
    },
    on_skip: (err) => {
      if (err !== undefined) skipped.push([err.message, Number(err.lines)]);
    },
  });
  return { out, skipped };
}

function splitRecords(text: string, delimiter: string) {
  const out: Array<[string[], number]> = [];
  const skipped: Array<[string, number]> = [];
  splitCsvRecords(text, delimiter.charCodeAt(0), (record, lines) => out.push([record, lines]),
    (lines) => skipped.push([`Quote Not Closed: the parsing is finished with an opening quote at line ${lines}`, lines]));
  return { out, skipped };
}

describe('splitCsvRecords', () => {
  it('reads any text exactly as csv-parse does (fields, line counts, the unclosed-quote error)', () => {
    fc.assert(fc.property(arbCsvText, fc.constantFrom(',', ';', '\t'), (text, delimiter) => {
      // The caller hands over well-formed text (csv-parse's UTF-8 round trip turns a lone surrogate into U+FFFD).
      const wellFormed = (text as unknown as { toWellFormed(): string }).toWellFormed();
      expect(splitRecords(wellFormed, delimiter)).toEqual(csvParseRecords(text, delimiter));
    }), { numRuns: 3000 });
  });

  it('examples: quoting rules and line counts', () => {
    const split = (text: string) => splitRecords(text, ',');
    expect(split('a,"b ""q"" c",d\r\ne,f')).toEqual({ out: [[['a', 'b "q" c', 'd'], 1], [['e', 'f'], 2]], skipped: [] });
    // A quote after text is text; one closing in mid-field is kept with its opening quote.
    expect(split('x"y,"ab"c\n')).toEqual({ out: [[['x"y', '"ab"c'], 1]], skipped: [] });
    // Blank lines are skipped but counted; a quoted empty field is a record.
    expect(split('\n\n""\nz')).toEqual({ out: [[[''], 3], [['z'], 4]], skipped: [] });
    // The first break outside quotes decides: after LF, a CR is text — but
    // csv-parse counts every CR and LF it reads as a line, that one too.
    expect(split('a\nb\rc\n')).toEqual({ out: [[['a'], 1], [['b\rc'], 3]], skipped: [] });
    expect(split('a,"b\nc')).toEqual({ out: [], skipped: [['Quote Not Closed: the parsing is finished with an opening quote at line 2', 2]] });
  });
});

describe('readCsvRows', () => {
  it('gives the rows and rejections its csv-parse version gave, for any text', () => {
    fc.assert(fc.property(fc.oneof(arbCsvText, arbExport), (text) => {
      expect(readCsvRows(text)).toEqual(referenceReadCsvRows(text));
    }), { numRuns: 3000 });
  });

  it('turns a lone surrogate into U+FFFD, as csv-parse\'s UTF-8 round trip did', () => {
    const text = 'User,Result\nj\uD800doe,denied\n\uDC00,x\n';
    expect(readCsvRows(text)).toEqual(referenceReadCsvRows(text));
    expect(readCsvRows(text).rows.map((r) => r.fields[0])).toEqual(['User', 'j\uFFFDdoe', '\uFFFD']);
  });

  it('numbers rows after a CRLF inside quotes as csv-parse did (one line too many: a known quirk, kept)', () => {
    // csv-parse reads both halves of a CRLF inside quotes (two lines) but
    // only the CR of one that ends a record; embeddedNewlines takes back one.
    const text = 'Timestamp,User,Result\r\n2015-06-15T20:04:00Z,"doe,\r\nj",denied\r\n2015-06-15T20:05:00Z,amy,denied\r\n';
    const rows = readCsvRows(text);
    expect(rows).toEqual(referenceReadCsvRows(text));
    expect(rows.rows.map((r) => r.line)).toEqual([1, 3, 5]);
  });
});
