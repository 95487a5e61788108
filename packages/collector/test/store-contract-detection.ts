// The store's reads for detection (IP sightings, sessions), ProcessInfo's
// exe_deleted, and migrating a version-1 store. Run by storeContract().
import { describe, expect, it } from 'vitest';
import { pb } from '@pushtrace/proto';
import type { SessionRow, SessionSummary, SessionSummaryQuery, Store } from '../src/store/store.js';
import { prng } from './detect-fixtures.js';
import { T0, checkin, conn, externalIp, hostInfo, netconns, processInfo, useStores, type StoreBackend } from './store-fixtures.js';

const { Kind, Protocol, Direction } = pb.NetconnEvent;
const DAY = 86_400_000;

export function detectionStoreContract(name: string, backend: StoreBackend): void {
  describe(`Store contract: ${name}: detection reads`, () => {
    const { fresh, withSensor, nextKey } = useStores(backend.makeStore, 'detection');

    it('finds the sensors that held an IP in a time range, extending current rows to the last checkin', async () => {
      const store = await fresh();
      const X = '198.51.100.7';
      const Y = '203.0.113.50';
      const a = await store.createSensor({ tokenHash: 'a', hostname: 'laptop-a', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const b = await store.createSensor({ tokenHash: 'b', hostname: 'laptop-b', agentVersion: '0.1.0', enrolledAtMs: T0 });
      // A: X from T0 to T0+100s, then Y (current). Its checkin names no IP (lookup not due).
      await store.commitMessages(a, [externalIp(1, X, T0), externalIp(2, X, T0 + 100_000), externalIp(3, Y, T0 + 200_000)], T0);
      await store.recordCheckin(a, checkin(T0 + 600_000));
      // B: behind the same NAT from T0+50s (current); its clock runs 2 s ahead.
      await store.commitMessages(b, [
        externalIp(1, X, T0 + 50_000),
        hostInfo(2, 'laptop-b.corp', [{ name: 'eth0', addresses: ['10.0.0.5/24', '2001:db8::5/64'] }], T0 + 10_000),
      ], T0);
      const R = T0 + 300_000;
      await store.recordCheckin(b, checkin(R, { sentAtMs: R + 2000 }));

      const aOnX = { sensorId: a, hostname: 'laptop-a', kind: 'external', ip: X, firstSeenMs: T0, lastSeenMs: T0 + 100_000,
        current: false, clockOffsetMs: 0 };
      // B's row itself ends at T0+50s; its last checkin (R, collector clock) is R+2000 in its own.
      const bOnX = { sensorId: b, hostname: 'laptop-b.corp', kind: 'external', ip: X, firstSeenMs: T0 + 50_000, lastSeenMs: R + 2000,
        current: true, clockOffsetMs: 2000 };
      expect(await store.listIpSightings(X, T0 + 60_000, T0 + 70_000)).toEqual([aOnX, bOnX]);
      // Bounds are inclusive on both sides.
      expect(await store.listIpSightings(X, T0 + 100_000, T0 + 100_000)).toEqual([aOnX, bOnX]);
      expect(await store.listIpSightings(X, R + 2000, R + 90_000)).toEqual([bOnX]);
      expect(await store.listIpSightings(X, T0 - 1000, T0)).toEqual([aOnX]);
      // Between A's stretches of X and Y, A had no known IP X; after B's last checkin, nobody is known to.
      expect(await store.listIpSightings(X, T0 + 150_000, T0 + 160_000)).toEqual([bOnX]);
      expect(await store.listIpSightings(X, R + 2001, R + 90_000)).toEqual([]);
      expect(await store.listIpSightings(X, T0 - 1000, T0 - 1)).toEqual([]);
      // A's current IP lasts until its checkin although the checkin did not name it.
      expect(await store.listIpSightings(Y, T0 + 500_000, T0 + 500_000)).toEqual([
        { sensorId: a, hostname: 'laptop-a', kind: 'external', ip: Y, firstSeenMs: T0 + 200_000, lastSeenMs: T0 + 600_000, current: true, clockOffsetMs: 0 },
      ]);
      // Interface addresses count too; the question's spelling of an IPv6 address does not matter.
      expect(await store.listIpSightings('2001:DB8::5', T0 + 20_000, T0 + 20_000)).toEqual([
        { sensorId: b, hostname: 'laptop-b.corp', kind: 'interface', ip: '2001:db8::5', firstSeenMs: T0 + 10_000, lastSeenMs: R + 2000,
          current: true, clockOffsetMs: 2000 },
      ]);
      expect(await store.listIpSightings('not-an-ip', T0, T0 + DAY)).toEqual([]);
      await expect(store.listIpSightings(X, Number.NaN, T0)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED',
        message: expect.stringContaining('fromMs') });
    });

    it('lists a sensor\'s sessions in a time range with their process, or none known', async () => {
      const store = await fresh();
      const s1 = await store.createSensor({ tokenHash: 's1', hostname: 'laptop-1', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const s2 = await store.createSensor({ tokenHash: 's2', hostname: 'laptop-2', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const s3 = await store.createSensor({ tokenHash: 's3', hostname: 'laptop-3', agentVersion: '0.1.0', enrolledAtMs: T0 });
      await store.commitMessages(s1, [
        processInfo(1, 'g-winscp', 'WinSCP.exe', { pid: 24548, startTimeMs: T0 - 7 * DAY, path: 'C:\\Program Files\\WinSCP\\WinSCP.exe',
          sha256: 'AB'.repeat(32) }),
        netconns(2, T0 + 3000, [
          conn('c1', T0 + 1000, { processGuid: 'g-winscp', pid: 24548, remoteIp: '10.1.2.3', remotePort: 22 }),
          conn('c2', T0 + 3000, { processGuid: 'g-undescribed', pid: 4242, protocol: Protocol.UDP, remoteIp: '192.0.2.53', remotePort: 53 }),
          // The sampler could not tell the pid this time; the process can.
          conn('c3', T0 + 2000, { processGuid: 'g-winscp', pid: 0, remoteIp: '10.1.2.3', remotePort: 22 }),
          conn('c-early', T0 + 999, { processGuid: 'g-winscp', pid: 24548 }),
        ]),
        netconns(3, T0 + 1500, [conn('c1', T0 + 1000, { kind: Kind.CLOSE, processGuid: '', pid: 0 })]),
      ], T0);
      await store.commitMessages(s2, [netconns(1, T0 + 2000, [conn('other', T0 + 2000, { processGuid: 'g-winscp' })])], T0);

      const winscp = { processGuid: 'g-winscp', processName: 'WinSCP.exe', processPath: 'C:\\Program Files\\WinSCP\\WinSCP.exe',
        processStartMs: T0 - 7 * DAY, sha256: 'ab'.repeat(32) };
      const expected: SessionRow[] = [
        { sensorId: s1, connId: 'c1', pid: 24548, ...winscp, protocol: 'tcp', direction: 'outbound', remoteIp: '10.1.2.3', remotePort: 22,
          openedAtMs: T0 + 1000, closedAtMs: T0 + 1500 },
        { sensorId: s1, connId: 'c3', pid: 24548, ...winscp, protocol: 'tcp', direction: 'outbound', remoteIp: '10.1.2.3', remotePort: 22,
          openedAtMs: T0 + 2000, closedAtMs: null },
        { sensorId: s1, connId: 'c2', processGuid: 'g-undescribed', pid: 4242, processName: '', processPath: '', processStartMs: null,
          sha256: '', protocol: 'udp', direction: 'outbound', remoteIp: '192.0.2.53', remotePort: 53, openedAtMs: T0 + 3000, closedAtMs: null },
      ];
      expect(await store.listSessions(s1, T0 + 1000, T0 + 3000)).toEqual(expected);
      expect((await store.listSessions(s1, T0 + 1001, T0 + 2999)).map((s) => s.connId)).toEqual(['c3']);
      expect((await store.listSessions(s1, T0, T0 + 999)).map((s) => s.connId)).toEqual(['c-early']);
      expect((await store.listSessions(s2, T0, T0 + DAY)).map((s) => [s.connId, s.processName])).toEqual([['other', '']]);
      expect(await store.listSessions(s3, T0, T0 + DAY)).toEqual([]);
      expect(await store.listSessions(99, T0, T0 + DAY)).toEqual([]);

      expect(await store.sensorsWithSessionsBetween(T0, T0 + 10_000)).toEqual([s1, s2]);
      expect(await store.sensorsWithSessionsBetween(T0 + 2000, T0 + 2000)).toEqual([s1, s2]);
      expect(await store.sensorsWithSessionsBetween(T0 + 2500, T0 + 3000)).toEqual([s1]);
      expect(await store.sensorsWithSessionsBetween(T0 + 3001, T0 + DAY)).toEqual([]);
      await expect(store.listSessions(s1, T0, Number.POSITIVE_INFINITY)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
    });

    it('summarises sessions exactly as listSessions read row by row would (random data, random queries)', async () => {
      for (const seed of [1, 2, 3]) {
        const store = await fresh();
        const sensors = await randomSessions(store, seed);
        const random = prng(100 + seed);
        const pick = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
        for (let q = 0; q < 120; q++) {
          const sensorId = sensors[q % sensors.length]!;
          // Around the data's span (T0 .. T0 + 40 min), bounds on session times or not.
          const fromMs = T0 + pick(-5, 30) * 60_000 + pick(-1, 1) * (q % 3) * 1_000;
          const toMs = fromMs + pick(0, 40) * 60_000;
          const countFromMs = fromMs + pick(-10, 20) * 60_000;
          // Sometimes an empty count range: openings and their processes only.
          const countToMs = countFromMs + pick(-1, 30) * 60_000;
          const spans = Array.from({ length: pick(0, 4) }, (): [number, number] => {
            const a = countFromMs + pick(-5, 30) * 60_000 + pick(0, 59) * 1_000;
            return [a, a + pick(0, 3) * 30_000];
          });
          const query: SessionSummaryQuery = { fromMs, toMs, countFromMs, countToMs, openingSpans: spans };
          expect(normalised(await store.summariseSessions(sensorId, query)), JSON.stringify({ seed, sensorId, query }))
            .toEqual(normalised(summaryFromRows(await store.listSessions(sensorId, fromMs, toMs), query)));
          // And one endpoint's sessions, as listSessions has them.
          const rows = await store.listSessions(sensorId, fromMs, toMs);
          const some = rows[pick(0, Math.max(0, rows.length - 1))];
          if (some !== undefined) {
            expect(await store.listEndpointSessions(sensorId, some, fromMs, toMs)).toEqual(rows.filter((r) =>
              r.processGuid === some.processGuid && r.remoteIp === some.remoteIp && r.remotePort === some.remotePort));
          }
        }
        await expect(store.summariseSessions(sensors[0]!, { fromMs: T0, toMs: T0, countFromMs: T0, countToMs: T0, openingSpans: [[T0, Number.NaN]] }))
          .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('openingSpans[0]') });
      }
    });

    it('stores ProcessInfo.exe_deleted, and a late replay cannot undo it', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [
        processInfo(1, 'g-gone', 'updater', { exeDeleted: true, hashError: 'deleted' }),
        processInfo(2, 'g-fine', 'ssh'),
      ], T0);
      const deleted = async () => Object.fromEntries((await store.listProcesses({ sensorId })).map((p) => [p.processGuid, p.exeDeleted]));
      expect(await deleted()).toEqual({ 'g-gone': true, 'g-fine': false });
      // A snapshot of g-gone taken before the deletion, arriving late from a spool, says false.
      await store.commitMessages(sensorId, [processInfo(3, 'g-gone', 'updater', { exeDeleted: false, observedAtMs: T0 - 5000 }),
        processInfo(4, 'g-fine', 'ssh', { exeDeleted: true })], T0);
      expect(await deleted()).toEqual({ 'g-gone': true, 'g-fine': true });
    });

    it('migrates a version-1 store to the latest version, keeping its data', async () => {
      const key = nextKey();
      await backend.seedAtVersion(key, 1, [
        `INSERT INTO sensors (token_hash, hostname, agent_version, enrolled_at_ms, last_checkin_ms, clock_offset_ms, last_stored_seq)
         VALUES ('h-v1', 'old-laptop', '0.1.0', ${T0}, ${T0 + 60_000}, 0, 3)`,
        `INSERT INTO sensor_seqs (sensor_id, seq, received_at_ms) VALUES (1, 1, ${T0}), (1, 2, ${T0}), (1, 3, ${T0})`,
        `INSERT INTO processes (sensor_id, process_guid, pid, ppid, start_time_ms, name, path, first_seen_ms)
         VALUES (1, 'g-v1', 24548, 1, ${T0 - DAY}, 'WinSCP.exe', '/opt/winscp', ${T0})`,
        `INSERT INTO netconns (sensor_id, conn_id, process_guid, pid, protocol, direction, remote_ip, remote_port, opened_at_ms, last_seen_ms)
         VALUES (1, 'c-v1', 'g-v1', 24548, 'tcp', 'outbound', '10.1.2.3', 22, ${T0 + 1000}, ${T0 + 1000})`,
        `INSERT INTO ip_history (sensor_id, kind, ip, first_seen_ms, last_seen_ms, is_current)
         VALUES (1, 'external', '198.51.100.7', ${T0}, ${T0 + 30_000}, 1)`,
      ]);
      const store = await fresh(key);

      expect((await store.listSensors())[0]).toMatchObject({ sensorId: 1, hostname: 'old-laptop', lastStoredSeq: 3, externalIp: '198.51.100.7' });
      const [p] = await store.listProcesses({});
      expect(p).toMatchObject({ processGuid: 'g-v1', name: 'WinSCP.exe', pid: 24548, exeDeleted: false });
      expect(p!.netconns.map((n) => n.connId)).toEqual(['c-v1']);
      expect(await store.listSessions(1, T0, T0 + 2000)).toMatchObject([{ connId: 'c-v1', processName: 'WinSCP.exe', remotePort: 22 }]);
      expect(await store.listIpSightings('198.51.100.7', T0 + 45_000, T0 + 45_000)).toMatchObject([{ sensorId: 1, lastSeenMs: T0 + 60_000 }]);
      // The seq ledger survived; new data and the new tables work.
      expect(await store.commitMessages(1, [processInfo(3, 'g-v1', 'WinSCP.exe')], T0)).toBe(0);
      expect(await store.commitMessages(1, [processInfo(4, 'g-v1', '', { exeDeleted: true })], T0)).toBe(1);
      expect((await store.listProcesses({}))[0]).toMatchObject({ name: 'WinSCP.exe', exeDeleted: true });
      expect(await store.createSensor({ tokenHash: 'h-v2', hostname: 'new', agentVersion: '0.2.0', enrolledAtMs: T0 })).toBe(2);
      await store.setState('duo.next_offset', '["1", "tx"]');
      expect(await store.getState('duo.next_offset')).toBe('["1", "tx"]');
      expect(await store.listAlerts({})).toEqual([]);
      expect(await store.listMfaEvents({ fromMs: 0, toMs: T0 + DAY })).toEqual([]);
    });

    it('migrates a version-4 store\'s MFA events to the time-first key, keeping them, their order and their dedupe', async () => {
      const key = nextKey();
      const row = (eventId: string, timeMs: number, user: string, result: string) =>
        `('duo', '${eventId}', ${timeMs}, '${user}', 'vpn', 'authentication', 'duo_push', 1, '${result}', 'no_response', '198.51.100.7', NULL, 'iPhone')`;
      await backend.seedAtVersion(key, 4, [
        // Inserted out of time order, two in the same millisecond: listings order by time, then by insertion.
        `INSERT INTO mfa_events (source, event_id, time_ms, user_name, application, event_type, factor, is_push, result, reason,
           access_ip, access_hostname, auth_device)
         VALUES ${[row('tx-3', T0 + 3000, 'alice', 'denied'), row('tx-1', T0 + 1000, 'alice', 'denied'),
    row('tx-2b', T0 + 2000, 'bob', 'fraud'), row('tx-2a', T0 + 2000, 'alice', 'success')].join(', ')}`,
      ]);
      const store = await fresh(key);
      const all = await store.listMfaEvents({ fromMs: 0, toMs: T0 + DAY, includeNonPush: true });
      expect(all.map((e) => e.eventId)).toEqual(['tx-1', 'tx-2b', 'tx-2a', 'tx-3']);
      expect(all[1]).toMatchObject({ source: 'duo', user: 'bob', result: 'fraud', accessIp: '198.51.100.7', authDevice: 'iPhone', isPush: true });
      expect((await store.listMfaEvents({ fromMs: 0, toMs: T0 + DAY, user: 'alice', nonApprovedOnly: true })).map((e) => e.eventId))
        .toEqual(['tx-1', 'tx-3']);
      // The old rows still dedupe a reload; a new one goes in.
      const again = { ...all[0]! };
      const added = { ...all[0]!, eventId: 'tx-4', timeMs: T0 + 4000 };
      expect((await store.insertMfaEvents([again, added])).map((e) => e.eventId)).toEqual(['tx-4']);
      expect(await store.listMfaEvents({ fromMs: 0, toMs: T0 + DAY, includeNonPush: true })).toHaveLength(5);
    });
  });
}

/**
 * Three sensors' sessions over 40 minutes, on a 1 s grid so bounds hit them:
 * a few processes (one never described, one whose ProcessInfo says start 0),
 * a few endpoints, some inbound or of unknown direction, some closed later
 * by a CLOSE event (the merged row keeps its opening). Returns the sensor ids.
 */
async function randomSessions(store: Store, seed: number): Promise<number[]> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const ids: number[] = [];
  for (const name of ['a', 'b', 'c']) {
    const sensorId = await store.createSensor({ tokenHash: `sum-${seed}-${name}`, hostname: name, agentVersion: '0.1.0', enrolledAtMs: T0 });
    ids.push(sensorId);
    let seq = 0;
    const messages = [
      processInfo(++seq, 'g-one', 'one', { startTimeMs: T0 - 3_600_000 }),
      processInfo(++seq, 'g-two', 'two', { startTimeMs: T0 + 600_000 }),
      processInfo(++seq, 'g-zero', 'zero', { startTimeMs: 0 }),
    ];
    const events = [];
    const closes = [];
    for (let i = 0; i < 150; i++) {
      const at = T0 + Math.floor(random() * 2_400) * 1_000;
      const over = {
        processGuid: pick(['g-one', 'g-two', 'g-zero', 'g-unknown']), pid: 100 + Math.floor(random() * 3),
        remoteIp: pick(['10.1.2.3', '10.9.9.9', '2001:db8::7']), remotePort: pick([22, 443]),
        direction: pick([Direction.OUTBOUND, Direction.OUTBOUND, Direction.OUTBOUND, Direction.INBOUND, Direction.DIRECTION_UNSPECIFIED]),
      };
      events.push(conn(`c${i}`, at, over));
      if (random() < 0.3) closes.push(conn(`c${i}`, at, { ...over, kind: Kind.CLOSE, lastSeenMs: at + 5_000 }));
    }
    messages.push(netconns(++seq, T0, events), netconns(++seq, T0 + 2_400_000, closes));
    await store.commitMessages(sensorId, messages, T0);
  }
  return ids;
}

/** What summariseSessions must give, computed from listSessions' rows over [fromMs, toMs]. */
function summaryFromRows(rows: readonly SessionRow[], query: SessionSummaryQuery): SessionSummary {
  const opened = rows.filter((r) => r.direction !== 'inbound');
  const key = (r: { processGuid: string; remoteIp: string; remotePort: number }) => JSON.stringify([r.processGuid, r.remoteIp, r.remotePort]);
  const counted = new Map<string, SessionSummary['endpoints'][number]>();
  for (const r of opened) {
    if (r.openedAtMs < query.countFromMs || r.openedAtMs > query.countToMs) continue;
    const e = counted.get(key(r));
    if (e !== undefined) e.sessions++;
    else counted.set(key(r), { processGuid: r.processGuid, remoteIp: r.remoteIp, remotePort: r.remotePort, sessions: 1 });
  }
  const openings = opened.filter((r) => query.openingSpans.some(([a, b]) => a <= r.openedAtMs && r.openedAtMs <= b))
    .map((r) => ({ processGuid: r.processGuid, remoteIp: r.remoteIp, remotePort: r.remotePort, openedAtMs: r.openedAtMs }));
  const guids = new Set([...counted.values(), ...openings].map((e) => e.processGuid));
  return {
    firstOpenedMs: opened.length === 0 ? null : Math.min(...opened.map((r) => r.openedAtMs)),
    endpoints: [...counted.values()],
    openings,
    processes: [...guids].map((processGuid) => {
      const ofProcess = opened.filter((o) => o.processGuid === processGuid);
      return { processGuid, startMs: ofProcess[0]!.processStartMs, firstOpenedMs: Math.min(...ofProcess.map((o) => o.openedAtMs)) };
    }),
  };
}

/** Endpoints and processes in a fixed order (the store gives them in none); openings keep theirs (oldest first) but ties in no particular one. */
function normalised(summary: SessionSummary): SessionSummary {
  const text = (x: unknown) => JSON.stringify(x);
  return {
    firstOpenedMs: summary.firstOpenedMs,
    endpoints: [...summary.endpoints].sort((a, b) => (text(a) < text(b) ? -1 : 1)),
    openings: [...summary.openings].sort((a, b) => a.openedAtMs - b.openedAtMs || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0)),
    processes: [...summary.processes].sort((a, b) => (a.processGuid < b.processGuid ? -1 : 1)),
  };
}
