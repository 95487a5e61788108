import type { QueryNode } from './ast.js';
import type { FieldTable } from './field-kinds.js';
import type { Predicate } from './predicate.js';
import { QueryError } from './query-error.js';

/**
 * Compiles a parsed query against one search's field table. Field names
 * are matched case-insensitively (`Process_Name:` is `process_name:`), as
 * the keywords are. `nowMs` resolves every NOW and look-back, once, so the
 * whole query agrees on what "now" is. Throws QueryError:
 * COLLECTOR_E_QUERY_FIELD for an unknown field (naming the closest known
 * one), COLLECTOR_E_QUERY_VALUE for a value that does not fit its field.
 */
export function compileQuery<C extends string>(node: QueryNode, fields: FieldTable<C>, nowMs: number): Predicate<C> {
  switch (node.type) {
    case 'and':
      return { op: 'and', items: node.items.map((item) => compileQuery(item, fields, nowMs)) };
    case 'or':
      return { op: 'or', items: node.items.map((item) => compileQuery(item, fields, nowMs)) };
    case 'not':
      return { op: 'not', item: compileQuery(node.item, fields, nowMs) };
    case 'term': {
      const name = node.field.toLowerCase();
      const spec = Object.hasOwn(fields, name) ? fields[name] : undefined;
      if (spec === undefined) throw unknownField(node.field, node.column, Object.keys(fields));
      return spec.compile(name, node.value, nowMs);
    }
  }
}

function unknownField(field: string, column: number, known: readonly string[]): QueryError {
  const guess = closest(field.toLowerCase(), known);
  const hint = guess === null ? '' : ` (did you mean ${guess}?)`;
  return new QueryError('COLLECTOR_E_QUERY_FIELD',
    `unknown field '${field}' at column ${column}${hint}; known fields: ${known.join(', ')}`, column);
}

/** The known name within edit distance 2 (or that starts with the text), if one is clearly closest. */
function closest(name: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const d = candidate.startsWith(name) && name.length >= 3 ? 1 : editDistance(name, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= 2 ? best : null;
}

/** Levenshtein distance with a single row; names are short. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}
