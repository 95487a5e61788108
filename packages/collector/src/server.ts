import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { API_PREFIX, handleApiRequest, type ApiContext } from './api/api-handler.js';
import { tokenAuthenticator } from './api/auth.js';
import { sendConsolePlaceholder } from './api/console-placeholder.js';
import { sendError } from './api/respond.js';
import type { CollectorConfig } from './config/collector-config.js';
import { urlHost } from './config/listen-address.js';
import { CollectorError } from './errors.js';
import { DetectionRunner } from './detect/detection-runner.js';
import { AgentGateway } from './gateway/gateway.js';
import type { Store, StoredAlert } from './store/store.js';
import type { Command } from '@pushtrace/proto';
import type { CollectorKey } from './live-response/collector-key.js';
import { LiveResponseService } from './live-response/live-response-service.js';
import { observeAlertSaves, type AlertSaveObserver } from './store/alert-save-observer.js';
import type { AlertEventKind } from './forward/alert-event.js';

export const AGENT_PATH = '/agent';

export interface CollectorServerOptions {
  config: Pick<CollectorConfig, 'listen' | 'enrollSecret' | 'maxFrameBytes' | 'checkinIntervalS' | 'offlineGraceS' | 'detection'>;
  /** Opened and migrated by the caller, who also closes it after close(). */
  store: Store;
  log: Logger;
  /** SHA-256 (hex) of the admin API token. */
  adminTokenHash: string;
  /** The collector's own signing key for automatic `myip` confirmation; null turns it off. */
  collectorKey?: CollectorKey | null;
  /** Told whenever an alert opens, changes or is triaged (alert forwarding). */
  /** Every alert event; `mergedAlertId` with alert.merged only. */
  onAlertEvent?: (kind: AlertEventKind, alert: StoredAlert, mergedAlertId?: number) => void;
  /** Clock for the gateway and the API (status, look-backs). Default Date.now. */
  now?: () => number;
  /** Gateway knobs tests turn down; defaults suit production. */
  gateway?: {
    commitBatchMax?: number;
    helloTimeoutMs?: number;
    pingIntervalMs?: number;
    closeTimeoutMs?: number;
  };
}

export interface RunningCollector {
  /** Base URL, e.g. http://127.0.0.1:8650 (the real port when 0 was asked for). */
  readonly url: string;
  readonly port: number;
  readonly gateway: AgentGateway;
  /** Recomputes verdicts; MFA events from outside the API (the Duo poller) go in through it. */
  readonly detection: DetectionRunner;
  readonly liveResponse: LiveResponseService;
  /**
   * Graceful stop: no new connections, in-flight commits finish and are
   * acked, agents are closed with GOING_AWAY, the HTTP server closes. The
   * store stays open (its owner closes it).
   */
  close(): Promise<void>;
}

/**
 * The collector's one port: /agent (WebSocket), /api/v1/* (JSON API) and /
 * (the console). Resolves once listening, after logging
 * `{"msg":"collector listening","url":...}`.
 */
export async function startCollectorServer(options: CollectorServerOptions): Promise<RunningCollector> {
  const { config, store, log } = options;
  const now = options.now ?? Date.now;
  const lrLog = log.child({ component: 'live-response' });
  // Each saved alert goes out (forwarding) and, when it names a sensor, is confirmed there.
  const onAlertSaved: AlertSaveObserver = (kind, alert, mergedAlertId) => {
    options.onAlertEvent?.(kind, alert, mergedAlertId);
    // A merge changes no verdict: the survivor was (or is being) confirmed on its own save.
    if (kind === 'alert.merged') return;
    liveResponse.autoConfirm(alert).catch((err: unknown) => lrLog.error({ err, alertId: alert.id }, 'automatic myip confirmation failed'));
  };
  const detection = new DetectionRunner({
    store: observeAlertSaves(store, onAlertSaved), config: config.detection, log: log.child({ component: 'detect' }), now,
  });
  // The gateway is created below; until then nothing can be sent anyway.
  let sendCommand: (sensorId: number, command: Command) => boolean = () => false;
  const liveResponse = new LiveResponseService({
    store, log: lrLog, now, send: (sensorId, command) => sendCommand(sensorId, command), collectorKey: options.collectorKey ?? null,
  });
  const gateway = new AgentGateway({
    store,
    log: log.child({ component: 'gateway' }),
    enrollSecret: config.enrollSecret,
    checkinIntervalS: config.checkinIntervalS,
    maxFrameBytes: config.maxFrameBytes,
    now,
    onCommitted: (sensorId, messages) => {
      detection.noteTelemetry(sensorId, messages);
      liveResponse.noteCommitted(messages);
    },
    onCheckin: () => detection.noteCheckin(),
    onSensorReady: (sensorId) => {
      liveResponse.onSensorReady(sensorId).catch((err: unknown) => lrLog.error({ err, sensorId }, 'sending waiting commands failed'));
    },
    ...options.gateway,
  });
  sendCommand = (sensorId, command) => gateway.sendCommand(sensorId, command);
  liveResponse.start();
  const api: ApiContext = {
    store,
    detection,
    detectionConfig: config.detection,
    log: log.child({ component: 'api' }),
    authenticate: tokenAuthenticator(options.adminTokenHash, async (hash) => store.useApiToken(hash, now())),
    now,
    offlineGraceMs: config.offlineGraceS * 1000,
    isConnected: (id) => gateway.isConnected(id),
    liveResponse,
    collectorPublicKey: options.collectorKey?.publicKeyText ?? null,
    ...(options.onAlertEvent ? { alertChanged: options.onAlertEvent } : {}),
  };

  const server = createServer({ keepAliveTimeout: 5000 });
  server.on('request', (req, res) => {
    routeRequest(api, req, res).catch((err: unknown) => {
      log.error({ err, url: req.url }, 'request failed');
      if (!res.headersSent) sendError(res, 500, 'COLLECTOR_E_INTERNAL', 'internal error; see the collector log');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => log.debug({ err }, 'upgrade socket error'));
    if (pathOf(req) === AGENT_PATH) {
      gateway.handleUpgrade(req, socket, head);
    } else {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  });
  server.on('clientError', (err, socket) => {
    log.debug({ err }, 'malformed HTTP request');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });

  await listen(server, config.listen.host, config.listen.port);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(config.listen.host)}:${port}`;
  log.info({ url, port, agentUrl: `${url.replace(/^http/, 'ws')}${AGENT_PATH}` }, 'collector listening');

  let closing: Promise<void> | null = null;
  return {
    url,
    port,
    gateway,
    detection,
    liveResponse,
    close: () => {
      liveResponse.stop();
      closing ??= shutdown(server, gateway, log).then(() => detection.idle());
      return closing;
    },
  };
}

async function routeRequest(api: ApiContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://collector.invalid');
  if (url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)) {
    await handleApiRequest(api, req, res, url);
  } else if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    sendConsolePlaceholder(res);
  } else if (url.pathname === AGENT_PATH) {
    sendError(res, 426, 'COLLECTOR_E_NOT_FOUND', `${AGENT_PATH} speaks WebSocket only (the pushtrace agent protocol)`, { upgrade: 'websocket' });
  } else {
    sendError(res, 404, 'COLLECTOR_E_NOT_FOUND', `nothing at ${url.pathname}; the API is under ${API_PREFIX}/`);
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://collector.invalid').pathname;
}

const LISTEN_ERRORS: Record<string, string> = {
  EADDRINUSE: 'address already in use (EADDRINUSE): another process listens there',
  EACCES: 'permission denied (EACCES): ports below 1024 need privileges',
  EADDRNOTAVAIL: 'no such local address (EADDRNOTAVAIL)',
  ENOTFOUND: 'host name not found (ENOTFOUND)',
};

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      const why = LISTEN_ERRORS[err.code ?? ''] ?? err.message;
      reject(new CollectorError('COLLECTOR_E_LISTEN', `cannot listen on ${urlHost(host)}:${port}: ${why}`, { cause: err }));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

async function shutdown(server: Server, gateway: AgentGateway, log: Logger): Promise<void> {
  log.info('collector shutting down');
  const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await gateway.close();
  // API clients in the middle of a request get a moment, then are cut.
  const cut = setTimeout(() => server.closeAllConnections(), 2000);
  await serverClosed;
  clearTimeout(cut);
  log.info('collector stopped');
}
