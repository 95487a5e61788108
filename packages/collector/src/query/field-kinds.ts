import { isLiteral, valueText, type TermValue, type TextValue } from './ast.js';
import { DATE_FORMS, parseDateValue, type DateValue } from './date-value.js';
import { parseIpNetwork } from './ip-network.js';
import type { Predicate, TimeBound } from './predicate.js';
import { QueryError } from './query-error.js';

/** How one field of a search turns a term's value into a predicate. */
export interface FieldSpec<C extends string> {
  /** Shown in the list of fields ("text, wildcards allowed"). */
  readonly kind: string;
  /** `name` is the field's canonical name, for messages. */
  compile(name: string, value: TermValue, nowMs: number): Predicate<C>;
}

export type FieldTable<C extends string> = Readonly<Record<string, FieldSpec<C>>>;

const ALL = { op: 'all' } as const;

/** Case-insensitive text; `*` wildcards anywhere; exact otherwise. */
export function textField<C extends string>(column: C): FieldSpec<C> {
  return {
    kind: 'text, * wildcards',
    compile(name, value) {
      const text = single(name, value, 'text');
      if (isMatchAll(text)) return ALL;
      return { op: 'text', column, parts: text.parts };
    },
  };
}

/** A hex digest of `digits` digits (stored lower-case); a prefix pattern like ab12* is allowed. */
export function hexField<C extends string>(column: C, digits: number): FieldSpec<C> {
  return {
    kind: `${digits} hex digits, * wildcards`,
    compile(name, value) {
      const text = single(name, value, 'a digest');
      if (isMatchAll(text)) return ALL;
      const hex = text.parts.every((p) => /^[0-9a-fA-F]*$/.test(p));
      if (!hex || (isLiteral(text) && text.parts[0]!.length !== digits)) {
        throw valueError(`${name} needs ${digits} hex digits (or a pattern such as ab12*), got '${valueText(text)}' at column ${text.column}`, text);
      }
      return { op: 'text', column, parts: text.parts.map((p) => p.toLowerCase()) };
    },
  };
}

/** A whole number in [min, max], or a range of them. */
export function numberField<C extends string>(column: C, min: number, max: number): FieldSpec<C> {
  const whole = (name: string, text: TextValue): number => {
    const t = valueText(text);
    if (!isLiteral(text) || !/^\d{1,16}$/.test(t)) {
      throw valueError(`${name} needs a whole number, got '${t}' at column ${text.column}`, text);
    }
    const n = Number(t);
    if (n < min || n > max) throw valueError(`${name} must be from ${min} to ${max}, got ${t} at column ${text.column}`, text);
    return n;
  };
  return {
    kind: `whole number ${min}..${max}, [A TO B]`,
    compile(name, value) {
      if (value.kind === 'text') {
        if (isMatchAll(value)) return ALL;
        const n = whole(name, value);
        return { op: 'number', column, min: n, max: n };
      }
      let lo = value.lower === null ? null : whole(name, value.lower);
      let hi = value.upper === null ? null : whole(name, value.upper);
      if (lo !== null && !value.lowerInclusive) lo += 1;
      if (hi !== null && !value.upperInclusive) hi -= 1;
      if (lo !== null && hi !== null && lo > hi) {
        throw new QueryError('COLLECTOR_E_QUERY_VALUE', `range at column ${value.column} holds no ${name}: its start is above its end`, value.column);
      }
      if ((lo === null || lo <= min) && hi === null) return ALL;
      return { op: 'number', column, min: lo, max: hi };
    },
  };
}

/**
 * A time: an ISO date/time (the span its precision names), `NOW`-based date
 * math, `-10m` (from then until now), or a range of them.
 */
export function timeField<C extends string>(column: C): FieldSpec<C> {
  const date = (name: string, text: TextValue, nowMs: number): DateValue => {
    const parsed = isLiteral(text) ? parseDateValue(text.parts[0]!, nowMs) : `wildcards are not dates; use a range such as [NOW-1DAY TO NOW]`;
    if (typeof parsed === 'string') {
      throw valueError(`${name} needs ${DATE_FORMS}, got '${valueText(text)}' at column ${text.column}: ${parsed}`, text);
    }
    return parsed;
  };
  return {
    kind: 'time: 2015-06-08T13:11:16Z, NOW-10MINUTES, -10m, [A TO B]',
    compile(name, value, nowMs) {
      if (value.kind === 'text') {
        if (isMatchAll(value)) return ALL;
        const d = date(name, value, nowMs);
        if (d.form === 'iso') return { op: 'time', column, min: { ms: d.fromMs, fromNow: false }, max: { ms: d.toMs, fromNow: false } };
        if (d.form === 'lookback' || d.offsetMs < 0) {
          return { op: 'time', column, min: { ms: d.atMs, fromNow: true }, max: { ms: nowMs, fromNow: true } };
        }
        throw valueError(`${name}:${valueText(value)} at column ${value.column} is a single instant; `
          + `use a range such as ${name}:[NOW-10MINUTES TO NOW] or a look-back such as ${name}:-10m`, value);
      }
      const lower = value.lower === null ? null : date(name, value.lower, nowMs);
      const upper = value.upper === null ? null : date(name, value.upper, nowMs);
      const min = lower === null ? null : lowerBound(lower, value.lowerInclusive);
      const max = upper === null ? null : upperBound(upper, value.upperInclusive);
      if (min !== null && max !== null && min.ms > max.ms) {
        throw new QueryError('COLLECTOR_E_QUERY_VALUE', `range at column ${value.column} holds no time: its start is after its end`, value.column);
      }
      if (min === null && max === null) return ALL;
      return { op: 'time', column, min, max };
    },
  };
}

/** An IP address or CIDR network (v4 or v6); `*` is any address. */
export function ipField<C extends string>(column: C): FieldSpec<C> {
  return {
    kind: 'IP or CIDR: 10.1.2.3, 10.0.0.0/8, 2001:db8::/32',
    compile(name, value) {
      const text = single(name, value, 'an address or CIDR');
      if (isMatchAll(text)) return { op: 'ip', column, network: null };
      if (!isLiteral(text)) {
        throw valueError(`${name} takes an address or CIDR (10.0.0.0/8), not a wildcard pattern: got '${valueText(text)}' at column ${text.column}`, text);
      }
      const network = parseIpNetwork(text.parts[0]!.toLowerCase());
      if (typeof network === 'string') {
        throw valueError(`${name} needs an IP address or CIDR such as 10.0.0.0/8 or 2001:db8::/32, got '${text.parts[0]}' at column ${text.column}: ${network}`, text);
      }
      return { op: 'ip', column, network };
    },
  };
}

function lowerBound(d: DateValue, inclusive: boolean): TimeBound {
  if (d.form === 'iso') return { ms: inclusive ? d.fromMs : d.toMs + 1, fromNow: false };
  return { ms: inclusive ? d.atMs : d.atMs + 1, fromNow: true };
}

function upperBound(d: DateValue, inclusive: boolean): TimeBound {
  if (d.form === 'iso') return { ms: inclusive ? d.toMs : d.fromMs - 1, fromNow: false };
  return { ms: inclusive ? d.atMs : d.atMs - 1, fromNow: true };
}

/** The value of a field that takes no range. */
function single(name: string, value: TermValue, what: string): TextValue {
  if (value.kind === 'range') {
    throw new QueryError('COLLECTOR_E_QUERY_VALUE', `${name} takes ${what}, not a range (at column ${value.column})`, value.column);
  }
  return value;
}

/** A lone unquoted `*`: any value at all. */
function isMatchAll(value: TextValue): boolean {
  return !value.quoted && value.parts.length === 2 && value.parts[0] === '' && value.parts[1] === '';
}

function valueError(message: string, at: TextValue): QueryError {
  return new QueryError('COLLECTOR_E_QUERY_VALUE', message, at.column);
}
