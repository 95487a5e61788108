/**
 * Every error code of the collector, in one place. Codes are stable: callers
 * (and agents reading an ErrorNotice) branch on them, so a code is never
 * reused for another meaning and never renamed.
 */
export type CollectorErrorCode =
  // configuration and start-up
  | 'COLLECTOR_E_CONFIG'
  | 'COLLECTOR_E_LISTEN'
  // agent gateway (sent to agents in ErrorNotice before the matching close code)
  | 'COLLECTOR_E_BAD_ENROLL_SECRET'
  | 'COLLECTOR_E_BAD_SENSOR_TOKEN'
  | 'COLLECTOR_E_UNSUPPORTED_VERSION'
  | 'COLLECTOR_E_UNDECODABLE'
  | 'COLLECTOR_E_WRONG_SENSOR'
  | 'COLLECTOR_E_PROTOCOL_VIOLATION'
  | 'COLLECTOR_E_FRAME_TOO_BIG'
  | 'COLLECTOR_E_REPLACED'
  | 'COLLECTOR_E_SHUTTING_DOWN'
  | 'COLLECTOR_E_INTERNAL'
  // HTTP API
  | 'COLLECTOR_E_UNAUTHENTICATED'
  /** Authenticated, but the token's role may not do this. */
  | 'COLLECTOR_E_FORBIDDEN'
  /** The thing to create exists already (a token name, a command id). */
  | 'COLLECTOR_E_CONFLICT'
  | 'COLLECTOR_E_NOT_FOUND'
  | 'COLLECTOR_E_METHOD_NOT_ALLOWED'
  | 'COLLECTOR_E_BAD_PARAM'
  /** A request body (an MFA log, ...) that cannot be used at all; the message says why. */
  | 'COLLECTOR_E_BAD_INPUT'
  /** A request body over the size limit. */
  | 'COLLECTOR_E_TOO_LARGE'
  // CLI as an API client
  | 'COLLECTOR_E_USAGE'
  | 'COLLECTOR_E_SERVER_UNREACHABLE'
  | 'COLLECTOR_E_SERVER_ERROR'
  // store
  | 'COLLECTOR_E_STORE_OPEN'
  | 'COLLECTOR_E_STORE_SCHEMA_TOO_NEW'
  | 'COLLECTOR_E_STORE_MIGRATION'
  | 'COLLECTOR_E_STORE_NOT_MIGRATED'
  | 'COLLECTOR_E_STORE_CLOSED'
  /** Input the store will never accept (a constraint says no): retrying the same input fails again. */
  | 'COLLECTOR_E_STORE_REJECTED'
  /** The store could not do it now (busy, I/O, disk full): a retry may succeed. */
  | 'COLLECTOR_E_STORE_FAILED'
  | 'COLLECTOR_E_UNKNOWN_SENSOR'
  // MFA log ingest
  /** A parser called wrongly (unknown source or format, a bad option value); bad log content is never this. */
  | 'COLLECTOR_E_INGEST_USAGE'
  // query language (QueryError, with the 1-based column): structure, field name, value for the field
  | 'COLLECTOR_E_QUERY_SYNTAX' | 'COLLECTOR_E_QUERY_FIELD' | 'COLLECTOR_E_QUERY_VALUE';

/** Base error of the collector package; `code` is what callers branch on. */
export class CollectorError extends Error {
  readonly code: CollectorErrorCode;

  constructor(code: CollectorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CollectorError';
    this.code = code;
  }
}

export function isCollectorError(err: unknown): err is CollectorError {
  return err instanceof CollectorError;
}
