import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { CollectorError, type CollectorErrorCode } from '../errors.js';
import type { ProcessFilter, Store, StoredAlert } from '../store/store.js';
import { roleAllows, type Authenticator, type Principal } from './auth.js';
import { toProcessView } from './process-view.js';
import { sendError, sendJson } from './respond.js';
import { toSensorView } from './sensor-view.js';
import { parseSince } from './since.js';
import { ingestLog, listAlerts, listLoops, showAlert } from './detection-routes.js';
import { alertBundleRoute, triageAlertRoute } from './triage-routes.js';
import { isQueryError } from '../query/query-error.js';
import { queryErrorBody, searchProcessesRoute, searchSensorsRoute, withSearch } from './query-routes.js';
import {
  collectorKeyRoute, getCommandRoute, issueCommandRoute, listAuditRoute, listCommandsRoute, onCommandForbidden,
} from './live-response-routes.js';
import type { LiveResponseService } from '../live-response/live-response-service.js';
import type { AlertEventKind } from '../forward/alert-event.js';
import { createTokenRoute, listTokensRoute, revokeTokenRoute, whoAmI } from './token-routes.js';
import type { Role } from '../store/analyst-store.js';
import type { DetectionRunner } from '../detect/detection-runner.js';
import type { DetectionConfig } from '../detect/types.js';

export interface ApiContext {
  store: Store;
  /** Detection: ingestion recomputes verdicts through it. */
  detection: DetectionRunner;
  detectionConfig: DetectionConfig;
  log: Logger;
  authenticate: Authenticator;
  now: () => number;
  offlineGraceMs: number;
  liveResponse: LiveResponseService;
  /** The collector's own public key (`ed25519:…`) for automatic confirmation; null when that is off. */
  collectorPublicKey: string | null;
  /** Tells the outside world (alert forwarding) that an alert changed; absent when nothing listens. */
  alertChanged?: (kind: AlertEventKind, alert: StoredAlert) => void;
  /** Whether a sensor has a live agent connection (from the gateway). */
  isConnected: (sensorId: number) => boolean;
}

export interface RouteInput {
  readonly ctx: ApiContext;
  readonly principal: Principal;
  readonly query: URLSearchParams;
  /** Parts of the path matched by the route's pattern (e.g. an alert id). */
  readonly path: readonly string[];
  /** Request body as text (POST routes only). */
  readonly body: string;
}

export interface Route {
  readonly method: 'GET' | 'POST';
  /** The least role that may call it: viewer reads, responder acts (triage, ingest, live response), admin manages tokens and reads the audit log. */
  readonly role: Role;
  /** Query parameters the route understands; any other is refused. */
  readonly params: readonly string[];
  readonly handle: (input: RouteInput) => Promise<unknown>;
  /** Called when a caller without the role is refused (live response records the attempt). */
  readonly onForbidden?: (ctx: ApiContext, principal: Principal, path: readonly string[]) => Promise<void>;
}

export const API_PREFIX = '/api/v1';

/** Errors a caller can act on, and their HTTP status; anything else is a 500 with the detail kept in the log. */
const STATUS_OF_CODE: Partial<Record<CollectorErrorCode, number>> = {
  COLLECTOR_E_BAD_PARAM: 400,
  COLLECTOR_E_BAD_INPUT: 400,
  COLLECTOR_E_FORBIDDEN: 403,
  COLLECTOR_E_NOT_FOUND: 404,
  COLLECTOR_E_CONFLICT: 409,
  COLLECTOR_E_TOO_LARGE: 413,
};

/** Largest request body accepted (an MFA log file), bytes. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Adding an endpoint is one entry here; `:x` matches one path segment. */
export const ROUTES: Readonly<Record<string, Route>> = {
  '/sensors': { method: 'GET', role: 'viewer', params: ['q'], handle: withSearch(searchSensorsRoute, listSensors, []) },
  '/processes': {
    method: 'GET', role: 'viewer', params: ['sensor', 'since', 'limit', 'q', 'sort', 'offset'],
    handle: withSearch(searchProcessesRoute, listProcesses, ['sort', 'offset']),
  },
  '/ingest/:source': { method: 'POST', role: 'responder', params: ['format'], handle: ingestLog },
  '/alerts': { method: 'GET', role: 'viewer', params: ['limit'], handle: listAlerts },
  '/alerts/:id': { method: 'GET', role: 'viewer', params: [], handle: showAlert },
  '/alerts/:id/triage': { method: 'POST', role: 'responder', params: [], handle: triageAlertRoute },
  '/alerts/:id/bundle': { method: 'GET', role: 'viewer', params: [], handle: alertBundleRoute },
  '/loops': { method: 'GET', role: 'viewer', params: ['since', 'sensor'], handle: listLoops },
  '/tokens': { method: 'GET', role: 'admin', params: [], handle: listTokensRoute },
  '/tokens/create': { method: 'POST', role: 'admin', params: [], handle: createTokenRoute },
  '/tokens/revoke': { method: 'POST', role: 'admin', params: [], handle: revokeTokenRoute },
  '/whoami': { method: 'GET', role: 'viewer', params: [], handle: whoAmI },
  '/sensors/:id/commands': { method: 'POST', role: 'responder', params: [], handle: issueCommandRoute, onForbidden: onCommandForbidden },
  '/commands': { method: 'GET', role: 'responder', params: ['sensor', 'alert', 'limit'], handle: listCommandsRoute },
  '/commands/:id': { method: 'GET', role: 'responder', params: ['wait'], handle: getCommandRoute },
  '/audit': { method: 'GET', role: 'admin', params: ['limit', 'sensor', 'command'], handle: listAuditRoute },
  '/collector-key': { method: 'GET', role: 'viewer', params: [], handle: collectorKeyRoute },
};

const COMPILED = Object.entries(ROUTES).map(([pattern, route]) => ({
  route,
  regex: new RegExp(`^${pattern.replace(/:[a-z]+/g, '([^/]+)')}$`),
}));

function matchRoute(path: string): { route: Route; params: string[] } | undefined {
  for (const { route, regex } of COMPILED) {
    const match = regex.exec(path);
    if (match !== null) return { route, params: match.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

const DEFAULT_PROCESS_LIMIT = 1000;
const MAX_PROCESS_LIMIT = 10_000;

/** Handles one request under /api/v1: authenticate, route, answer JSON. */
export async function handleApiRequest(ctx: ApiContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const principal = await ctx.authenticate(req);
  if (principal === null) {
    sendError(res, 401, 'COLLECTOR_E_UNAUTHENTICATED',
      'missing or wrong API token: send "Authorization: Bearer <token>"', { 'www-authenticate': 'Bearer realm="pushtrace"' });
    return;
  }
  const matched = matchRoute(url.pathname.slice(API_PREFIX.length).replace(/\/+$/, ''));
  if (matched === undefined) {
    sendError(res, 404, 'COLLECTOR_E_NOT_FOUND', `no API endpoint ${url.pathname}`);
    return;
  }
  const { route } = matched;
  const allowed = route.method === 'GET' ? ['GET', 'HEAD'] : ['POST'];
  if (!allowed.includes(req.method ?? '')) {
    sendError(res, 405, 'COLLECTOR_E_METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname}; use ${route.method}`, { allow: allowed.join(', ') });
    return;
  }
  if (!roleAllows(principal.role, route.role)) {
    await route.onForbidden?.(ctx, principal, matched.params);
    sendError(res, 403, 'COLLECTOR_E_FORBIDDEN',
      `${req.method} ${url.pathname} needs role ${route.role} or above; token "${principal.name}" has role ${principal.role}`);
    return;
  }
  try {
    for (const name of url.searchParams.keys()) {
      if (!route.params.includes(name)) {
        throw new CollectorError('COLLECTOR_E_BAD_PARAM',
          `query parameter ${name}: not known on ${url.pathname}${route.params.length ? ` (known: ${route.params.join(', ')})` : ''}`);
      }
    }
    const body = route.method === 'POST' ? await readBody(req) : '';
    sendJson(res, 200, await route.handle({ ctx, principal, query: url.searchParams, path: matched.params, body }));
  } catch (err) {
    if (isQueryError(err)) {
      sendJson(res, 400, queryErrorBody(err));
      return;
    }
    const status = err instanceof CollectorError ? STATUS_OF_CODE[err.code] : undefined;
    if (status !== undefined) {
      sendError(res, status, (err as CollectorError).code, (err as CollectorError).message);
      return;
    }
    ctx.log.error({ err, path: url.pathname }, 'API request failed');
    sendError(res, 500, 'COLLECTOR_E_INTERNAL', 'internal error; see the collector log');
  }
}

/** The request body as UTF-8 text, refusing more than MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      throw new CollectorError('COLLECTOR_E_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes; split the file`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function listSensors({ ctx }: RouteInput): Promise<unknown> {
  const nowMs = ctx.now();
  const rows = await ctx.store.listSensors();
  return {
    now: new Date(nowMs).toISOString(),
    sensors: rows.map((row) => toSensorView(row, { nowMs, offlineGraceMs: ctx.offlineGraceMs, connected: ctx.isConnected(row.sensorId) })),
  };
}

async function listProcesses({ ctx, query }: RouteInput): Promise<unknown> {
  const filter: ProcessFilter = { limit: DEFAULT_PROCESS_LIMIT };
  const sensor = query.get('sensor');
  if (sensor !== null) filter.sensorId = positiveInteger('sensor', sensor, Number.MAX_SAFE_INTEGER);
  const since = query.get('since');
  if (since !== null) filter.sinceMs = parseSince(since, ctx.now(), 'query parameter since');
  const limit = query.get('limit');
  if (limit !== null) filter.limit = positiveInteger('limit', limit, MAX_PROCESS_LIMIT);
  const [rows, sensors] = await Promise.all([ctx.store.listProcesses(filter), ctx.store.listSensors()]);
  const hostnames = new Map(sensors.map((s) => [s.sensorId, s.hostname]));
  return { processes: rows.map((row) => toProcessView(row, hostnames.get(row.sensorId) ?? null)) };
}

export function positiveInteger(name: string, text: string, max: number): number {
  if (!/^\d{1,16}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `query parameter ${name}: "${text}" is not a whole number from 1 to ${max}`);
  }
  return Number(text);
}
