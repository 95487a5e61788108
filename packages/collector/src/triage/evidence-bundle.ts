import { createHash } from 'node:crypto';
import type { DetectionConfig } from '../detect/types.js';
import type { AlertTriage, AuditRow, LiveCommandRow } from '../store/analyst-store.js';
import type { Store, StoredAlert } from '../store/store.js';
import { evidenceSpans, pushSpan } from './evidence-span.js';

/** One file of a bundle, exactly as written to disk. */
export interface BundleFile {
  name: string;
  sha256: string;
  bytes: number;
  text: string;
}

export interface EvidenceBundle {
  alert_id: number;
  created_at: string;
  files: BundleFile[];
}

export const BUNDLE_FORMAT = 'pushtrace-evidence-bundle/1';

/**
 * Gathers every record an alert rests on into self-describing JSON files,
 * each with its sha256, so a second analyst can check and read them with
 * nothing but `sha256sum -c SHA256SUMS` and a text editor.
 */
export async function buildEvidenceBundle(store: Store, alert: StoredAlert, triage: AlertTriage, config: DetectionConfig,
  nowMs: number): Promise<EvidenceBundle> {
  const spans = evidenceSpans(alert, config);
  const pushes = pushSpan(alert, config);
  const pushEvents = await store.listMfaEvents({ user: alert.user, fromMs: pushes.fromMs, toMs: pushes.toMs, includeNonPush: true });
  const sensors = await store.listSensors();
  const sessionsBySensor: Record<string, unknown> = {};
  const processGuids = new Map<number, Set<string>>();
  for (const span of spans) {
    const rows = await store.listSessions(span.sensorId, span.fromMs, span.toMs);
    sessionsBySensor[String(span.sensorId)] = rows;
    processGuids.set(span.sensorId, new Set(rows.map((r) => r.processGuid)));
  }
  const processes = [];
  for (const span of spans) {
    const wanted = processGuids.get(span.sensorId)!;
    const rows = await store.listProcesses({ sensorId: span.sensorId, sinceMs: span.fromMs });
    processes.push(...rows.filter((p) => wanted.has(p.processGuid)).map(({ netconns: _, ...p }) => p));
  }
  const ipHistory = [];
  for (const span of spans) ipHistory.push(...(await store.listIpHistory(span.sensorId)));
  const accessIpSightings = alert.access_ip === null ? [] : await store.listIpSightings(alert.access_ip, pushes.fromMs, pushes.toMs);
  const commands = await relatedCommands(store, alert, spans.map((s) => s.sensorId), pushes.fromMs);
  const audit: AuditRow[] = [];
  for (const c of commands) audit.push(...(await store.listAudit({ commandId: c.id })));

  const contents: Array<[string, unknown]> = [
    ['alert.json', { ...alert, triage }],
    ['pushes.json', pushEvents],
    ['sensors.json', sensors.filter((s) => spans.some((sp) => sp.sensorId === s.sensorId) || accessIpSightings.some((a) => a.sensorId === s.sensorId))],
    ['sessions.json', { spans, sessions_by_sensor: sessionsBySensor, clock: 'agent clock as sent; see sensors.json clockOffsetMs' }],
    ['processes.json', processes],
    ['ip-history.json', { sensor_history: ipHistory, access_ip_sightings: accessIpSightings }],
    ['live-response.json', commands],
    ['audit.json', audit],
  ];
  const files: BundleFile[] = contents.map(([name, value]) => bundleFile(name, `${JSON.stringify(value, null, 2)}\n`));
  const createdAt = new Date(nowMs).toISOString();
  files.push(bundleFile('manifest.json', `${JSON.stringify({
    format: BUNDLE_FORMAT,
    alert_id: alert.id,
    created_at: createdAt,
    files: files.map(({ name, sha256, bytes }) => ({ name, sha256, bytes })),
  }, null, 2)}\n`));
  // sha256sum's own format, so checking needs no pushtrace at all.
  files.push(bundleFile('SHA256SUMS', files.map((f) => `${f.sha256}  ${f.name}\n`).join('')));
  return { alert_id: alert.id, created_at: createdAt, files };
}

async function relatedCommands(store: Store, alert: StoredAlert, sensorIds: number[], fromMs: number): Promise<LiveCommandRow[]> {
  const byId = new Map<string, LiveCommandRow>();
  for (const c of await store.listCommands({ alertId: alert.id })) byId.set(c.id, c);
  for (const sensorId of sensorIds) {
    for (const c of await store.listCommands({ sensorId })) if (c.issuedAtMs >= fromMs) byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => a.issuedAtMs - b.issuedAtMs || a.id.localeCompare(b.id));
}

function bundleFile(name: string, text: string): BundleFile {
  const buf = Buffer.from(text, 'utf8');
  return { name, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length, text };
}
