import { referenceDayMs } from './parse-options.js';

/**
 * Turns the time texts MFA logs carry into epoch ms, or says why it cannot.
 *
 * Accepted:
 * - ISO 8601: `2015-06-14T20:04:12Z`, `2020-02-13T18:56:20.351346+00:00`,
 *   and the same with a space for the `T` (`2015-06-14 16:04:12 EDT`);
 * - US dates as the Admin Panel's locale prints them:
 *   `06/14/2015 04:08:00 PM EDT`, `6/14/2015 16:08` (month first, always);
 * - Unix epoch seconds (≤ 11 digits) or milliseconds;
 * - `Today 04:08 PM EDT` / `Yesterday …` — the Admin Panel's rendered view,
 *   only with a reference date (see MfaParseOptions.referenceDate).
 *
 * The zone is a numeric offset, `Z`, or one of the abbreviations in ZONES. A
 * time with no zone is placed with the caller's offset, or taken as UTC when
 * the log itself says so (Duo API isotimestamp, a "Timestamp (UTC)" column);
 * otherwise it is refused: a wrong guess shifts every push by hours and the
 * pushes then line up with the wrong sessions, silently.
 */
export interface TimeContext {
  /** Minutes east of UTC for zone-less times (MfaParseOptions.timeZoneOffsetMinutes). */
  offsetMinutes?: number;
  /** Zone-less times are UTC because the source says so. */
  zoneLessIsUtc?: boolean;
  /** 'YYYY-MM-DD' that "Today" stands for (MfaParseOptions.referenceDate). */
  referenceDate?: string;
}

export type TimeResult = { ok: true; ms: number } | { ok: false; why: string };

/**
 * Abbreviations seen in US-hosted consoles (Duo renders the admin's browser
 * zone). Ambiguous ones (IST, CST-China, BST...) are left out on purpose: a
 * numeric offset says the same thing without the ambiguity.
 */
const ZONES: Readonly<Record<string, number>> = {
  UTC: 0, UT: 0, GMT: 0, Z: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360,
  PST: -480, PDT: -420, AKST: -540, AKDT: -480, HST: -600,
};

const ZONE = '(Z|[+-]\\d{2}(?::?\\d{2})?|[A-Za-z]{2,5})';
const ISO_RE = new RegExp(
  `^(\\d{4})-(\\d{2})-(\\d{2})[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?\\s*${ZONE}?$`);
const US_RE = new RegExp(
  `^(\\d{1,2})/(\\d{1,2})/(\\d{4}),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?\\s*${ZONE}?$`);
const RELATIVE_RE = new RegExp(
  `^(today|yesterday),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp]\\.?[Mm]\\.?)?\\s*${ZONE}?$`, 'i');
const EPOCH_RE = /^\d{9,13}(?:\.\d+)?$/;

/** Times before 1990 or after 2100 are a unit mistake (ms read as s), not a log. */
const MIN_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
const MAX_PLAUSIBLE_MS = Date.UTC(2100, 0, 1);
const DAY_MS = 86_400_000;

export function parseLogTime(raw: string, ctx: TimeContext): TimeResult {
  const text = raw.trim();
  if (text === '') return fail('empty');

  const plain = plainIso(text, ctx);
  if (plain !== undefined) return plain;
  let m = ISO_RE.exec(text);
  if (m !== null) {
    return wallClock(text, ctx, Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]),
      m[6] === undefined ? 0 : Number(m[6]), fractionMs(m[7]), m[8]);
  }
  m = US_RE.exec(text);
  if (m !== null) {
    const hour = clockHour(Number(m[4]), m[7]);
    if (hour === null) return fail(`'${text}' has an hour that does not fit its AM/PM`);
    return wallClock(text, ctx, Number(m[3]), Number(m[1]), Number(m[2]), hour, Number(m[5]),
      m[6] === undefined ? 0 : Number(m[6]), 0, m[8]);
  }
  m = RELATIVE_RE.exec(text);
  if (m !== null) return relative(text, m, ctx);
  if (EPOCH_RE.test(text)) return epochTime(Number(text));
  return fail(`not a date: '${text}'`);
}

const ZERO = 48;
const digitAt = (text: string, i: number): number => {
  const d = text.charCodeAt(i) - ZERO;
  return d >= 0 && d <= 9 ? d : -1;
};

/**
 * The shape nearly every log writes — `2015-06-14T20:04:12Z`,
 * `2020-02-13T18:56:20.351346+00:00` — read by hand, as ISO_RE would read
 * it, into the same wallClock call (the expression and its eight captures
 * cost more than the rest of a Duo record). Undefined for anything else,
 * which ISO_RE and the other forms then read.
 */
function plainIso(text: string, ctx: TimeContext): TimeResult | undefined {
  const n = text.length;
  if (n < 20) return undefined;
  const two = (i: number): number => {
    const a = digitAt(text, i);
    const b = digitAt(text, i + 1);
    return a < 0 || b < 0 ? -1 : a * 10 + b;
  };
  const y1 = two(0);
  const y2 = two(2);
  const month = two(5);
  const day = two(8);
  const hour = two(11);
  const minute = two(14);
  const second = two(17);
  const sep = text.charCodeAt(10);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || text[4] !== '-' || text[7] !== '-'
    || (sep !== 84 /* T */ && sep !== 32) || text[13] !== ':' || text[16] !== ':') return undefined;
  let i = 19;
  let fraction: string | undefined;
  if (text[i] === '.' || text[i] === ',') {
    let j = i + 1;
    while (j < n && digitAt(text, j) >= 0) j++;
    if (j === i + 1 || j - i - 1 > 9) return undefined;
    fraction = text.slice(i + 1, j);
    i = j;
  }
  let zone: string;
  if (i === n - 1 && text[i] === 'Z') {
    zone = 'Z';
  } else if (i === n - 6 && (text[i] === '+' || text[i] === '-') && two(i + 1) >= 0 && text[i + 3] === ':' && two(i + 4) >= 0) {
    zone = text.slice(i);
  } else {
    return undefined;
  }
  return wallClock(text, ctx, y1 * 100 + y2, month, day, hour, minute, second, fractionMs(fraction), zone);
}

/** Epoch seconds (Duo's `timestamp`) or milliseconds, told apart by size. */
export function epochTime(value: number): TimeResult {
  if (!Number.isFinite(value)) return fail(`not a time: ${String(value)}`);
  // 1e11 s is the year 5138; 1e11 ms is 1973: a value this large is in ms.
  const ms = value >= 1e11 ? Math.trunc(value) : Math.round(value * 1000);
  return plausible(ms, String(value));
}

function relative(text: string, m: RegExpExecArray, ctx: TimeContext): TimeResult {
  if (ctx.referenceDate === undefined) {
    return fail(`relative date '${text}' cannot be placed in time; export the log as CSV/JSON `
      + '(or pass referenceDate, the day "Today" meant)');
  }
  const hour = clockHour(Number(m[2]), m[5]);
  const minute = Number(m[3]);
  const second = m[4] === undefined ? 0 : Number(m[4]);
  if (hour === null || minute > 59 || second > 59) return fail(`'${text}' is not a valid time of day`);
  const offset = zoneOffset(text, m[6], ctx);
  if (typeof offset === 'string') return fail(offset);
  const day = referenceDayMs(ctx.referenceDate) ?? 0; // checked by checkParseOptions
  const dayMs = m[1]!.toLowerCase() === 'yesterday' ? day - DAY_MS : day;
  return plausible(dayMs + ((hour * 60 + minute) * 60 + second) * 1000 - offset * 60_000, text);
}

function wallClock(text: string, ctx: TimeContext, year: number, month: number, day: number,
  hour: number, minute: number, second: number, ms: number, zone: string | undefined): TimeResult {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return fail(`'${text}' is not a real date and time`);
  }
  const dayStart = Date.UTC(year, month - 1, day);
  if (new Date(dayStart).getUTCDate() !== day) return fail(`'${text}' is not a real date`);
  const offset = zoneOffset(text, zone, ctx);
  if (typeof offset === 'string') return fail(offset);
  // A leap second (:60) is kept at :59.999 rather than spilling into the next minute.
  const secMs = second === 60 ? 59_999 : second * 1000 + ms;
  return plausible(dayStart + (hour * 60 + minute) * 60_000 + secMs - offset * 60_000, text);
}

/** The zone's offset in minutes east, or why there is none. */
function zoneOffset(text: string, zone: string | undefined, ctx: TimeContext): number | string {
  if (zone === undefined) {
    if (ctx.offsetMinutes !== undefined) return ctx.offsetMinutes;
    if (ctx.zoneLessIsUtc === true) return 0;
    return `no time zone in '${text}': pass timeZoneOffsetMinutes, or export the log with ISO 8601 times`;
  }
  const first = zone.charCodeAt(0);
  if (first === 43 /* + */ || first === 45 /* - */) {
    const digits = zone.slice(1).replace(':', '');
    const minutes = Number(digits.slice(0, 2)) * 60 + (digits.length > 2 ? Number(digits.slice(2)) : 0);
    if (minutes > 14 * 60 || (digits.length > 2 && Number(digits.slice(2)) > 59)) {
      return `'${zone}' in '${text}' is not a UTC offset`;
    }
    return first === 45 ? -minutes : minutes;
  }
  const known = ZONES[zone.toUpperCase()];
  if (known === undefined) {
    return `unknown time zone '${zone}' in '${text}': use a numeric offset such as -04:00`;
  }
  return known;
}

/** 24-hour clock hour from a 12- or 24-hour reading, or null if it does not fit. */
function clockHour(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour <= 23 ? hour : null;
  if (hour < 1 || hour > 12) return null;
  const pm = meridiem[0] === 'p' || meridiem[0] === 'P';
  return (hour % 12) + (pm ? 12 : 0);
}

function fractionMs(fraction: string | undefined): number {
  if (fraction === undefined) return 0;
  return Number(fraction.length >= 3 ? fraction.slice(0, 3) : fraction.padEnd(3, '0'));
}

function plausible(ms: number, text: string): TimeResult {
  if (ms < MIN_PLAUSIBLE_MS || ms >= MAX_PLAUSIBLE_MS) {
    return fail(`'${text}' is not a plausible log time (before 1990 or after 2100)`);
  }
  return { ok: true, ms };
}

function fail(why: string): TimeResult {
  return { ok: false, why };
}
