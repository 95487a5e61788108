import { QueryError } from './query-error.js';

export type TokenKind = 'field' | 'word' | 'quoted' | '(' | ')' | '[' | ']' | '{' | '}' | '-' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** 1-based column of the token's first character; for 'end', one past the last character. */
  readonly column: number;
  /** The token as written (a field token includes its ':'). */
  readonly raw: string;
  /**
   * field: [name]. word and quoted: the value's text cut at each unescaped
   * `*` (so `*LAPTOP*` is ['', 'LAPTOP', ''] and a value without wildcards
   * is one part). Escapes are resolved. Empty for the other kinds.
   */
  readonly parts: readonly string[];
  /** Whitespace (or the start of the query) comes right before the token. */
  readonly spaced: boolean;
}

const WHITESPACE = /\s/;
/** Characters that end a bare word; a backslash makes any of them (and `*`, `:`, `-`, `\`) literal. */
const DELIMITERS = new Set(['(', ')', '[', ']', '{', '}', '"']);
const WORD_ESCAPABLE = new Set([...DELIMITERS, '\\', '*', ':', '-', ' ', '\t']);
const QUOTED_ESCAPABLE = new Set(['\\', '"', '*']);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Splits a query into tokens. The lexer is a little context-sensitive, as
 * Lucene's is: a word is a field name when it reaches an unescaped ':' with
 * only name characters before it; the value after that ':' and the bounds
 * inside `[..]`/`{..}` may contain ':' and start with '-' (IPv6 addresses,
 * ISO times, `-10m`), while elsewhere a leading '-' is the NOT prefix.
 * Throws QueryError (COLLECTOR_E_QUERY_SYNTAX) for an unterminated quote or
 * an unknown escape.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let afterField = false;
  let inRange = false;
  while (true) {
    const start = i;
    while (i < text.length && WHITESPACE.test(text[i]!)) i++;
    const spaced = i > start || i === 0;
    if (i >= text.length) {
      tokens.push({ kind: 'end', column: text.length + 1, raw: '', parts: [], spaced });
      return tokens;
    }
    // Whitespace after "field:" means the value is missing; the parser says so.
    const valueHere = afterField && !spaced;
    afterField = false;
    const ch = text[i]!;
    const column = i + 1;
    if (ch === '(' || ch === ')' || ch === '[' || ch === ']' || ch === '{' || ch === '}') {
      tokens.push({ kind: ch, column, raw: ch, parts: [], spaced });
      if (ch === '[' || ch === '{') inRange = true;
      if (ch === ']' || ch === '}') inRange = false;
      i++;
      continue;
    }
    if (ch === '"') {
      const quoted = readQuoted(text, i);
      tokens.push({ kind: 'quoted', column, raw: text.slice(i, quoted.end), parts: quoted.parts, spaced });
      i = quoted.end;
      continue;
    }
    if (ch === '-' && !valueHere && !inRange) {
      tokens.push({ kind: '-', column, raw: '-', parts: [], spaced });
      i++;
      continue;
    }
    const word = readWord(text, i, !valueHere && !inRange);
    if (word.field !== null) {
      tokens.push({ kind: 'field', column, raw: text.slice(i, word.end), parts: [word.field], spaced });
      afterField = true;
    } else {
      tokens.push({ kind: 'word', column, raw: text.slice(i, word.end), parts: word.parts, spaced });
    }
    i = word.end;
  }
}

/** A bare word from `at`; with `mayBeField`, stops after "name:" and reports the name. */
function readWord(text: string, at: number, mayBeField: boolean): { end: number; parts: string[]; field: string | null } {
  const parts: string[] = [];
  let current = '';
  let escaped = false;
  let i = at;
  while (i < text.length) {
    const ch = text[i]!;
    if (WHITESPACE.test(ch) || DELIMITERS.has(ch)) break;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined || !WORD_ESCAPABLE.has(next)) {
        throw new QueryError('COLLECTOR_E_QUERY_SYNTAX', next === undefined
          ? `unfinished escape '\\' at column ${i + 1}: write '\\\\' for a backslash`
          : `unknown escape '\\${next}' at column ${i + 1}: write '\\\\' for a backslash, or quote the value`, i + 1);
      }
      current += next;
      escaped = true;
      i += 2;
      continue;
    }
    if (ch === ':' && mayBeField && parts.length === 0 && !escaped && FIELD_NAME.test(current)) {
      return { end: i + 1, parts: [], field: current };
    }
    if (ch === '*') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
    i++;
  }
  parts.push(current);
  return { end: i, parts, field: null };
}

/** A double-quoted value from the '"' at `at`, escapes resolved. */
function readQuoted(text: string, at: number): { end: number; parts: string[] } {
  const parts: string[] = [];
  let current = '';
  let i = at + 1;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      parts.push(current);
      return { end: i + 1, parts };
    }
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined || !QUOTED_ESCAPABLE.has(next)) {
        const shown = next === undefined ? '\\' : `\\${next}`;
        throw new QueryError('COLLECTOR_E_QUERY_SYNTAX',
          `unknown escape '${shown}' at column ${i + 1} in the quoted value: inside quotes write '\\\\' for a backslash, '\\"' for a quote, '\\*' for a literal star`,
          i + 1);
      }
      current += next;
      i += 2;
      continue;
    }
    if (ch === '*') {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
    i++;
  }
  throw new QueryError('COLLECTOR_E_QUERY_SYNTAX', `expected '"' to close the quoted value opened at column ${at + 1}, got the end of the query`, at + 1);
}
