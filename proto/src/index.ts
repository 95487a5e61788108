export {
  PROTOCOL_VERSION,
  DEFAULT_MAX_FRAME_BYTES,
  CloseCode,
  closeCodeName,
} from './protocol.js';
export type { CloseCodeValue } from './protocol.js';
export { encodeEnvelope, decodeEnvelope, ProtoDecodeError } from './codec.js';
export type { EnvelopeInit, BodyKind } from './codec.js';
export { pb } from './messages.js';
export type {
  Envelope,
  Hello,
  Welcome,
  Checkin,
  HostInfo,
  NetInterface,
  ProcessInfo,
  NetconnBatch,
  NetconnEvent,
  ExternalIpObservation,
  SpoolDropReport,
  Ack,
  ErrorNotice,
} from './messages.js';
