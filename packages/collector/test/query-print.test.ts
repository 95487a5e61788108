// "Printing a query tree and parsing the text gives the same tree", as a
// property over generated trees whose values are full of the characters
// the language treats specially.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QueryNode, RangeValue, TextValue } from '../src/query/ast.js';
import { parseQuery } from '../src/query/parse-query.js';
import { printQuery } from '../src/query/print-query.js';

/** The tree without columns and raw text. */
function strip(node: QueryNode): unknown {
  switch (node.type) {
    case 'and':
    case 'or':
      return { type: node.type, items: node.items.map(strip) };
    case 'not':
      return { type: 'not', item: strip(node.item) };
    case 'term':
      return { type: 'term', field: node.field, value: node.value.kind === 'text' ? stripText(node.value) : stripRange(node.value) };
  }
}
const stripText = (v: TextValue) => ({ parts: v.parts, quoted: v.quoted });
const stripRange = (r: RangeValue) => ({
  lower: r.lower && stripText(r.lower), upper: r.upper && stripText(r.upper), lowerInclusive: r.lowerInclusive, upperInclusive: r.upperInclusive,
});

const CHARS = ['a', 'Z', '7', '.', ' ', '\t', '\n', '(', ')', '[', ']', '{', '}', '"', '\\', ':', '-', '*', '%', '_', '/', 'é', '\u{1F600}'];
const part = fc.array(fc.constantFrom(...CHARS), { maxLength: 6 }).map((cs) => cs.join(''));

/** A value the parser can produce: a bare one must be printable bare (not empty, no newline). */
function textValue(where: 'term' | 'rangeStart' | 'rangeEnd'): fc.Arbitrary<TextValue> {
  return fc.record({ parts: fc.array(part, { minLength: 1, maxLength: 3 }), quoted: fc.boolean() })
    .filter(({ parts, quoted }) => {
      if (quoted) return true;
      const text = parts.join('*');
      if (text === '' || parts.join('') === '' && where !== 'term' || /[^\S \t]/.test(text)) return false;
      return !(where === 'rangeStart' && text.toUpperCase() === 'TO');
    })
    .map(({ parts, quoted }) => ({ kind: 'text' as const, parts, quoted, raw: '', column: 0 }));
}

const rangeValue: fc.Arbitrary<RangeValue> = fc.record({
  lower: fc.option(textValue('rangeStart'), { nil: null }),
  upper: fc.option(textValue('rangeEnd'), { nil: null }),
  lowerInclusive: fc.boolean(),
  upperInclusive: fc.boolean(),
}).map((r) => ({ kind: 'range' as const, ...r, column: 0 }));

const term: fc.Arbitrary<QueryNode> = fc.record({
  field: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/),
  value: fc.oneof(textValue('term'), rangeValue),
}).map(({ field, value }) => ({ type: 'term' as const, field, value, column: 0 }));

const { node } = fc.letrec<{ node: QueryNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    term,
    tie('node').map((item) => ({ type: 'not' as const, item, column: 0 })),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((items) => ({ type: 'and' as const, items, column: 0 })),
    fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((items) => ({ type: 'or' as const, items, column: 0 })),
  ),
}));

describe('query printer', () => {
  it('print then parse gives back the same tree', () => {
    fc.assert(fc.property(node, (tree) => {
      const text = printQuery(tree);
      expect(strip(parseQuery(text)), text).toEqual(strip(tree));
    }), { numRuns: 500 });
  });

  it('prints in a canonical form: parsing and printing again changes nothing', () => {
    const text = printQuery(parseQuery('sensor_id:54341 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW] (a:b OR -c:"x y*")'));
    expect(text).toBe('sensor_id:54341 AND netconn_count:[1 TO *] AND start:[NOW\\-10MINUTES TO NOW] AND (a:b OR NOT c:"x y*")');
    expect(printQuery(parseQuery(text))).toBe(text);
  });
});
