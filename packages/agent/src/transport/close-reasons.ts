import { CloseCode, closeCodeName } from '@pushtrace/proto';

/** Why a connection ended, as the agent reports it. */
export interface DisconnectReason {
  /** WebSocket close code; 1006 when the connection died without a close frame. */
  code: number;
  /** "BAD_SENSOR_TOKEN", "GOING_AWAY", "ABNORMAL", … */
  codeName: string;
  /** The ErrorNotice code the collector sent before closing, if any. */
  noticeCode?: string;
  /** One human sentence: what happened, with the collector's own words when it gave any. */
  message: string;
  /**
   * The collector refused this agent (bad secret or token, protocol mismatch):
   * retrying soon cannot help, so the next attempts wait at the backoff cap.
   */
  refused: boolean;
}

/** Close codes that mean "retrying soon will be refused the same way". */
const REFUSALS: Record<number, string> = {
  [CloseCode.BAD_ENROLL_SECRET]: 'collector refused the enroll secret',
  [CloseCode.BAD_SENSOR_TOKEN]: 'collector refused the sensor token (unknown or revoked)',
  [CloseCode.UNSUPPORTED_VERSION]: "collector does not speak this agent's protocol version",
  [CloseCode.UNDECODABLE]: 'collector could not decode a frame from this agent',
  [CloseCode.WRONG_SENSOR]: 'collector says a frame named another sensor',
  [CloseCode.PROTOCOL_VIOLATION]: 'collector reports a protocol violation by this agent',
  [CloseCode.MESSAGE_TOO_BIG]: "a frame exceeded the collector's size limit",
};

/** Close codes after which a normal retry is right. */
const TRANSIENT: Record<number, string> = {
  1000: 'collector closed the connection',
  [CloseCode.GOING_AWAY]: 'collector is going away',
  1005: 'collector closed the connection without a code',
  1006: 'connection lost',
  1011: 'collector hit an unexpected condition',
  1012: 'collector is restarting',
  1013: 'collector asks to try again later',
  [CloseCode.INTERNAL_ERROR]: 'collector could not commit (internal error)',
};

const STANDARD_NAMES: Record<number, string> = {
  1000: 'NORMAL', 1005: 'NO_STATUS', 1006: 'ABNORMAL', 1011: 'SERVER_ERROR', 1012: 'SERVICE_RESTART', 1013: 'TRY_AGAIN_LATER',
};

export interface CloseFacts {
  code: number;
  /** Close frame reason text. */
  reason?: string;
  /** ErrorNotice received on this connection. */
  notice?: { code: string; message: string };
  /** Why the agent itself ended the connection (heartbeat, Welcome timeout, …). */
  local?: string;
  /** Socket or handshake error (ECONNREFUSED, TLS, HTTP 401 …). */
  error?: Error;
}

/**
 * Classifies a close. Unknown application codes (4000-4999) count as
 * refusals: a collector newer than this agent refused it for a reason this
 * agent cannot fix by hammering.
 */
export function describeClose(facts: CloseFacts): DisconnectReason {
  const { code } = facts;
  const named = closeCodeName(code);
  const codeName = named !== 'UNKNOWN' ? named : (STANDARD_NAMES[code] ?? `CODE_${code}`);
  const refused = !facts.local && (REFUSALS[code] !== undefined || (code >= 4000 && code <= 4999 && TRANSIENT[code] === undefined));
  const what = facts.local ?? REFUSALS[code] ?? TRANSIENT[code] ?? `collector closed the connection with code ${code}`;
  const detail = facts.notice?.message || facts.reason || (facts.local ? '' : facts.error?.message) || '';
  return {
    code,
    codeName,
    ...(facts.notice ? { noticeCode: facts.notice.code } : {}),
    message: detail ? `${what} (${codeName}): ${detail}` : `${what} (${codeName})`,
    refused,
  };
}
