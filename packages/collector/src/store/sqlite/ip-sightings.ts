import type Database from 'better-sqlite3';
import { checkTimeRange } from '../input-checks.js';
import type { IpSightingRow } from '../store.js';
import { normaliseIp } from '../wire-values.js';

interface SightingDbRow {
  sensor_id: number;
  hostname: string;
  kind: IpSightingRow['kind'];
  ip: string;
  first_seen_ms: number;
  last_seen_ms: number;
  is_current: number;
  clock_offset_ms: number | null;
}

/**
 * A current row (the sensor's latest external stretch, or an address its
 * newest HostInfo still lists) is taken to last until the sensor's last
 * checkin. A checkin extends current rows itself only when it confirms
 * them: the interface rows always, the external row only when the checkin
 * names the IP — and an agent whose OpenDNS lookup failed or is not due
 * sends none. Its checkin still says "alive, nothing reported changed", so
 * its IP is presumed to hold until then. last_checkin_ms is in the
 * collector's clock; adding clock_offset_ms (agent − collector; 0 while
 * unknown) puts it in the agent's clock, like the rest of the row.
 */
const LAST_SEEN = `CASE
    WHEN h.is_current = 1 AND s.last_checkin_ms IS NOT NULL
      AND s.last_checkin_ms + COALESCE(s.clock_offset_ms, 0) > h.last_seen_ms
    THEN s.last_checkin_ms + COALESCE(s.clock_offset_ms, 0)
    ELSE h.last_seen_ms END`;

/** listIpSightings for one database: a seek on ip_history (ip, first_seen_ms), then the overlap test. */
export function makeIpSightingLister(db: Database.Database): (ip: string, fromMs: number, toMs: number) => IpSightingRow[] {
  const sightings = db.prepare<[{ ip: string; fromMs: number; toMs: number }], SightingDbRow>(
    `SELECT x.sensor_id, x.hostname, x.kind, x.ip, x.first_seen_ms, x.last_seen_ms, x.is_current, x.clock_offset_ms
     FROM (
       SELECT h.id, h.sensor_id, s.hostname, h.kind, h.ip, h.first_seen_ms, ${LAST_SEEN} AS last_seen_ms,
         h.is_current, s.clock_offset_ms
       FROM ip_history h JOIN sensors s ON s.id = h.sensor_id
       WHERE h.ip = @ip AND h.first_seen_ms <= @toMs
     ) x
     WHERE x.last_seen_ms >= @fromMs
     ORDER BY x.sensor_id, x.kind, x.first_seen_ms, x.id`);

  return (ip, fromMs, toMs) => {
    checkTimeRange('listIpSightings', fromMs, toMs);
    // Stored IPs are normalised; so is the question. Something that is not
    // an IP (a log's odd access_device value) was never any sensor's.
    const wanted = normaliseIp(ip);
    if (wanted === '') return [];
    return sightings.all({ ip: wanted, fromMs, toMs }).map((r) => ({
      sensorId: r.sensor_id,
      hostname: r.hostname,
      kind: r.kind,
      ip: r.ip,
      firstSeenMs: r.first_seen_ms,
      lastSeenMs: r.last_seen_ms,
      current: r.is_current === 1,
      clockOffsetMs: r.clock_offset_ms,
    }));
  };
}
