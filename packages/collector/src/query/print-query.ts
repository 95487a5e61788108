import type { QueryNode, RangeValue, TextValue } from './ast.js';

/**
 * Prints a query tree back as query text that parses to the same tree
 * (columns aside): AND/OR/NOT spelled out, every nested AND/OR in
 * parentheses, values bare where they can be and quoted where they must be.
 */
export function printQuery(node: QueryNode): string {
  switch (node.type) {
    case 'and':
      return node.items.map(nested).join(' AND ');
    case 'or':
      return node.items.map(nested).join(' OR ');
    case 'not':
      return `NOT ${nested(node.item)}`;
    case 'term':
      return `${node.field}:${node.value.kind === 'range' ? printRange(node.value) : printValue(node.value, false)}`;
  }
}

function nested(node: QueryNode): string {
  return node.type === 'and' || node.type === 'or' ? `(${printQuery(node)})` : printQuery(node);
}

function printRange(range: RangeValue): string {
  const lower = range.lower === null ? '*' : printValue(range.lower, true);
  const upper = range.upper === null ? '*' : printValue(range.upper, false);
  return `${range.lowerInclusive ? '[' : '{'}${lower} TO ${upper}${range.upperInclusive ? ']' : '}'}`;
}

const BARE_SPECIAL = /[\s()[\]{}"\\*:-]/;

/** `rangeStart`: a bare TO there would read as the keyword, so it is quoted. */
function printValue(value: TextValue, rangeStart: boolean): string {
  const bareOk = !value.quoted && value.parts.join('*') !== ''
    && value.parts.every((p) => !/[^\S \t]/.test(p))
    && !(rangeStart && value.parts.join('*').toUpperCase() === 'TO');
  if (bareOk) {
    // A bare lone '*' would read as an open range end or "any value"; the parts keep it a pattern.
    return value.parts.map((p) => [...p].map((c) => (BARE_SPECIAL.test(c) ? `\\${c}` : c)).join('')).join('*');
  }
  return `"${value.parts.map((p) => p.replace(/[\\"*]/g, (c) => `\\${c}`)).join('*')}"`;
}
