// The behaviour every Store backend must have. A backend's test file calls
// storeContract() with its factory; SQLite does today, PostgreSQL will.
import { afterEach, describe, expect, it } from 'vitest';
import { pb } from '@pushtrace/proto';
import type { IpHistoryRow, ProcessRow, Store } from '../src/store/store.js';
import { alertStoreContract } from './store-contract-alerts.js';
import { analystStoreContract } from './store-contract-analyst.js';
import { detectionStoreContract } from './store-contract-detection.js';
import { T0, checkin, conn, externalIp, msg, netconns, processInfo, type StoreBackend } from './store-fixtures.js';

export type { MakeStore, SeedAtVersion, StoreBackend } from './store-fixtures.js';

const { Kind, Protocol, Direction } = pb.NetconnEvent;

const stretches = (rows: IpHistoryRow[], kind: IpHistoryRow['kind']) =>
  rows.filter((r) => r.kind === kind).map((r) => [r.iface, r.ip, r.firstSeenMs, r.lastSeenMs]);

const summary = (rows: ProcessRow[]) =>
  rows.map((p) => ({ sensor: p.sensorId, guid: p.processGuid, name: p.name, pid: p.pid, opened: p.netconns.map((n) => n.openedAtMs) }));

export function storeContract(name: string, backend: StoreBackend): void {
  const { makeStore } = backend;
  detectionStoreContract(name, backend);
  alertStoreContract(name, backend);
  analystStoreContract(name, backend);
  describe(`Store contract: ${name}`, () => {
    const opened: Store[] = [];
    let counter = 0;
    async function fresh(key = `store-${++counter}`): Promise<Store> {
      const store = await makeStore(key);
      opened.push(store);
      await store.migrate();
      return store;
    }
    async function withSensor(): Promise<{ store: Store; sensorId: number }> {
      const store = await fresh();
      const sensorId = await store.createSensor({ tokenHash: `hash-${counter}`, hostname: 'laptop-1', agentVersion: '0.1.0', enrolledAtMs: T0 });
      return { store, sensorId };
    }
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    it('migrate() run again changes nothing and keeps the data', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh')], T0);
      await store.migrate();
      await store.migrate();
      expect(await store.lastStoredSeq(sensorId)).toBe(1);
      expect(summary(await store.listProcesses({}))).toEqual([{ sensor: 1, guid: 'g1', name: 'ssh', pid: 100, opened: [] }]);
    });

    it('reopening the same storage keeps everything', async () => {
      const key = `reopen-${++counter}`;
      const first = await fresh(key);
      const sensorId = await first.createSensor({ tokenHash: 'h-reopen', hostname: 'laptop-1', agentVersion: '0.1.0', enrolledAtMs: T0 });
      await first.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh'), netconns(2, T0, [conn('c1', T0, { processGuid: 'g1' })])], T0);
      await first.recordCheckin(sensorId, checkin(T0 + 1000, { externalIp: '198.51.100.7' }));
      const before = { sensors: await first.listSensors(), processes: await first.listProcesses({}), ips: await first.listIpHistory() };
      await first.close();
      await first.close(); // closing twice is harmless

      const again = await fresh(key);
      expect(await again.listSensors()).toEqual(before.sensors);
      expect(await again.listProcesses({})).toEqual(before.processes);
      expect(await again.listIpHistory()).toEqual(before.ips);
      expect(await again.lastStoredSeq(sensorId)).toBe(2);
      expect(await again.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh')], T0)).toBe(0);
      expect(await again.createSensor({ tokenHash: 'h-next', hostname: 'b', agentVersion: '0.1.0', enrolledAtMs: T0 })).toBe(sensorId + 1);
    });

    it('creates sensors, finds them by token hash, revokes them', async () => {
      const store = await fresh();
      const a = await store.createSensor({ tokenHash: 'hash-a', hostname: 'a', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const b = await store.createSensor({ tokenHash: 'hash-b', hostname: 'b', agentVersion: '0.1.0', enrolledAtMs: T0 + 1 });
      expect([a, b]).toEqual([1, 2]);
      expect(await store.findSensorByTokenHash('hash-b')).toEqual({ sensorId: 2, revokedAtMs: null });
      expect(await store.findSensorByTokenHash('nope')).toBeNull();
      expect(await store.lastStoredSeq(a)).toBe(0);

      await store.revokeSensor(a, T0 + 50);
      await store.revokeSensor(a, T0 + 99); // the first revocation time stands
      expect(await store.findSensorByTokenHash('hash-a')).toEqual({ sensorId: 1, revokedAtMs: T0 + 50 });
      const rows = await store.listSensors();
      expect(rows.map((s) => [s.sensorId, s.hostname, s.agentVersion, s.enrolledAtMs, s.revokedAtMs]))
        .toEqual([[1, 'a', '0.1.0', T0, T0 + 50], [2, 'b', '0.1.0', T0 + 1, null]]);
      expect(rows[1]).toMatchObject({ externalIp: null, interfaceIps: [], loggedInUsers: [], lastCheckinMs: null,
        clockOffsetMs: null, lastStoredSeq: 0, droppedMessages: 0, spoolQueuedMessages: 0 });

      await expect(store.revokeSensor(42, T0)).rejects.toMatchObject({ code: 'COLLECTOR_E_UNKNOWN_SENSOR' });
      await expect(store.createSensor({ tokenHash: 'hash-a', hostname: 'c', agentVersion: '0.1.0', enrolledAtMs: T0 }))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
    });

    it('stores each (sensor, seq) once and counts only new messages', async () => {
      const { store, sensorId } = await withSensor();
      const batch = [processInfo(1, 'g1', 'ssh'), netconns(2, T0, [conn('c1', T0, { processGuid: 'g1' })])];
      expect(await store.commitMessages(sensorId, batch, T0)).toBe(2);
      expect(await store.commitMessages(sensorId, batch, T0 + 5)).toBe(0);
      // A replay of 2 with a different body is still 2: skipped, not applied.
      const replay = netconns(2, T0, [conn('c-other', T0, { processGuid: 'g1' })]);
      expect(await store.commitMessages(sensorId, [replay, netconns(3, T0 + 10, [conn('c3', T0 + 10, { processGuid: 'g1' })])], T0)).toBe(1);
      // The same seq twice within one batch: the first wins.
      expect(await store.commitMessages(sensorId, [processInfo(4, 'g4', 'first'), processInfo(4, 'g4', 'second')], T0)).toBe(1);
      expect(await store.lastStoredSeq(sensorId)).toBe(4);
      expect(summary(await store.listProcesses({}))).toEqual([
        { sensor: 1, guid: 'g1', name: 'ssh', pid: 100, opened: [T0, T0 + 10] },
        { sensor: 1, guid: 'g4', name: 'first', pid: 100, opened: [] },
      ]);
      // A lower seq arriving late is new, and does not lower lastStoredSeq.
      expect(await store.commitMessages(sensorId, [processInfo(10, 'g10', 'ten'), processInfo(7, 'g7', 'seven')], T0)).toBe(2);
      expect(await store.lastStoredSeq(sensorId)).toBe(10);

      // Seqs are per sensor.
      const other = await store.createSensor({ tokenHash: 'other', hostname: 'b', agentVersion: '0.1.0', enrolledAtMs: T0 });
      expect(await store.commitMessages(other, [processInfo(1, 'g1', 'bash')], T0)).toBe(1);
      expect(await store.lastStoredSeq(other)).toBe(1);
    });

    it('records a sequenced message of a non-data kind as seen, and applies nothing', async () => {
      const { store, sensorId } = await withSensor();
      const odd = msg(1, { checkin: { nextCheckinAtMs: T0 + 60_000, externalIp: '198.51.100.7' } });
      expect(await store.commitMessages(sensorId, [odd], T0)).toBe(1);
      expect(await store.commitMessages(sensorId, [odd], T0)).toBe(0);
      expect(await store.lastStoredSeq(sensorId)).toBe(1);
      expect((await store.listSensors())[0]).toMatchObject({ lastCheckinMs: null, externalIp: null });
      expect(await store.listIpHistory()).toEqual([]);
    });

    it('refuses seqs that are not whole numbers from 1, storing nothing of the batch', async () => {
      const { store, sensorId } = await withSensor();
      const bad = { seq: 0, envelope: processInfo(1, 'g0', 'zero').envelope };
      await expect(store.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh'), bad], T0))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('seq 0') });
      expect(await store.lastStoredSeq(sensorId)).toBe(0);
      expect(await store.commitMessages(sensorId, [], T0)).toBe(0);
    });

    it('stores nothing of a batch when one message in it fails', async () => {
      const { store, sensorId } = await withSensor();
      const good = [
        msg(1, { hostInfo: { hostname: 'laptop-1.corp', osPlatform: 'linux', osVersion: 'Debian 12', observedAtMs: T0,
          interfaces: [{ name: 'eth0', addresses: ['10.0.0.5/24'] }] } }),
        processInfo(2, 'g1', 'ssh'),
        netconns(3, T0, [conn('c1', T0, { processGuid: 'g1' })]),
        externalIp(4, '198.51.100.7', T0),
      ];
      // Event 2 of message 5 has a port no socket can have: the database refuses it
      // after messages 1-4 and event 1 of message 5 were already written.
      const poisoned = netconns(5, T0 + 1, [conn('c2', T0 + 1, { processGuid: 'g1' }), conn('c3', T0 + 1, { remotePort: 70_000 })]);
      const failure = store.commitMessages(sensorId, [...good, poisoned], T0);
      await expect(failure).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('seq 5') });

      expect(await store.lastStoredSeq(sensorId)).toBe(0);
      expect(await store.listProcesses({})).toEqual([]);
      expect(await store.listIpHistory()).toEqual([]);
      expect((await store.listSensors())[0]).toMatchObject({ hostname: 'laptop-1', osPlatform: '', interfaceIps: [], externalIp: null });
      // The seqs were not recorded either: the good part commits in full afterwards.
      expect(await store.commitMessages(sensorId, good, T0)).toBe(4);
      expect((await store.listSensors())[0]).toMatchObject({ hostname: 'laptop-1.corp', osPlatform: 'linux', externalIp: '198.51.100.7' });
    });

    it('pairs netconn OPEN and CLOSE by conn id, and keeps a CLOSE whose OPEN never came', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [
        processInfo(1, 'g-ssh', 'ssh'),
        netconns(2, T0, [
          conn('c1', T0),
          conn('c-udp', T0, { protocol: Protocol.UDP, direction: Direction.INBOUND, remotePort: 53, state: '' }),
          conn('c-odd', T0, { protocol: Protocol.PROTOCOL_UNSPECIFIED, direction: Direction.DIRECTION_UNSPECIFIED }),
          conn('c-ignored', T0, { kind: Kind.KIND_UNSPECIFIED }),
        ]),
      ], T0);
      // The CLOSE no longer knows the owner (TIME_WAIT): the OPEN's stays.
      await store.commitMessages(sensorId, [netconns(3, T0 + 30_000, [
        conn('c1', T0, { kind: Kind.CLOSE, lastSeenMs: T0 + 20_000, processGuid: '', pid: 0, state: 'TIME_WAIT' }),
        conn('c2', T0 + 5_000, { kind: Kind.CLOSE, lastSeenMs: T0 + 25_000 }),
      ])], T0);

      const [ssh] = await store.listProcesses({ sensorId });
      expect(ssh!.processGuid).toBe('g-ssh');
      // Ordered by open time (ties in arrival order).
      expect(ssh!.netconns).toEqual([
        { connId: 'c1', protocol: 'tcp', direction: 'outbound', localIp: '10.0.0.5', localPort: 50_000,
          remoteIp: '203.0.113.9', remotePort: 22, state: 'TIME_WAIT', openedAtMs: T0, closedAtMs: T0 + 30_000 },
        { connId: 'c-udp', protocol: 'udp', direction: 'inbound', localIp: '10.0.0.5', localPort: 50_000,
          remoteIp: '203.0.113.9', remotePort: 53, state: '', openedAtMs: T0, closedAtMs: null },
        { connId: 'c-odd', protocol: 'unspecified', direction: 'unspecified', localIp: '10.0.0.5', localPort: 50_000,
          remoteIp: '203.0.113.9', remotePort: 22, state: 'ESTABLISHED', openedAtMs: T0, closedAtMs: null },
        { connId: 'c2', protocol: 'tcp', direction: 'outbound', localIp: '10.0.0.5', localPort: 50_000,
          remoteIp: '203.0.113.9', remotePort: 22, state: 'ESTABLISHED', openedAtMs: T0 + 5_000, closedAtMs: T0 + 30_000 },
      ]);
      expect(ssh!.netconns.map((n) => n.connId)).not.toContain('c-ignored');

      // An OPEN arriving after its CLOSE (replayed late) does not reopen it.
      await store.commitMessages(sensorId, [netconns(4, T0 + 40_000, [conn('c2', T0 + 4_000)])], T0);
      const c2 = (await store.listProcesses({ sensorId }))[0]!.netconns.find((n) => n.connId === 'c2');
      expect(c2).toMatchObject({ openedAtMs: T0 + 4_000, closedAtMs: T0 + 30_000 });
    });

    it('keeps external IP history as stretches: A, B, A is three rows', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [
        externalIp(1, '198.51.100.7', T0),
        externalIp(2, '198.51.100.7', T0 + 100),
        externalIp(3, '203.0.113.50', T0 + 200),
        externalIp(4, '198.51.100.7', T0 + 300),
      ], T0);
      expect(stretches(await store.listIpHistory(sensorId), 'external')).toEqual([
        ['', '198.51.100.7', T0, T0 + 100], ['', '203.0.113.50', T0 + 200, T0 + 200], ['', '198.51.100.7', T0 + 300, T0 + 300],
      ]);
      expect((await store.listSensors())[0]!.externalIp).toBe('198.51.100.7');

      // A checkin naming the current IP extends it; one naming another IP starts a stretch.
      await store.recordCheckin(sensorId, checkin(T0 + 400, { externalIp: '198.51.100.7' }));
      await store.recordCheckin(sensorId, checkin(T0 + 500, { externalIp: '192.0.2.1' }));
      await store.recordCheckin(sensorId, checkin(T0 + 600, { externalIp: '' })); // unknown: no change
      const rows = await store.listIpHistory(sensorId);
      expect(stretches(rows, 'external').slice(2)).toEqual([['', '198.51.100.7', T0 + 300, T0 + 400], ['', '192.0.2.1', T0 + 500, T0 + 500]]);
      expect(rows.every((r) => r.sensorId === sensorId)).toBe(true);
      expect((await store.listSensors())[0]!.externalIp).toBe('192.0.2.1');
    });

    it('fits late replays of external IPs into the timeline without making them current', async () => {
      const { store, sensorId } = await withSensor();
      // Reconnected agent: the checkin (live) lands before the spooled observation of the same IP.
      await store.recordCheckin(sensorId, checkin(T0 + 1000, { externalIp: '203.0.113.50' }));
      await store.commitMessages(sensorId, [externalIp(1, '203.0.113.50', T0 + 900)], T0);
      // And an observation older than both, of another IP.
      await store.commitMessages(sensorId, [externalIp(2, '198.51.100.7', T0 + 100)], T0);
      expect(stretches(await store.listIpHistory(sensorId), 'external')).toEqual([
        ['', '198.51.100.7', T0 + 100, T0 + 100], ['', '203.0.113.50', T0 + 900, T0 + 1000],
      ]);
      expect((await store.listSensors())[0]!.externalIp).toBe('203.0.113.50');
    });

    it('tracks interface IPs from HostInfo; vanished ones stop being extended', async () => {
      const { store, sensorId } = await withSensor();
      const host = (seq: number, at: number, interfaces: Array<{ name: string; addresses: string[] }>, hostname = 'laptop-1.corp') =>
        msg(seq, { hostInfo: { hostname, osPlatform: 'linux', osVersion: 'Debian GNU/Linux 12', osRelease: '6.1.0', arch: 'x64',
          agentVersion: '0.2.0', bootTimeMs: T0 - 3_600_000, loggedInUsers: ['alice', 'bob'], interfaces, observedAtMs: at } });
      await store.commitMessages(sensorId, [host(1, T0, [
        { name: 'eth0', addresses: ['10.0.0.5/24', 'FE80::1/64'] },
        { name: 'wlan0', addresses: ['192.168.1.7/24', 'not-an-ip/8'] },
      ])], T0);
      expect((await store.listSensors())[0]).toMatchObject({
        hostname: 'laptop-1.corp', osPlatform: 'linux', osVersion: 'Debian GNU/Linux 12', agentVersion: '0.2.0',
        bootTimeMs: T0 - 3_600_000, loggedInUsers: ['alice', 'bob'], interfaceIps: ['10.0.0.5', 'fe80::1', '192.168.1.7'],
      });
      await store.recordCheckin(sensorId, checkin(T0 + 100));
      await store.commitMessages(sensorId, [host(2, T0 + 200, [
        { name: 'eth0', addresses: ['10.0.0.5/24'] }, { name: 'wlan0', addresses: ['192.168.1.8/24'] },
      ])], T0);
      await store.recordCheckin(sensorId, checkin(T0 + 300));
      await store.commitMessages(sensorId, [host(3, T0 + 400, [
        { name: 'eth0', addresses: ['10.0.0.5/24', 'fe80::1/64'] }, { name: 'wlan0', addresses: ['192.168.1.8/24'] },
      ])], T0);

      const rows = await store.listIpHistory(sensorId);
      expect(stretches(rows, 'interface').sort()).toEqual([
        ['eth0', '10.0.0.5', T0, T0 + 400],
        ['eth0', 'fe80::1', T0, T0 + 100],
        ['eth0', 'fe80::1', T0 + 400, T0 + 400],
        ['wlan0', '192.168.1.7', T0, T0 + 100],
        ['wlan0', '192.168.1.8', T0 + 200, T0 + 400],
      ].sort());
      expect((await store.listSensors())[0]!.interfaceIps.sort()).toEqual(['10.0.0.5', '192.168.1.8', 'fe80::1']);
    });

    it('ignores a HostInfo with a lower seq than the one applied', async () => {
      const { store, sensorId } = await withSensor();
      const host = (seq: number, hostname: string, ip: string) =>
        msg(seq, { hostInfo: { hostname, osPlatform: 'linux', observedAtMs: T0 + seq, interfaces: [{ name: 'eth0', addresses: [`${ip}/24`] }] } });
      await store.commitMessages(sensorId, [host(5, 'new-name', '10.0.0.5')], T0);
      await store.commitMessages(sensorId, [host(4, 'old-name', '10.9.9.9')], T0);
      const [sensor] = await store.listSensors();
      expect(sensor).toMatchObject({ hostname: 'new-name', interfaceIps: ['10.0.0.5'], lastStoredSeq: 5 });
      expect(stretches(await store.listIpHistory(sensorId), 'interface')).toEqual([['eth0', '10.0.0.5', T0 + 5, T0 + 5]]);
    });

    it('records checkins: times, backlog, and a clock offset one outlier cannot move', async () => {
      const { store, sensorId } = await withSensor();
      const R = T0 + 10_000;
      await store.recordCheckin(sensorId, checkin(R, { sentAtMs: R + 2000, nextCheckinAtMs: R + 2000 + 60_000, agentUptimeS: 42,
        spoolQueuedMessages: 7, spoolQueuedBytes: 7000 }));
      expect((await store.listSensors())[0]).toMatchObject({ lastCheckinMs: R, clockOffsetMs: 2000,
        // the agent's "next checkin" in its clock, kept as the same interval in the collector's
        nextCheckinMs: R + 60_000, spoolQueuedMessages: 7, spoolQueuedBytes: 7000 });

      const offsets = [2010, 1990, 2005, -30_000 /* a checkin stuck behind an upload */];
      for (const [i, offset] of offsets.entries()) {
        const at = R + (i + 1) * 60_000;
        await store.recordCheckin(sensorId, checkin(at, { sentAtMs: at + offset }));
      }
      expect((await store.listSensors())[0]!.clockOffsetMs).toBe(2000);

      // A real clock step takes over within a few checkins.
      for (let i = 0; i < 3; i++) {
        const at = R + (10 + i) * 60_000;
        await store.recordCheckin(sensorId, checkin(at, { sentAtMs: at + 9000 }));
      }
      const [after] = await store.listSensors();
      expect(after!.clockOffsetMs).toBe(9000);
      expect(after!.lastCheckinMs).toBe(R + 12 * 60_000);
      expect(after!.spoolQueuedMessages).toBe(0);

      await expect(store.recordCheckin(99, checkin(R))).rejects.toMatchObject({ code: 'COLLECTOR_E_UNKNOWN_SENSOR' });
    });

    it('keeps the highest spool-drop totals, whatever order reports arrive in', async () => {
      const { store, sensorId } = await withSensor();
      await store.recordSpoolDrops(sensorId, { droppedMessages: 5, droppedBytes: 500, lastDroppedSeq: 40 });
      await store.recordSpoolDrops(sensorId, { droppedMessages: 3, droppedBytes: 900, lastDroppedSeq: 20 });
      await store.recordSpoolDrops(sensorId, { droppedMessages: 4, droppedBytes: 600, lastDroppedSeq: 30 });
      const [sensor] = await store.listSensors();
      expect(sensor).toMatchObject({ droppedMessages: 5, droppedBytes: 900 });
      // lastDroppedSeq is optional in SensorRow; a backend that reports it keeps its highest too.
      if (sensor!.lastDroppedSeq !== undefined) expect(sensor!.lastDroppedSeq).toBe(40);
      await expect(store.recordSpoolDrops(99, { droppedMessages: 1, droppedBytes: 1, lastDroppedSeq: 1 }))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_UNKNOWN_SENSOR' });
    });

    it('updates a known process with the fields a later ProcessInfo knows', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh', { sha256: '', md5: '', hashError: 'pending' })], T0);
      await store.commitMessages(sensorId, [processInfo(2, 'g1', '', { path: '', cmdline: '', pid: 0,
        sha256: 'AB'.repeat(32), md5: 'cd'.repeat(16), observedAtMs: T0 + 5000 })], T0);
      const [p] = await store.listProcesses({});
      expect(p).toMatchObject({ name: 'ssh', pid: 100, ppid: 1, path: '/usr/bin/ssh', cmdline: 'ssh host', username: 'alice',
        startTimeMs: T0 - 60_000, sha256: 'ab'.repeat(32), md5: 'cd'.repeat(16) });
    });

    it('lists processes by recent netconns, grouping netconns of unknown owners so none is hidden', async () => {
      const store = await fresh();
      const s1 = await store.createSensor({ tokenHash: 'p1', hostname: 'a', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const s2 = await store.createSensor({ tokenHash: 'p2', hostname: 'b', agentVersion: '0.1.0', enrolledAtMs: T0 });
      const t = (n: number) => T0 + n * 1000;
      await store.commitMessages(s1, [
        processInfo(1, 'g-ssh', 'ssh', { observedAtMs: t(0) }),
        processInfo(2, 'g-idle', 'idle', { pid: 200, observedAtMs: t(2) }),
        processInfo(3, 'g-old', 'cron', { pid: 300, observedAtMs: t(0) }),
        netconns(4, t(8), [
          conn('a1', t(5), { processGuid: 'g-ssh' }),
          conn('a2', t(7), { processGuid: 'g-ssh' }),
          conn('a3', t(1), { processGuid: 'g-old', pid: 300 }),
          conn('a4', t(6), { processGuid: '', pid: 0, state: 'TIME_WAIT' }),
          conn('a5', t(8), { processGuid: 'g-undescribed', pid: 4242 }),
        ]),
      ], T0);
      await store.commitMessages(s2, [netconns(1, t(9), [conn('b1', t(9), { processGuid: 'g-ssh', pid: 77 })])], T0);

      expect(summary(await store.listProcesses({ sinceMs: t(5) }))).toEqual([
        { sensor: s2, guid: 'g-ssh', name: '(unknown)', pid: 77, opened: [t(9)] },
        { sensor: s1, guid: 'g-undescribed', name: '(unknown)', pid: 4242, opened: [t(8)] },
        { sensor: s1, guid: 'g-ssh', name: 'ssh', pid: 100, opened: [t(5), t(7)] },
        { sensor: s1, guid: '', name: '(unknown)', pid: 0, opened: [t(6)] },
      ]);
      expect(summary(await store.listProcesses({ sensorId: s1, sinceMs: t(6) + 1 }))).toEqual([
        { sensor: s1, guid: 'g-undescribed', name: '(unknown)', pid: 4242, opened: [t(8)] },
        { sensor: s1, guid: 'g-ssh', name: 'ssh', pid: 100, opened: [t(7)] },
      ]);
      expect(summary(await store.listProcesses({ sinceMs: t(5), limit: 2 })).map((p) => p.guid)).toEqual(['g-ssh', 'g-undescribed']);
      expect(await store.listProcesses({ sinceMs: t(10) })).toEqual([]);

      // Without a time filter: every process, with its netconns or none.
      expect(summary(await store.listProcesses({ sensorId: s1 }))).toEqual([
        { sensor: s1, guid: 'g-undescribed', name: '(unknown)', pid: 4242, opened: [t(8)] },
        { sensor: s1, guid: 'g-ssh', name: 'ssh', pid: 100, opened: [t(5), t(7)] },
        { sensor: s1, guid: '', name: '(unknown)', pid: 0, opened: [t(6)] },
        { sensor: s1, guid: 'g-idle', name: 'idle', pid: 200, opened: [] },
        { sensor: s1, guid: 'g-old', name: 'cron', pid: 300, opened: [t(1)] },
      ]);
      expect(await store.listProcesses({ limit: 0 })).toEqual([]);
      await expect(store.listProcesses({ limit: -1 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
    });

    it('refuses data for a sensor it does not know', async () => {
      const store = await fresh();
      await expect(store.commitMessages(7, [processInfo(1, 'g1', 'ssh')], T0)).rejects.toMatchObject({ code: 'COLLECTOR_E_UNKNOWN_SENSOR' });
      await expect(store.lastStoredSeq(7)).rejects.toMatchObject({ code: 'COLLECTOR_E_UNKNOWN_SENSOR' });
      expect(await store.listIpHistory(7)).toEqual([]);
    });

    it('refuses work once closed, with a coded error', async () => {
      const { store, sensorId } = await withSensor();
      await store.close();
      await expect(store.lastStoredSeq(sensorId)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_CLOSED' });
      await expect(store.commitMessages(sensorId, [processInfo(1, 'g1', 'ssh')], T0)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_CLOSED' });
      await expect(store.migrate()).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_CLOSED' });
    });
  });
}
