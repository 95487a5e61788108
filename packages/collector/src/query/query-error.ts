import { CollectorError } from '../errors.js';

export type QueryErrorCode = 'COLLECTOR_E_QUERY_SYNTAX' | 'COLLECTOR_E_QUERY_FIELD' | 'COLLECTOR_E_QUERY_VALUE';

/**
 * A query the language cannot take. `column` (1-based, in UTF-16 code units
 * of the query text, as a text field counts) is also in the message; it is a
 * property as well so the API can return it and the CLI can point at it.
 *
 * - COLLECTOR_E_QUERY_SYNTAX: the structure (empty query, a missing ')',
 *   a dangling AND, an unterminated range or quote, a bad escape).
 * - COLLECTOR_E_QUERY_FIELD: a field this search does not know.
 * - COLLECTOR_E_QUERY_VALUE: a value that does not fit its field (pid:abc,
 *   a bad CIDR or date, a range on a text field).
 */
export class QueryError extends CollectorError {
  override readonly code: QueryErrorCode;
  readonly column: number;

  constructor(code: QueryErrorCode, message: string, column: number) {
    super(code, message);
    this.name = 'QueryError';
    this.code = code;
    this.column = column;
  }
}

export function isQueryError(err: unknown): err is QueryError {
  return err instanceof QueryError;
}
