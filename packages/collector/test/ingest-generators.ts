// Generated input for the parsers' differential and property tests: CSV pieces
// that hit every branch of the tokenizer, text shaped like a Duo export, and
// Duo API records, JSON lines and documents with damage sprinkled in.
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

const T = 1434312240;
/** One Duo API v2 record, fields drawn from values that hit every reading (and some that fail). */
export const arbRecord = fc.record({
  timestamp: fc.constantFrom<unknown>(T, T + 1, T + 60, `${T}`, 1434312240.5, 'yesterday', undefined, null),
  isotimestamp: fc.constantFrom<unknown>(undefined, '2015-06-14T20:04:00+00:00', '2015-06-14T20:04:00.250Z', '2015-06-14 20:05:00', 'nope', ''),
  txid: fc.constantFrom<unknown>('tx-1', 'tx-2', 'tx-3', '', undefined, 7),
  result: fc.constantFrom<unknown>('denied', 'DENIED', 'fraud', 'success', 'failure', 'Error', 'maybe', undefined),
  reason: fc.constantFrom<unknown>('no_response', 'User mistake', 'user_marked_fraud', 'user_disabled', 'anomalous_push', '', undefined),
  factor: fc.constantFrom<unknown>('duo_push', 'Duo Push', 'phone_call', 'passcode', 'Verified Duo Push', '', undefined),
  event_type: fc.constantFrom<unknown>('authentication', 'Enrollment', undefined),
  user: fc.constantFrom<unknown>({ name: 'amy' }, { name: 'jdoe' }, { name: ' ' }, 'bob', undefined),
  application: fc.constantFrom<unknown>({ name: 'vpn' }, 'o365', undefined),
  access_device: fc.constantFrom<unknown>({ ip: '203.0.113.10:443' }, { ip: '[2001:db8::7]:443', hostname: 'LAPTOP' }, { ip: '0.0.0.0' }, { ip: 42 }, undefined),
  auth_device: fc.constantFrom<unknown>({ name: 'iPhone 6' }, undefined),
}).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

/** JSON lines with broken lines, `[`/`]` lines, trailing commas and envelopes in between. */
export const arbJsonLines = fc.array(fc.oneof(
  { arbitrary: arbRecord.map((r) => JSON.stringify(r)), weight: 8 },
  { arbitrary: arbRecord.map((r) => `${JSON.stringify(r)},`), weight: 1 },
  { arbitrary: fc.array(arbRecord, { maxLength: 3 }).map((rs) => JSON.stringify({ stat: 'OK', response: { authlogs: rs } })), weight: 1 },
  { arbitrary: fc.constantFrom('[', ']', '', '  ', '{"broken', 'not json', '"a string"', '[1, "x"]', '{"stat":"FAIL","code":40103,"message":"Invalid signature"}'), weight: 2 },
), { maxLength: 25 }).map((lines) => lines.join('\n'));
/** One document: an array, an envelope, a bare {authlogs}, one record. */
export const arbJsonDocument = fc.oneof(
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify(rs)),
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify({ stat: 'OK', response: { authlogs: rs, metadata: {} } }, null, 2)),
  fc.array(arbRecord, { maxLength: 10 }).map((rs) => JSON.stringify({ authlogs: rs })),
  arbRecord.map((r) => `\uFEFF${JSON.stringify(r)}`),
);
