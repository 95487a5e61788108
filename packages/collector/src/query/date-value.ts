/**
 * Date values of the query language, resolved against a given "now":
 *
 * - ISO 8601 (`2015-06-08`, `2015-06-08T13:11`, `2015-06-08T13:11:16.016Z`,
 *   `...+02:00`; no zone means UTC) stands for the whole span its precision
 *   names: a day, a minute, a second, a millisecond. So `start:2015-06-08`
 *   is that day, and `[A TO 2015-06-09]` runs to the end of the 9th.
 * - Date math `NOW`, `NOW-10MINUTES`, `NOW-2HOURS+30m` (Solr's spelling; terms
 *   chain) is one instant.
 * - A look-back `-10m`, `-2h`, `-1DAY` is the instant that long before now;
 *   as a lone value (`start:-10m`) it means "from then until now".
 *
 * Units: SECOND(S) MINUTE(S) HOUR(S) DAY(S) WEEK(S), any case, or short
 * s m h d w (lower case: `M` would read as months elsewhere). Months and
 * years are refused: their length varies, and a silent 30 days would be wrong.
 */

export type DateValue =
  /** An ISO time: every ms of [fromMs, toMs] (inclusive). */
  | { readonly form: 'iso'; readonly fromMs: number; readonly toMs: number }
  /** `NOW...` date math: one instant; `offsetMs` is its distance from now (negative in the past). */
  | { readonly form: 'math'; readonly atMs: number; readonly offsetMs: number }
  /** `-10m`: the instant `lookBackMs` before now. */
  | { readonly form: 'lookback'; readonly atMs: number; readonly lookBackMs: number };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const LONG_UNITS: Record<string, number> = {
  SECOND, SECONDS: SECOND, MINUTE, MINUTES: MINUTE, HOUR, HOURS: HOUR, DAY, DAYS: DAY, WEEK, WEEKS: WEEK,
};
const SHORT_UNITS: Record<string, number> = { s: SECOND, m: MINUTE, h: HOUR, d: DAY, w: WEEK };
/** Largest amount in one step: 10^9 weeks is beyond any date, but keeps numbers exact. */
const MAX_AMOUNT_DIGITS = 9;

/** What every date error message lists as the accepted forms. */
export const DATE_FORMS = 'a date (2015-06-08, 2015-06-08T13:11:16Z), NOW-10MINUTES or -10m';

/** Parses a date value; a string is the reason it is not one. */
export function parseDateValue(text: string, nowMs: number): DateValue | string {
  if (/^now/i.test(text)) return parseDateMath(text, nowMs);
  if (text.startsWith('-')) {
    const step = parseStep(text, 0);
    if (typeof step === 'string') return step;
    if (step.end !== text.length) return `unexpected '${text.slice(step.end)}' after '${text.slice(0, step.end)}'`;
    return { form: 'lookback', atMs: nowMs - step.ms, lookBackMs: step.ms };
  }
  if (/^\d{4}-/.test(text)) return parseIso(text);
  return `expected ${DATE_FORMS}`;
}

function parseDateMath(text: string, nowMs: number): DateValue | string {
  let offsetMs = 0;
  let i = 3;
  while (i < text.length) {
    if (text[i] === '/') return `rounding ('${text.slice(i)}') is not supported; write NOW-1DAY rather than NOW/DAY`;
    const step = parseStep(text, i);
    if (typeof step === 'string') return step;
    offsetMs += step.sign * step.ms;
    i = step.end;
  }
  return { form: 'math', atMs: nowMs + offsetMs, offsetMs };
}

/** One `+N UNIT` / `-N UNIT` at `at`. `ms` is the amount's length (positive), `sign` its direction. */
function parseStep(text: string, at: number): { sign: 1 | -1; ms: number; end: number } | string {
  const sign = text[at];
  if (sign !== '+' && sign !== '-') return `expected '+' or '-' and an amount at '${text.slice(at)}'`;
  const match = /^(\d+)([A-Za-z]+)/.exec(text.slice(at + 1));
  if (match === null) return `expected an amount and a unit (10MINUTES, 2h) after '${text.slice(0, at + 1)}'`;
  const [whole, digits, unit] = match as unknown as [string, string, string];
  if (digits.length > MAX_AMOUNT_DIGITS) return `amount ${digits} is too large`;
  const unitMs = SHORT_UNITS[unit] ?? LONG_UNITS[unit.toUpperCase()];
  if (unitMs === undefined) {
    return `unknown time unit '${unit}': use SECONDS, MINUTES, HOURS, DAYS, WEEKS or s, m, h, d, w (months and years vary in length)`;
  }
  return { sign: sign === '+' ? 1 : -1, ms: Number(digits) * unitMs, end: at + 1 + whole.length };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

function parseIso(text: string): DateValue | string {
  const m = ISO.exec(text);
  if (m === null) return `'${text}' is not an ISO 8601 date or time (2015-06-08, 2015-06-08T13:11:16Z, 2015-06-08T13:11:16.016+02:00)`;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (zone !== undefined && h === undefined) return `'${text}': a time zone needs a time of day (2015-06-08T00:00Z)`;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(utc);
  if (month < 1 || month > 12 || check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day
    || hour > 23 || minute > 59 || second > 59) {
    return `'${text}' is not a real date and time`;
  }
  const zoneMs = zoneOffsetMs(zone);
  if (typeof zoneMs === 'string') return zoneMs;
  let spanMs = DAY;
  if (frac !== undefined) spanMs = 10 ** Math.max(0, 3 - frac.length);
  else if (s !== undefined) spanMs = SECOND;
  else if (mi !== undefined) spanMs = MINUTE;
  const fromMs = utc - zoneMs;
  return { form: 'iso', fromMs, toMs: fromMs + spanMs - 1 };
}

function zoneOffsetMs(zone: string | undefined): number | string {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return `time zone '${zone}' is out of range`;
  return (zone[0] === '-' ? -1 : 1) * (hours * HOUR + minutes * MINUTE);
}
