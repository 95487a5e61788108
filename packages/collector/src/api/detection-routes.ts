import { findReconnectLoops } from '../detect/reconnect-loops.js';
import { toSessionRecord } from '../detect/session-record.js';
import type { ReconnectLoop } from '../detect/types.js';
import { CollectorError } from '../errors.js';
import { ingestEvents } from '../ingest/ingest-service.js';
import { parseMfaLog } from '../ingest/parse-mfa-log.js';
import type { MfaSource } from '../ingest/mfa-event.js';
import { positiveInteger, type RouteInput } from './api-handler.js';
import { parseSince } from './since.js';
import { withConfirmation } from '../live-response/alert-confirmation.js';

const SOURCES: readonly MfaSource[] = ['duo', 'okta', 'entra'];
const FORMATS = ['auto', 'json', 'csv'] as const;
const DEFAULT_ALERT_LIMIT = 200;
const MAX_ALERT_LIMIT = 10_000;
/** How far back `GET /loops` looks by default. */
const DEFAULT_LOOP_LOOKBACK = '1h';

/** POST /ingest/:source — an MFA log file in the body; good records go in, bad ones are listed. */
export async function ingestLog({ ctx, path, query, body }: RouteInput): Promise<unknown> {
  const source = path[0] as MfaSource;
  if (!SOURCES.includes(source)) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `ingest source "${path[0]}": not known (known: ${SOURCES.join(', ')})`);
  }
  const format = (query.get('format') ?? 'auto') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `query parameter format: "${format}" is not one of ${FORMATS.join(', ')}`);
  }
  const parsed = parseMfaLog(body, { source, format });
  const outcome = await ingestEvents(ctx.store, ctx.detection, parsed.events, parsed.rejected);
  ctx.log.info({ source, received: outcome.received, stored: outcome.stored, rejected: outcome.rejected.length, alerts: outcome.alerts.length }, 'MFA log ingested');
  return {
    received: outcome.received,
    stored: outcome.stored,
    duplicates: outcome.duplicates,
    rejected: outcome.rejected,
    alerts: outcome.alerts.map((a) => ({ id: a.id, verdict: a.verdict, user: a.user })),
  };
}

export async function listAlerts({ ctx, query }: RouteInput): Promise<unknown> {
  const limitText = query.get('limit');
  const limit = limitText === null ? DEFAULT_ALERT_LIMIT : positiveInteger('limit', limitText, MAX_ALERT_LIMIT);
  await ctx.detection.idle();
  const alerts = await ctx.store.listAlerts({ limit });
  return { alerts: await Promise.all(alerts.map((a) => withConfirmation(ctx.store, a))) };
}

export async function showAlert({ ctx, path }: RouteInput): Promise<unknown> {
  const id = positiveInteger('alert id', path[0] ?? '', Number.MAX_SAFE_INTEGER);
  await ctx.detection.idle();
  const alert = await ctx.store.getAlert(id);
  if (alert === null) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no alert ${id}`);
  const triage = await ctx.store.getAlertTriage(id);
  return { alert: { ...(await withConfirmation(ctx.store, alert)), notes: triage?.notes ?? [] } };
}

/** GET /loops — reconnect loops in telemetry alone, no MFA data needed. */
export async function listLoops({ ctx, query }: RouteInput): Promise<unknown> {
  const nowMs = ctx.now();
  const sinceMs = parseSince(query.get('since') ?? DEFAULT_LOOP_LOOKBACK, nowMs, 'query parameter since');
  const sensorText = query.get('sensor');
  const sensors = await ctx.store.listSensors();
  const wanted = sensorText === null ? sensors : sensors.filter((s) => s.sensorId === positiveInteger('sensor', sensorText, Number.MAX_SAFE_INTEGER));
  const loops: ReconnectLoop[] = [];
  for (const sensor of wanted) {
    const offset = sensor.clockOffsetMs ?? 0;
    const rows = await ctx.store.listSessions(sensor.sensorId, sinceMs + offset, nowMs + offset);
    const sessions = rows.map((row) => toSessionRecord(row, offset));
    loops.push(...findReconnectLoops(sessions, () => sensor.hostname, ctx.detectionConfig));
  }
  return {
    loops: loops.map((loop) => ({
      sensor_id: loop.sensorId,
      hostname: loop.hostname,
      process: loop.process,
      destination: loop.destination,
      sessions: loop.sessionsOpenedMs.length,
      first_session: new Date(loop.sessionsOpenedMs[0]!).toISOString(),
      last_session: new Date(loop.sessionsOpenedMs.at(-1)!).toISOString(),
      process_endpoints: loop.processEndpoints,
      busy: loop.busy,
    })),
  };
}
