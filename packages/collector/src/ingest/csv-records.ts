const QUOTE = 34;
const LF = 10;
const CR = 13;

/** How records end: found at the first line break outside quotes, as csv-parse finds it. */
const enum RecordEnd {
  Unknown,
  Lf,
  CrLf,
  Cr,
}

/**
 * Splits CSV text into records exactly as csv-parse 7 does with the options
 * the Duo reader used to pass it — `delimiter` (one character), quote and
 * escape `"`, relax_quotes, relax_column_count, skip_empty_lines,
 * skip_records_with_error — handing each record to `onRecord` with csv-parse's
 * own line count at that point (`info.lines`: 1 + the CR and LF characters
 * read before the record's end, the LF of a CRLF record end not read), and
 * an unclosed quote at the end of the text to `onUnclosedQuote` (csv-parse's
 * only error under these options; that last record is dropped).
 *
 * Why not csv-parse itself: it reads bytes one at a time into a growable
 * buffer and builds an info object for every record handed to on_record,
 * together half of a 200,000-row file's parse time. Here fields are slices
 * of the text. Text that is not well-formed UTF-16 must be made so first
 * (String#toWellFormed), as csv-parse's Buffer.from does. The equivalence is
 * held by a differential test against csv-parse on generated text.
 *
 * The rules, csv-parse's: a quote opens quoting only as a field's first
 * character; inside quotes `""` is one quote, and a quote followed by the
 * delimiter, a record end, a NUL or the end of the text closes; a quote
 * followed by anything else also closes but is kept, with the field's
 * opening quote put back in front (relax_quotes). A record ends at the line
 * break style first seen outside quotes (CRLF, then LF, then CR; other
 * breaks are field text). A line with no field text is skipped; a quoted
 * empty field is not a blank line.
 */
export function splitCsvRecords(
  text: string,
  delimiter: number,
  onRecord: (fields: string[], lines: number) => void,
  onUnclosedQuote: (lines: number) => void,
): void {
  const n = text.length;
  let end = RecordEnd.Unknown;
  let lines = 1;
  let lineBreakRead = false;
  let quoting = false;
  let wasQuoting = false;
  let escaping = false;
  let record: string[] = [];
  // The current field: `done` plus the run of characters [runStart, runEnd).
  let done = '';
  let runStart = -1;
  let runEnd = -1;
  let fieldLength = 0;

  const discoverEnd = (at: number): number => {
    const c = text.charCodeAt(at);
    if (c === CR && at + 1 < n && text.charCodeAt(at + 1) === LF) end = RecordEnd.CrLf;
    else if (c === LF) end = RecordEnd.Lf;
    else if (c === CR) end = RecordEnd.Cr;
    else return 0;
    return end === RecordEnd.CrLf ? 2 : 1;
  };
  const recordEndAt = (at: number): number => {
    const c = text.charCodeAt(at);
    switch (end) {
      case RecordEnd.Lf: return c === LF ? 1 : 0;
      case RecordEnd.Cr: return c === CR ? 1 : 0;
      case RecordEnd.CrLf: return c === CR && at + 1 < n && text.charCodeAt(at + 1) === LF ? 2 : 0;
      default: return 0;
    }
  };
  const append = (at: number): void => {
    if (runEnd === at) {
      runEnd++;
    } else {
      if (runStart >= 0) done += text.slice(runStart, runEnd);
      runStart = at;
      runEnd = at + 1;
    }
    fieldLength++;
  };
  const endField = (): void => {
    record.push(runStart >= 0 ? done + text.slice(runStart, runEnd) : done);
    done = '';
    runStart = -1;
    runEnd = -1;
    fieldLength = 0;
    wasQuoting = false;
  };

  for (let pos = 0; pos < n; pos++) {
    if (!escaping) {
      // A run of characters that can only be field text (anything but the
      // delimiter, a quote or a line break; inside quotes, but a quote or a
      // line break): read in one go, as each would have been, appended.
      let to = pos;
      while (to < n) {
        const c = text.charCodeAt(to);
        if (c === QUOTE || c === CR || c === LF || (c === delimiter && !quoting)) break;
        to++;
      }
      if (to > pos) {
        if (lineBreakRead) {
          lines++;
          lineBreakRead = false;
        }
        if (runEnd === pos) {
          runEnd = to;
        } else {
          if (runStart >= 0) done += text.slice(runStart, runEnd);
          runStart = pos;
          runEnd = to;
        }
        fieldLength += to - pos;
        pos = to - 1;
        continue;
      }
    }
    if (lineBreakRead) {
      lines++;
      lineBreakRead = false;
    }
    if (!quoting && end === RecordEnd.Unknown) discoverEnd(pos);
    const c = text.charCodeAt(pos);
    if (c === CR || c === LF) lineBreakRead = true;
    if (escaping) {
      escaping = false;
      append(pos);
      continue;
    }
    if (quoting && c === QUOTE && pos + 1 < n && text.charCodeAt(pos + 1) === QUOTE) {
      escaping = true;
      continue;
    }
    if (c === QUOTE) {
      if (quoting) {
        const next = pos + 1 < n ? text.charCodeAt(pos + 1) : 0;
        const closes = next === 0 || next === delimiter
          || (end === RecordEnd.Unknown ? discoverEnd(pos + 1) : recordEndAt(pos + 1)) !== 0;
        quoting = false;
        wasQuoting = true;
        if (closes) continue;
        // A quote closing in mid-field is kept, and so is the opening one.
        done = `"${runStart >= 0 ? done + text.slice(runStart, runEnd) : done}`;
        runStart = -1;
        runEnd = -1;
        fieldLength++;
      } else if (fieldLength === 0) {
        quoting = true;
        continue;
      }
    }
    if (!quoting) {
      const endLength = recordEndAt(pos);
      if (endLength !== 0) {
        if (!(wasQuoting === false && record.length === 0 && fieldLength === 0)) {
          endField();
          onRecord(record, lines);
          record = [];
        }
        pos += endLength - 1;
        continue;
      }
      if (c === delimiter) {
        endField();
        continue;
      }
    }
    append(pos);
  }
  if (quoting) {
    onUnclosedQuote(lines);
  } else if (wasQuoting || record.length !== 0 || fieldLength !== 0) {
    endField();
    onRecord(record, lines);
  }
}
