import { pb, type Envelope } from './messages.js';
import { PROTOCOL_VERSION } from './protocol.js';
import type { pushtrace } from '../gen/pushtrace.js';

/** Names of the Envelope body oneof ("hello", "netconnBatch", ...). */
export type BodyKind = NonNullable<pushtrace.v1.Envelope['body']>;

/** What callers give to encodeEnvelope: the envelope fields plus one body. */
export type EnvelopeInit = pushtrace.v1.Envelope.$Properties;

/** A frame that is not a well-formed Envelope. `code` is stable. */
export class ProtoDecodeError extends Error {
  readonly code: 'PROTO_E_UNDECODABLE' | 'PROTO_E_NO_BODY';
  constructor(code: ProtoDecodeError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProtoDecodeError';
    this.code = code;
  }
}

/**
 * Encodes one Envelope. protocol_version defaults to this build's; a caller
 * only sets it to test what a peer does with another one.
 */
export function encodeEnvelope(init: EnvelopeInit): Uint8Array {
  const message = pb.Envelope.create({ protocolVersion: PROTOCOL_VERSION, ...init });
  return pb.Envelope.encode(message).finish();
}

/**
 * Decodes one frame. Throws ProtoDecodeError for bytes that are not an
 * Envelope or carry no body; the protocol version is the caller's to judge,
 * because only the caller knows how to answer it.
 */
export function decodeEnvelope(bytes: Uint8Array): Envelope {
  let envelope: Envelope;
  try {
    envelope = pb.Envelope.decode(bytes);
  } catch (cause) {
    throw new ProtoDecodeError('PROTO_E_UNDECODABLE',
      `frame of ${bytes.length} bytes is not a pushtrace Envelope: ${(cause as Error).message}`, { cause });
  }
  if (envelope.body === undefined) {
    throw new ProtoDecodeError('PROTO_E_NO_BODY',
      `Envelope (sensor ${envelope.sensorId}, seq ${envelope.seq}) carries no body`);
  }
  return envelope;
}
