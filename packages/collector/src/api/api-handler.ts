import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { CollectorError } from '../errors.js';
import type { ProcessFilter, Store } from '../store/store.js';
import type { Authenticator, Principal } from './auth.js';
import { toProcessView } from './process-view.js';
import { sendError, sendJson } from './respond.js';
import { toSensorView } from './sensor-view.js';
import { parseSince } from './since.js';

export interface ApiContext {
  store: Store;
  log: Logger;
  authenticate: Authenticator;
  now: () => number;
  offlineGraceMs: number;
  /** Whether a sensor has a live agent connection (from the gateway). */
  isConnected: (sensorId: number) => boolean;
}

interface RouteInput {
  readonly ctx: ApiContext;
  readonly principal: Principal;
  readonly query: URLSearchParams;
}

interface Route {
  /** Query parameters the route understands; any other is refused. */
  readonly params: readonly string[];
  readonly handle: (input: RouteInput) => Promise<unknown>;
}

export const API_PREFIX = '/api/v1';

/** Adding an endpoint is one entry here. */
const ROUTES: Record<string, Route> = {
  '/sensors': { params: [], handle: listSensors },
  '/processes': { params: ['sensor', 'since', 'limit'], handle: listProcesses },
};

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
  const route = ROUTES[url.pathname.slice(API_PREFIX.length).replace(/\/+$/, '')];
  if (route === undefined) {
    sendError(res, 404, 'COLLECTOR_E_NOT_FOUND', `no API endpoint ${url.pathname}`);
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendError(res, 405, 'COLLECTOR_E_METHOD_NOT_ALLOWED', `${req.method} is not allowed on ${url.pathname}; use GET`, { allow: 'GET, HEAD' });
    return;
  }
  try {
    for (const name of url.searchParams.keys()) {
      if (!route.params.includes(name)) {
        throw new CollectorError('COLLECTOR_E_BAD_PARAM',
          `query parameter ${name}: not known on ${url.pathname}${route.params.length ? ` (known: ${route.params.join(', ')})` : ''}`);
      }
    }
    sendJson(res, 200, await route.handle({ ctx, principal, query: url.searchParams }));
  } catch (err) {
    if (err instanceof CollectorError && err.code === 'COLLECTOR_E_BAD_PARAM') {
      sendError(res, 400, err.code, err.message);
      return;
    }
    ctx.log.error({ err, path: url.pathname }, 'API request failed');
    sendError(res, 500, 'COLLECTOR_E_INTERNAL', 'internal error; see the collector log');
  }
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

function positiveInteger(name: string, text: string, max: number): number {
  if (!/^\d{1,16}$/.test(text) || Number(text) < 1 || Number(text) > max) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `query parameter ${name}: "${text}" is not a whole number from 1 to ${max}`);
  }
  return Number(text);
}
