/** The protocol version this build speaks; see Envelope.protocol_version. */
export const PROTOCOL_VERSION = 1;

/**
 * Largest frame either side accepts by default (4 MiB). A netconn batch of a
 * host with tens of thousands of sockets stays well under it; anything bigger
 * is a bug or an attack and gets close code 1009.
 */
export const DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

/**
 * WebSocket close codes of the /agent endpoint. 4000-4999 are the range RFC
 * 6455 leaves to applications; 1001 and 1009 are the standard ones.
 * A coded close is always preceded by an ErrorNotice frame when possible.
 */
export const CloseCode = {
  /** The collector is shutting down; reconnect with backoff. */
  GOING_AWAY: 1001,
  /** Frame larger than the peer's maxPayload. */
  MESSAGE_TOO_BIG: 1009,
  /** Hello carried an enroll secret that does not match. Do not retry blindly. */
  BAD_ENROLL_SECRET: 4001,
  /** Hello carried an unknown or revoked sensor token. */
  BAD_SENSOR_TOKEN: 4002,
  /** Envelope.protocol_version is not one the peer speaks. */
  UNSUPPORTED_VERSION: 4003,
  /** Frame did not decode as an Envelope (or was a text frame). */
  UNDECODABLE: 4004,
  /** Envelope.sensor_id differs from the sensor this connection authenticated as. */
  WRONG_SENSOR: 4005,
  /** Valid frame at the wrong time, e.g. data before Hello, or a second Hello. */
  PROTOCOL_VIOLATION: 4006,
  /** The collector could not commit; the agent keeps its spool and retries. */
  INTERNAL_ERROR: 4011,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/** Name of a close code, for log lines ("BAD_SENSOR_TOKEN"), or "UNKNOWN". */
export function closeCodeName(code: number): string {
  for (const [name, value] of Object.entries(CloseCode)) {
    if (value === code) return name;
  }
  return 'UNKNOWN';
}
