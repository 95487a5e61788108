// Public surface of @pushtrace/collector. Explicit names only.
export { CollectorError, isCollectorError } from './errors.js';
export type { CollectorErrorCode } from './errors.js';

export { loadCollectorConfig, LOG_LEVELS } from './config/collector-config.js';
export type { CollectorConfig, CollectorFlags, LogLevel } from './config/collector-config.js';
export { loadClientConfig, DEFAULT_SERVER } from './config/client-config.js';
export type { ClientConfig, ClientFlags } from './config/client-config.js';
export { parseListenAddress } from './config/listen-address.js';
export type { ListenAddress } from './config/listen-address.js';

export { startCollectorServer, AGENT_PATH } from './server.js';
export type { CollectorServerOptions, RunningCollector } from './server.js';
export { AgentGateway } from './gateway/gateway.js';
export type { GatewayOptions } from './gateway/gateway.js';
export { hashToken } from './gateway/secrets.js';

export { resolveAdminToken, adminTokenHashFile } from './api/admin-token.js';
export type { AdminTokenSetup } from './api/admin-token.js';
export { tokenAuthenticator, roleAllows, ADMIN_TOKEN_NAME } from './api/auth.js';
export type { Authenticator, Principal } from './api/auth.js';
export { toSensorView, sensorStatus } from './api/sensor-view.js';
export type { SensorView, SensorStatus } from './api/sensor-view.js';
export { toProcessView } from './api/process-view.js';
export type { ProcessView, NetconnView } from './api/process-view.js';
export { parseSince } from './api/since.js';

export { runCli } from './cli/run.js';
export type { CliIo, Command } from './cli/cli-io.js';

export type { Store } from './store/store.js';

// Demo parts, also used by the end-to-end tests so both stage the same story.
export { DnsResponder, MYIP_NAME } from './demo/dns-responder.js';
export type { DnsResponderOptions, ReceivedQuery } from './demo/dns-responder.js';
export { makeStandInExecutable, RECONNECT_SCRIPT } from './demo/stand-in-program.js';
export type { StandInExecutable } from './demo/stand-in-program.js';
export type { DuoAuthlogRecord } from './demo/sftp-stand-in.js';
