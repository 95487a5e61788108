import { describe, expect, it } from 'vitest';
import type { QueryNode, TermValue } from '../src/query/ast.js';
import { MAX_QUERY_DEPTH, MAX_QUERY_LENGTH, parseQuery } from '../src/query/parse-query.js';
import { QueryError } from '../src/query/query-error.js';
import { tokenize } from '../src/query/tokenize.js';

/** The tree without columns and raw text: what the query means. */
function shape(node: QueryNode): unknown {
  switch (node.type) {
    case 'and':
    case 'or':
      return { [node.type]: node.items.map(shape) };
    case 'not':
      return { not: shape(node.item) };
    case 'term':
      return { [node.field]: valueShape(node.value) };
  }
}

function valueShape(value: TermValue): unknown {
  if (value.kind === 'text') return value.quoted ? { quoted: value.parts } : value.parts.length === 1 ? value.parts[0] : value.parts;
  const bound = (b: typeof value.lower) => (b === null ? '*' : valueShape(b));
  return `${value.lowerInclusive ? '[' : '{'}${JSON.stringify(bound(value.lower))} TO ${JSON.stringify(bound(value.upper))}${value.upperInclusive ? ']' : '}'}`;
}

const parsed = (text: string) => shape(parseQuery(text));

function syntaxError(text: string): QueryError {
  try {
    parseQuery(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    return err as QueryError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('query parser: what queries mean', () => {
  it("parses the write-up's query verbatim", () => {
    const tree = parseQuery('sensor_id:54341 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]');
    expect(shape(tree)).toEqual({ and: [
      { sensor_id: '54341' },
      { netconn_count: '["1" TO "*"]' },
      { start: '["NOW-10MINUTES" TO "NOW"]' },
    ] });
    // Columns point at each field, 1-based.
    expect(tree.type === 'and' && tree.items.map((t) => t.column)).toEqual([1, 17, 40]);
  });

  it('juxtaposition is AND; NOT binds tighter than AND, AND tighter than OR', () => {
    expect(parsed('a:1 b:2 OR c:3')).toEqual({ or: [{ and: [{ a: '1' }, { b: '2' }] }, { c: '3' }] });
    expect(parsed('a:1 OR b:2 c:3')).toEqual({ or: [{ a: '1' }, { and: [{ b: '2' }, { c: '3' }] }] });
    expect(parsed('NOT a:1 b:2')).toEqual({ and: [{ not: { a: '1' } }, { b: '2' }] });
    expect(parsed('a:1 AND b:2 AND c:3')).toEqual({ and: [{ a: '1' }, { b: '2' }, { c: '3' }] });
    expect(parsed('NOT NOT a:1')).toEqual({ not: { not: { a: '1' } } });
  });

  it('keywords are case-insensitive; - is NOT', () => {
    expect(parsed('a:1 and b:2 or not c:3')).toEqual({ or: [{ and: [{ a: '1' }, { b: '2' }] }, { not: { c: '3' } }] });
    expect(parsed('-a:1 -(b:2 OR c:3)')).toEqual({ and: [{ not: { a: '1' } }, { not: { or: [{ b: '2' }, { c: '3' }] } }] });
  });

  it('parentheses group and keep their nesting', () => {
    expect(parsed('(a:1 OR b:2) c:3')).toEqual({ and: [{ or: [{ a: '1' }, { b: '2' }] }, { c: '3' }] });
    expect(parsed('(a:1 b:2) c:3')).toEqual({ and: [{ and: [{ a: '1' }, { b: '2' }] }, { c: '3' }] });
    expect(parsed('((a:1))')).toEqual({ a: '1' });
  });

  it('wildcards cut the value into parts; escaped and quoted stars can be literal', () => {
    expect(parsed('hostname:*LAPTOP*')).toEqual({ hostname: ['', 'LAPTOP', ''] });
    expect(parsed('process_name:winscp*')).toEqual({ process_name: ['winscp', ''] });
    expect(parsed('cmdline:a\\*b')).toEqual({ cmdline: 'a*b' });
    expect(parsed('cmdline:"a\\*b*"')).toEqual({ cmdline: { quoted: ['a*b', ''] } });
  });

  it('quoted values keep spaces and take \\\\ \\" \\* escapes', () => {
    expect(parsed('path:"C:\\\\Program Files (x86)\\\\WinSCP\\\\WinSCP.exe"')).toEqual({ path: { quoted: ['C:\\Program Files (x86)\\WinSCP\\WinSCP.exe'] } });
    expect(parsed('cmdline:"say \\"hi\\""')).toEqual({ cmdline: { quoted: ['say "hi"'] } });
    expect(parsed('username:""')).toEqual({ username: { quoted: [''] } });
  });

  it('bare values take backslash escapes of the special characters', () => {
    expect(parsed('cmdline:a\\ b\\(c\\)')).toEqual({ cmdline: 'a b(c)' });
    expect(parsed('path:c\\:\\\\x')).toEqual({ path: 'c:\\x' });
  });

  it('values may contain colons and start with a minus: IPv6, ISO times, look-backs', () => {
    expect(parsed('ipaddr:2001:db8::/32')).toEqual({ ipaddr: '2001:db8::/32' });
    expect(parsed('start:-10m')).toEqual({ start: '-10m' });
    expect(parsed('start:[2015-06-08T13:11:16Z TO *]')).toEqual({ start: '["2015-06-08T13:11:16Z" TO "*"]' });
    expect(parsed('start:[-2h TO -1h]')).toEqual({ start: '["-2h" TO "-1h"]' });
  });

  it('ranges: inclusive [ ], exclusive { }, mixed, quoted bounds, TO in any case', () => {
    expect(parsed('pid:{1 TO 5]')).toEqual({ pid: '{"1" TO "5"]' });
    expect(parsed('pid:[1 to 5}')).toEqual({ pid: '["1" TO "5"}' });
    expect(parsed('pid:[* TO *]')).toEqual({ pid: '["*" TO "*"]' });
    // A quoted star is a value, not an open end.
    const tree = parseQuery('pid:["*" TO 5]');
    expect(tree.type === 'term' && tree.value.kind === 'range' && tree.value.lower).toMatchObject({ quoted: true });
  });

  it('tokens carry 1-based columns and whether a space precedes them', () => {
    expect(tokenize(' pid:1 -(a:"x")').map((t) => [t.kind, t.column, t.spaced])).toEqual([
      ['field', 2, true], ['word', 6, false], ['-', 8, true], ['(', 9, false], ['field', 10, false], ['quoted', 12, false],
      [')', 15, false], ['end', 16, false],
    ]);
  });
});

describe('query parser: every syntax error names its column', () => {
  it.each([
    ['', 1, /^empty query: expected field:value at column 1/],
    ['   ', 1, /^empty query/],
    ['(process_name:a', 16, /^expected '\)' at column 16 to close the '\(' at column 1, got the end of the query$/],
    ['(a:1 (b:2)', 11, /^expected '\)' at column 11 to close the '\(' at column 1/],
    ['process_name:a)', 15, /^unexpected '\)' at column 15: no '\(' is open$/],
    [')', 1, /^unexpected '\)' at column 1/],
    ['()', 1, /^empty parentheses at column 1/],
    ['process_name:a AND', 19, /^expected a term after 'AND' at column 19, got the end of the query$/],
    ['process_name:a OR', 18, /^expected a term after 'OR' at column 18, got the end of the query$/],
    ['pid:1 AND OR pid:2', 11, /^expected a term after 'AND' at column 11, got 'OR'$/],
    ['pid:1 OR AND pid:2', 10, /^expected a term after 'OR' at column 10, got 'AND'$/],
    ['pid:1 AND )', 11, /^expected a term after 'AND' at column 11, got '\)'$/],
    ['AND process_name:a', 1, /^'AND' at column 1 needs a term on its left$/],
    ['or pid:1', 1, /^'or' at column 1 needs a term on its left$/],
    ['NOT', 4, /^expected a term after 'NOT' at column 4, got the end of the query$/],
    ['pid:1 -', 8, /^expected a term after '-' at column 8/],
    ['pid:1 NOT OR pid:2', 11, /^expected a term after 'NOT' at column 11, got 'OR'$/],
    ['netconn_count:[1 TO', 20, /^expected the range's end \(a value or \*\) at column 20 in the range opened at column 15, got the end of the query$/],
    ['netconn_count:[1 TO *', 22, /^expected '\]' or '\}' at column 22 to close the range opened at column 15, got the end of the query$/],
    ['netconn_count:[1 TO 5 6]', 23, /^expected '\]' or '\}' at column 23 .* got '6'$/],
    ['netconn_count:[1 5]', 18, /^expected 'TO' at column 18 in the range opened at column 15, got '5'$/],
    ['netconn_count:[1', 17, /^expected 'TO' at column 17 .* got the end of the query$/],
    ['netconn_count:[ TO 5]', 17, /^expected the range's start \(a value or \*\) at column 17 .* got 'TO'$/],
    ['netconn_count:[1 TO ]', 21, /^expected the range's end .* at column 21 .* got '\]'$/],
    ['netconn_count:[(1 TO 2]', 16, /^expected the range's start .* at column 16 .* got '\('$/],
    ['process_name:', 14, /^expected a value right after 'process_name:' at column 14, got the end of the query$/],
    ['process_name: winscp', 14, /^expected a value right after 'process_name:' at column 14, got a space$/],
    ['process_name:(a OR b)', 14, /^expected a value right after 'process_name:' at column 14, got '\('$/],
    ['winscp.exe', 1, /^expected field:value at column 1, got 'winscp.exe'$/],
    ['pid:1 winscp.exe', 7, /^expected field:value at column 7, got 'winscp.exe'$/],
    ['"winscp"', 1, /^expected field:value at column 1, got a quoted value without a field$/],
    ['win-scp:1', 1, /^expected field:value at column 1, got 'win-scp:1'$/],
    ['pid:1 ]', 7, /^unexpected '\]' at column 7: a range goes right after field:/],
    ['pid:1 [1 TO 2]', 7, /^unexpected '\[' at column 7/],
    ['pid:[1 TO 2]x:1', 13, /^expected a space, '\)' or the end of the query at column 13 after the value of 'pid', got 'x:'$/],
    ['path:"a"b', 9, /^expected a space, '\)' or the end of the query at column 9 after the value of 'path', got 'b'$/],
    ['path:"C:\\\\x', 6, /^expected '"' to close the quoted value opened at column 6, got the end of the query$/],
    ['path:"C:\\Program"', 9, /^unknown escape '\\P' at column 9 in the quoted value/],
    ['path:C:\\windows', 8, /^unknown escape '\\w' at column 8: write '\\\\' for a backslash, or quote the value$/],
    ['path:abc\\', 9, /^unfinished escape '\\' at column 9/],
    ['pid:1 pid:2 pid:3 pid:4 )', 25, /^unexpected '\)' at column 25/],
  ])('%j → column %i', (text, column, message) => {
    const err = syntaxError(text);
    expect(err.code).toBe('COLLECTOR_E_QUERY_SYNTAX');
    expect(err.column).toBe(column);
    expect(err.message).toMatch(message);
    expect(err.message).toContain(`column ${column}`);
  });

  it('refuses nesting deeper than the limit instead of exhausting the stack', () => {
    const ok = `${'('.repeat(MAX_QUERY_DEPTH)}pid:1${')'.repeat(MAX_QUERY_DEPTH)}`;
    expect(shape(parseQuery(ok))).toEqual({ pid: '1' });
    const deep = syntaxError(`${'('.repeat(MAX_QUERY_DEPTH + 1)}pid:1${')'.repeat(MAX_QUERY_DEPTH + 1)}`);
    expect(deep.column).toBe(MAX_QUERY_DEPTH + 1);
    expect(deep.message).toMatch(/nests deeper than 100/);
    const nots = syntaxError(`${'NOT '.repeat(1000)}pid:1`);
    expect(nots.message).toMatch(/nests deeper/);
  });

  it('refuses a query longer than the limit', () => {
    const long = syntaxError(`pid:1 ${'x'.repeat(MAX_QUERY_LENGTH)}`);
    expect(long.column).toBe(MAX_QUERY_LENGTH + 1);
    expect(long.message).toMatch(/at most 10000/);
  });
});
