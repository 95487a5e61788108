// Generated CSV text for the reader's differential tests: pieces that hit
// every branch of the tokenizer, and text shaped like a Duo export.
import fc from 'fast-check';

/**
 * Pieces that exercise every branch: quotes and doubled quotes, delimiters,
 * CR / LF / CRLF, NUL, blanks, non-ASCII, a surrogate pair and lone halves.
 */
const PIECES = ['a', 'bc', ' ', '\t', ',', ';', '"', '""', '\n', '\r', '\r\n', '\u0000', 'é', '\u{1F600}', '\uD800', '\uDC00', '"x"', ',"y,z",'];
export const arbCsvText = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));
/** Text that looks like a Duo export: a header, then rows, with damage sprinkled in. */
export const arbExport = fc.tuple(
  fc.constantFrom('\n', '\r\n', '\r'),
  fc.array(fc.tuple(fc.constantFrom('2015-06-15T20:04:00Z', '"2015-06-15 16:04:12 EDT"', ''), fc.constantFrom('jdoe', '"doe, j"', 'a"b', '"x""y"'),
    fc.constantFrom('Access Denied No response', '"Access Granted User approved"', '"bad'), fc.constantFrom('198.51.100.7', '"[2001:db8::7]:443"', '')),
  { maxLength: 12 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 4 }).map((p) => p.join('')),
).map(([nl, rows, junk]) => ['Timestamp,User,Result,Access Device', ...rows.map((r) => r.join(','))].join(nl) + junk);
