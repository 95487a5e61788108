export {
  PROTOCOL_VERSION,
  DEFAULT_MAX_FRAME_BYTES,
  CloseCode,
  closeCodeName,
} from './protocol.js';
export type { CloseCodeValue } from './protocol.js';
export { encodeEnvelope, decodeEnvelope, ProtoDecodeError } from './codec.js';
export type { EnvelopeInit, BodyKind } from './codec.js';
export { pb, CommandStatus } from './messages.js';
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
  Command,
  CommandResult,
  CommandStatusValue,
} from './messages.js';
export {
  COMMAND_SIGNING_DOMAIN,
  commandSigningBytes,
  commandSigningFields,
  signCommand,
  verifyCommandSignature,
  CommandSigningError,
} from './command-signing.js';
export type { CommandSigningFields } from './command-signing.js';
export {
  ED25519_ONE_LINE_PREFIX,
  parseEd25519PublicKey,
  formatEd25519PublicKey,
  parseEd25519PrivateKey,
} from './ed25519-key.js';
