/**
 * Failures of a socket sampler that are not bad input (bad input is
 * AgentError AGENT_E_PARSE, bad options AGENT_E_CONFIG).
 *
 * These codes belong in ../errors.ts with the other AGENT_E_ codes; they live
 * here only until that file gains them, and the class then becomes AgentError.
 */
export type SamplerErrorCode =
  /** sample() after close(). */
  | 'AGENT_E_SAMPLER_CLOSED'
  /** The platform source failed: /proc tables unreadable, worker died, systeminformation threw. */
  | 'AGENT_E_SAMPLER_FAILED';

export class SamplerError extends Error {
  readonly code: SamplerErrorCode;

  constructor(code: SamplerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SamplerError';
    this.code = code;
  }
}
