import type { InterfaceAddress } from '../wire-values.js';
import type { Statements } from './statements.js';

/**
 * The sensor's external IPs form a timeline of stretches ordered by
 * first_seen_ms (A, then B, then A again is three rows). An observation at
 * `atMs` joins the stretch it falls in when the IP matches, otherwise the
 * next stretch if that one has its IP (a late replay arriving after a
 * checkin already opened the stretch), and otherwise starts a stretch of its
 * own. Replays arrive late and out of order, so a stretch older than the
 * latest one never becomes current. Times are the agent's clock, like the
 * netconns they are matched against.
 */
export function observeExternalIp(st: Statements, sensorId: number, ip: string, atMs: number): void {
  const before = st.externalAtOrBefore.get(sensorId, atMs);
  if (before !== undefined && before.ip === ip) {
    st.extendIpRow.run({ id: before.id, atMs });
    return;
  }
  const after = st.externalAfter.get(sensorId, atMs);
  if (after !== undefined && after.ip === ip) {
    st.startIpRowEarlier.run({ id: after.id, atMs });
    return;
  }
  const isLatest = after === undefined;
  if (isLatest) st.clearCurrentIp.run(sensorId, 'external');
  st.insertIpRow.run({ sensorId, kind: 'external', ip, iface: '', atMs, isCurrent: isLatest ? 1 : 0 });
}

/**
 * Applies the interface addresses of a HostInfo newer than any applied
 * before: addresses still present are extended, vanished ones stop being
 * current (their last_seen stays where it was last confirmed), new ones
 * open a row. An address that comes back later opens a new row.
 */
export function observeInterfaces(st: Statements, sensorId: number, addresses: readonly InterfaceAddress[], atMs: number): void {
  const key = (a: { iface: string; ip: string }): string => `${a.iface}\u0000${a.ip}`;
  const wanted = new Set(addresses.map(key));
  const current = new Set<string>();
  for (const row of st.currentInterfaceRows.all(sensorId)) {
    if (wanted.has(key(row)) && !current.has(key(row))) {
      st.extendIpRow.run({ id: row.id, atMs });
      current.add(key(row));
    } else {
      st.endIpRow.run(row.id);
    }
  }
  for (const a of addresses) {
    if (current.has(key(a))) continue;
    st.insertIpRow.run({ sensorId, kind: 'interface', ip: a.ip, iface: a.iface, atMs, isCurrent: 1 });
  }
}

/**
 * A checkin confirms the present: the external IP it names, and the current
 * interface addresses (the agent sends HostInfo on change, so silence means
 * "unchanged").
 */
export function confirmOnCheckin(st: Statements, sensorId: number, externalIp: string, atMs: number): void {
  if (externalIp !== '') observeExternalIp(st, sensorId, externalIp, atMs);
  st.extendCurrentInterfaces.run({ sensorId, atMs });
}
