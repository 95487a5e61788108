/**
 * The parsed query, before any field is looked up: what the text says, with
 * the 1-based column of every part so later errors can point at it. The
 * same tree serves every search (processes, sensors); each compiles it
 * against its own field table.
 */
export type QueryNode = AndNode | OrNode | NotNode | TermNode;

/** Two or more items, all required. Parentheses keep nesting: `(a b) c` is and[and[a, b], c]. */
export interface AndNode {
  readonly type: 'and';
  readonly items: readonly QueryNode[];
  readonly column: number;
}

/** Two or more items, any one enough. */
export interface OrNode {
  readonly type: 'or';
  readonly items: readonly QueryNode[];
  readonly column: number;
}

/** `NOT x` or `-x`. */
export interface NotNode {
  readonly type: 'not';
  readonly item: QueryNode;
  readonly column: number;
}

/** `field:value` or `field:[a TO b]`. */
export interface TermNode {
  readonly type: 'term';
  readonly field: string;
  /** Column of the field name. */
  readonly column: number;
  readonly value: TermValue;
}

export type TermValue = TextValue | RangeValue;

/** One value, bare or quoted. */
export interface TextValue {
  readonly kind: 'text';
  /** The text cut at each wildcard `*`; one part means no wildcard. Escapes resolved. */
  readonly parts: readonly string[];
  readonly quoted: boolean;
  /** As written, for error messages. */
  readonly raw: string;
  readonly column: number;
}

/** `[a TO b]` (inclusive), `{a TO b}` (exclusive), or mixed; an open end is `*`. */
export interface RangeValue {
  readonly kind: 'range';
  /** null: open (`*`). */
  readonly lower: TextValue | null;
  readonly upper: TextValue | null;
  readonly lowerInclusive: boolean;
  readonly upperInclusive: boolean;
  readonly column: number;
}

/** True when the value is one literal text, no wildcard. */
export function isLiteral(value: TextValue): boolean {
  return value.parts.length === 1;
}

/** The value's text with wildcards as `*` (escapes resolved; for messages and keyword checks). */
export function valueText(value: TextValue): string {
  return value.parts.join('*');
}
