import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { CollectorError } from '../errors.js';
import type { ProcessFilter, Store } from '../store/store.js';
import type { Authenticator, Principal } from './auth.js';
import { toProcessView } from './process-view.js';
import { sendError, sendJson } from './respond.js';
import { toSensorView } from './sensor-view.js';
import { parseSince } from './since.js';
import { ingestLog, listAlerts, listLoops, showAlert } from './detection-routes.js';
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

interface Route {
  readonly method: 'GET' | 'POST';
  /** Query parameters the route understands; any other is refused. */
  readonly params: readonly string[];
  readonly handle: (input: RouteInput) => Promise<unknown>;
}

export const API_PREFIX = '/api/v1';

/** Largest request body accepted (an MFA log file), bytes. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

/** Adding an endpoint is one entry here; `:x` matches one path segment. */
const ROUTES: Record<string, Route> = {
  '/sensors': { method: 'GET', params: [], handle: listSensors },
  '/processes': { method: 'GET', params: ['sensor', 'since', 'limit'], handle: listProcesses },
  '/ingest/:source': { method: 'POST', params: ['format'], handle: ingestLog },
  '/alerts': { method: 'GET', params: ['limit'], handle: listAlerts },
  '/alerts/:id': { method: 'GET', params: [], handle: showAlert },
  '/loops': { method: 'GET', params: ['since', 'sensor'], handle: listLoops },
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
  const principal = ctx.authenticate(req);
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
    if (err instanceof CollectorError && (err.code === 'COLLECTOR_E_BAD_PARAM' || err.code === 'COLLECTOR_E_BAD_INPUT')) {
      sendError(res, 400, err.code, err.message);
      return;
    }
    if (err instanceof CollectorError && err.code === 'COLLECTOR_E_NOT_FOUND') {
      sendError(res, 404, err.code, err.message);
      return;
    }
    if (err instanceof CollectorError && err.code === 'COLLECTOR_E_TOO_LARGE') {
      sendError(res, 413, err.code, err.message);
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
