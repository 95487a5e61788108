/**
 * Every error the agent raises on purpose. Callers branch on `.code`, never
 * on message text; codes are never reused for another meaning.
 */
export type AgentErrorCode =
  /** Configuration (file, environment or flags) is invalid; the message names the field. */
  | 'AGENT_E_CONFIG'
  /** No resolver answered the myip.opendns.com lookup in time. */
  | 'AGENT_E_EXTERNAL_IP'
  /** ws:// to a non-loopback collector without --allow-insecure. */
  | 'AGENT_E_INSECURE_URL'
  /** Command output (ss, netstat, /proc) that cannot be parsed; the message names the line. */
  | 'AGENT_E_PARSE'
  /** Spool files unreadable or unwritable. */
  | 'AGENT_E_SPOOL_IO'
  /** Another live process (pid in the message) holds the spool directory's lock. */
  | 'AGENT_E_SPOOL_LOCKED'
  /** The spool's state file was changed by something other than the spool; the message names the field. */
  | 'AGENT_E_SPOOL_CORRUPT'
  /** An encoded message is larger than the spool (and the collector) accepts. */
  | 'AGENT_E_SPOOL_RECORD_TOO_LARGE'
  /** Something other than exactly one data body was given to the spool (control messages are never spooled). */
  | 'AGENT_E_SPOOL_NOT_DATA'
  /** The spool was used after close(). */
  | 'AGENT_E_SPOOL_CLOSED'
  /** The state directory (sensor token, install id) is unreadable or unwritable. */
  | 'AGENT_E_STATE'
  /** A socket sampler was used after close(). */
  | 'AGENT_E_SAMPLER_CLOSED'
  /** The platform's socket source failed: /proc tables unreadable, systeminformation threw. */
  | 'AGENT_E_SAMPLER_FAILED'
  /** A live-response verb could not do what it was asked (no such process, lookup failed); the message goes to the operator. */
  | 'AGENT_E_LIVE_RESPONSE';

export class AgentError extends Error {
  readonly code: AgentErrorCode;

  constructor(code: AgentErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AgentError';
    this.code = code;
  }
}
