import { decodeEnvelope, encodeEnvelope, type EnvelopeInit } from '@pushtrace/proto';
import { AgentError } from '../errors.js';

/** Body kinds that are data (spooled, sequenced, acked). */
const DATA_KINDS = ['hostInfo', 'processInfo', 'netconnBatch', 'externalIp', 'commandResult'] as const;
/** Body kinds that are control (live only, seq 0): never spooled. */
const CONTROL_KINDS = ['hello', 'welcome', 'checkin', 'spoolDrops', 'ack', 'error', 'command'] as const;

/**
 * What a caller hands the spool: exactly one data body, e.g.
 * `{ netconnBatch: { events, sampledAtMs } }`. The spool fills in seq,
 * sentAtMs and sensorId (0: "the sensor of the connection that carries it";
 * the collector knows which sensor a connection authenticated as).
 */
export type SpoolBody = Omit<EnvelopeInit, 'protocolVersion' | 'sensorId' | 'seq' | 'sentAtMs'>;

/** Encodes `body` under `seq`; throws AGENT_E_SPOOL_NOT_DATA for anything but one data body. */
export function encodeSpoolBody(body: SpoolBody, seq: number, sentAtMs: number): Uint8Array {
  const present = [...DATA_KINDS, ...CONTROL_KINDS].filter((k) => body[k] !== undefined && body[k] !== null);
  if (present.length !== 1) {
    throw new AgentError('AGENT_E_SPOOL_NOT_DATA',
      `spool enqueue needs exactly one body, got ${present.length ? present.join(', ') : 'none'}`);
  }
  const kind = present[0]!;
  if ((CONTROL_KINDS as readonly string[]).includes(kind)) {
    throw new AgentError('AGENT_E_SPOOL_NOT_DATA', `${kind} is a control message (seq 0, live only); it is never spooled`);
  }
  return encodeEnvelope({ [kind]: body[kind], seq, sentAtMs, sensorId: 0 });
}

/**
 * Checks bytes made by an encoder callback: they must decode, carry a data
 * body and the seq the spool assigned — the collector dedups on that seq, so
 * a mismatch would silently lose or double a message.
 */
export function checkEncoded(bytes: Uint8Array, seq: number): void {
  let kind: string | undefined;
  let got: number;
  try {
    const envelope = decodeEnvelope(bytes);
    kind = envelope.body;
    got = envelope.seq as number;
  } catch (cause) {
    throw new AgentError('AGENT_E_SPOOL_NOT_DATA', `spool encoder returned bytes that are not an Envelope: ${(cause as Error).message}`, { cause });
  }
  if (!kind || !(DATA_KINDS as readonly string[]).includes(kind)) {
    throw new AgentError('AGENT_E_SPOOL_NOT_DATA', `spool encoder returned a ${kind ?? 'bodiless'} envelope; only data bodies are spooled`);
  }
  if (got !== seq) {
    throw new AgentError('AGENT_E_SPOOL_NOT_DATA', `spool encoder returned seq ${got}, the spool assigned ${seq}`);
  }
}
