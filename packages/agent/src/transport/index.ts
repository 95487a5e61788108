export { AgentConnection } from './connection.js';
export type {
  AgentConnectionOptions, ConnectedInfo, ConnectionEvents, ConnectionState, ControlBody,
} from './connection.js';
export { Backoff } from './backoff.js';
export type { BackoffOptions } from './backoff.js';
export type { DisconnectReason } from './close-reasons.js';
export { agentEndpoint } from './collector-url.js';
export { loadIdentity, SENSOR_FILE } from './sensor-identity.js';
export type { SensorIdentity } from './sensor-identity.js';
