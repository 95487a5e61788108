import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, pb } from '@pushtrace/proto';
import { pino } from 'pino';
import { MIGRATIONS } from '../src/store/migrations/index.js';
import { migrateSqlite } from '../src/store/sqlite/migrate.js';
import { SENSORS_WITH_SESSIONS_SQL, SESSIONS_SQL } from '../src/store/sqlite/sessions.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { SequencedMessage } from '../src/store/store.js';
import { storeContract } from './store-contract.js';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-store-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Real files in a temp dir, opened un-migrated so the contract's migrate() does the work.
storeContract('sqlite', {
  makeStore: (key) => openSqliteStore(join(dir, `${key}.db`), { migrate: false }),
  // An older collector's file: the same runner, given only the migrations it knew.
  seedAtVersion: async (key, version, statements) => {
    const db = new Database(join(dir, `${key}.db`));
    try {
      migrateSqlite(db, MIGRATIONS.filter((m) => m.version <= version), { path: key, now: () => 1, log: pino({ level: 'silent' }) });
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
  },
});

describe('SQLite store specifics', () => {
  it('records each migration once in schema_version and runs in WAL mode', async () => {
    const path = join(dir, 'schema.db');
    const store = await openSqliteStore(path, { now: () => 1234 });
    await store.migrate();
    await store.close();
    const again = await openSqliteStore(path);
    await again.migrate();
    await again.close();

    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.prepare('SELECT version, applied_at_ms FROM schema_version ORDER BY version').all())
        .toEqual([1, 2, 3, 4, 5].map((version) => ({ version, applied_at_ms: 1234 })));
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
      expect(tables).toEqual(['alert_notes', 'alerts', 'api_tokens', 'audit_log', 'collector_state', 'ip_history', 'live_commands',
        'mfa_events', 'netconns', 'processes', 'schema_version', 'sensor_seqs', 'sensors']);
    } finally {
      raw.close();
    }
  });

  it('refuses work on an old schema until migrate(), and opens a current one without it', async () => {
    const path = join(dir, 'unmigrated.db');
    const store = await openSqliteStore(path, { migrate: false });
    await expect(store.listSensors()).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_NOT_MIGRATED' });
    await store.migrate();
    expect(await store.listSensors()).toEqual([]);
    await store.close();
    const current = await openSqliteStore(path, { migrate: false });
    expect(await current.listSensors()).toEqual([]);
    await current.close();
  });

  it('refuses a file written by a newer collector', async () => {
    const path = join(dir, 'newer.db');
    await (await openSqliteStore(path)).close();
    const raw = new Database(path);
    raw.prepare('INSERT INTO schema_version (version, name, applied_at_ms) VALUES (99, ?, 0)').run('from the future');
    raw.close();
    await expect(openSqliteStore(path)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_SCHEMA_TOO_NEW', message: expect.stringContaining('99') });
    await expect(openSqliteStore(path, { migrate: false })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_SCHEMA_TOO_NEW' });
  });

  it('names the file when it cannot open it', async () => {
    const garbage = join(dir, 'not-a-database.db');
    await writeFile(garbage, 'this is not SQLite, just text long enough to have a header '.repeat(20));
    await expect(openSqliteStore(garbage)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_OPEN', message: expect.stringContaining(garbage) });
    const missingDir = join(dir, 'no-such-dir', 'x.db');
    await expect(openSqliteStore(missingDir)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_OPEN', message: expect.stringContaining(missingDir) });
    await expect(openSqliteStore(join(dir, 'opts.db'), { busyTimeoutMs: -1 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_OPEN' });
    await expect(openSqliteStore(join(dir, 'opts.db'), { cacheMiB: 0 })).rejects.toMatchObject({
      code: 'COLLECTOR_E_STORE_OPEN', message: expect.stringContaining('cacheMiB'),
    });
  });

  it('a fault raised inside the database mid-batch rolls the whole batch back', async () => {
    const path = join(dir, 'trigger.db');
    const store = await openSqliteStore(path);
    const sensorId = await store.createSensor({ tokenHash: 'h', hostname: 'a', agentVersion: '0.1.0', enrolledAtMs: 1 });
    // A second connection plants a fault the way a full disk would surface: mid-transaction.
    const raw = new Database(path);
    raw.exec("CREATE TRIGGER boom BEFORE INSERT ON netconns WHEN NEW.conn_id = 'boom' BEGIN SELECT RAISE(FAIL, 'planted fault'); END");
    raw.close();
    const batch = (seq: number, connId: string): SequencedMessage => ({
      seq,
      envelope: decodeEnvelope(encodeEnvelope({ sensorId, seq, sentAtMs: 1000, netconnBatch: { sampledAtMs: 1000, events: [
        { kind: pb.NetconnEvent.Kind.OPEN, connId, processGuid: 'g', firstSeenMs: 1000, lastSeenMs: 1000 },
      ] } })),
    });
    await expect(store.commitMessages(sensorId, [batch(1, 'fine'), batch(2, 'boom')], 2000))
      .rejects.toMatchObject({ message: expect.stringContaining('planted fault') });
    expect(await store.lastStoredSeq(sensorId)).toBe(0);
    expect(await store.listProcesses({})).toEqual([]);
    await store.close();
  });

  it('measures commit throughput of netconn batches (printed, not asserted)', async () => {
    const path = join(dir, 'throughput.db');
    const store = await openSqliteStore(path);
    const sensorId = await store.createSensor({ tokenHash: 'bench', hostname: 'bench', agentVersion: '0.1.0', enrolledAtMs: 1 });
    const BATCHES = 1000;
    const EVENTS = 100;
    const t0 = 1_800_000_000_000;
    // Decoded up front: the figure is the store's, not the codec's.
    const messages: SequencedMessage[] = [];
    for (let b = 0; b < BATCHES; b++) {
      const events = [];
      for (let e = 0; e < EVENTS; e++) {
        const at = t0 + b * 1000 + e;
        events.push({ kind: pb.NetconnEvent.Kind.OPEN, connId: `c${b}-${e}`, protocol: pb.NetconnEvent.Protocol.TCP,
          direction: pb.NetconnEvent.Direction.OUTBOUND, processGuid: `g${e % 20}`, pid: 1000 + (e % 20), localIp: '10.0.0.5',
          localPort: 40_000 + e, remoteIp: `203.0.113.${e % 250}`, remotePort: 443, state: 'ESTABLISHED', firstSeenMs: at, lastSeenMs: at });
      }
      const seq = b + 1;
      messages.push({ seq, envelope: decodeEnvelope(encodeEnvelope({ sensorId, seq, sentAtMs: t0 + b * 1000, netconnBatch: { sampledAtMs: t0 + b * 1000, events } })) });
    }
    const started = process.hrtime.bigint();
    for (const m of messages) await store.commitMessages(sensorId, [m], t0);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const eventsPerS = Math.round((BATCHES * EVENTS) / seconds);
    process.stderr.write(`store-sqlite: ${BATCHES} commits x ${EVENTS} netconn events in ${seconds.toFixed(2)} s = ${eventsPerS} events/s\n`);
    expect(await store.lastStoredSeq(sensorId)).toBe(BATCHES);
    await store.close();
    const raw = new Database(path, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) FROM netconns').pluck().get()).toBe(BATCHES * EVENTS);
    raw.close();
  }, 60_000); // 100k rows on a shared machine: a generous bound, the figure is what counts
});

describe('SQLite store query plans', () => {
  it('reads sessions with one index range seek, sorting only rows that opened in the same millisecond', async () => {
    const path = join(dir, 'plans.db');
    await (await openSqliteStore(path)).close();
    const raw = new Database(path, { readonly: true });
    try {
      const plan = (sql: string, params: Record<string, number>) =>
        raw.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params).map((r) => (r as { detail: string }).detail);
      const sessions = plan(SESSIONS_SQL, { sensorId: 1, fromMs: 0, toMs: 1 });
      expect(sessions).toEqual([
        'SEARCH n USING INDEX netconns_sensor_opened (sensor_id=? AND opened_at_ms>? AND opened_at_ms<?)',
        // Newer SQLite versions append " LEFT-JOIN".
        expect.stringMatching(/^SEARCH p USING INDEX sqlite_autoindex_processes_1 \(sensor_id=\? AND process_guid=\?\)( LEFT-JOIN)?$/),
        // The index holds the rows in opened_at_ms order; only ties are put in id order (not a sort of the range).
        'USE TEMP B-TREE FOR LAST TERM OF ORDER BY',
      ]);
      const sensors = plan(SENSORS_WITH_SESSIONS_SQL, { fromMs: 0, toMs: 1 });
      // Every sensor (a few thousand rows at most), each with one short seek into netconns.
      expect(sensors).toEqual(['SCAN s', expect.stringMatching(
        /^SEARCH n (EXISTS )?USING COVERING INDEX netconns_sensor_opened \(sensor_id=\? AND opened_at_ms>\? AND opened_at_ms<\?\)$/)]);
    } finally {
      raw.close();
    }
  });
});

// Figures for the report, printed and not asserted (a shared 2-core machine
// is no place for time limits). The 1,000,000-row file takes a while to
// build, so it is built only on request.
describe('SQLite store measurements (printed, not asserted)', () => {
  const HOUR = 3_600_000;
  const t0 = 1_800_000_000_000;

  /** A sensor with `rows` netconns spread evenly, 1,000 an hour, from 50 processes; written by SQL for speed. */
  async function storeWithNetconns(path: string, rows: number): Promise<{ sensorId: number }> {
    const store = await openSqliteStore(path);
    const sensorId = await store.createSensor({ tokenHash: `bench-${rows}`, hostname: 'bench', agentVersion: '0.1.0', enrolledAtMs: t0 });
    await store.close();
    const raw = new Database(path);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    const proc = raw.prepare(`INSERT INTO processes (sensor_id, process_guid, pid, name, path, start_time_ms, sha256, first_seen_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const nc = raw.prepare(`INSERT INTO netconns (sensor_id, conn_id, process_guid, pid, protocol, direction, local_ip, local_port,
      remote_ip, remote_port, state, opened_at_ms, closed_at_ms, last_seen_ms) VALUES (?, ?, ?, ?, 'tcp', 'outbound', '10.0.0.5', ?, ?, 443, 'ESTABLISHED', ?, ?, ?)`);
    raw.transaction(() => {
      for (let p = 0; p < 50; p++) proc.run(sensorId, `g${p}`, 1000 + p, `proc-${p}`, `/usr/bin/proc-${p}`, t0 - HOUR, 'ab'.repeat(32), t0);
      for (let i = 0; i < rows; i++) {
        const at = t0 + Math.floor((i * HOUR) / 1000);
        nc.run(sensorId, `c${i}`, `g${i % 50}`, 1000 + (i % 50), 1024 + (i % 60_000), `203.0.113.${i % 250}`, at, at + 30_000, at + 30_000);
      }
    })();
    raw.close();
    return { sensorId };
  }

  /** Median and worst of `runs` listSessions calls over different 1-hour windows. */
  async function timeWindows(path: string, sensorId: number, hours: number, runs: number) {
    const store = await openSqliteStore(path);
    try {
      const times: number[] = [];
      let rows = 0;
      for (let r = 0; r < runs; r++) {
        const from = t0 + ((r * 7919) % (hours - 1)) * HOUR;
        const started = process.hrtime.bigint();
        rows += (await store.listSessions(sensorId, from, from + HOUR - 1)).length;
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      return { median: times[times.length >> 1]!, worst: times[times.length - 1]!, rowsPerWindow: rows / runs };
    } finally {
      await store.close();
    }
  }

  it.runIf(process.env.PUSHTRACE_STORE_BENCH === '1')(
    'listSessions: a 1-hour window (~1,000 rows) of a sensor with 1,000,000 netconns, beside one with 1,000',
    async () => {
      const bigPath = join(dir, 'sessions-1m.db');
      const smallPath = join(dir, 'sessions-1k.db');
      const started = process.hrtime.bigint();
      const big = await storeWithNetconns(bigPath, 1_000_000);
      const buildS = Number(process.hrtime.bigint() - started) / 1e9;
      const small = await storeWithNetconns(smallPath, 1_000);
      const large = await timeWindows(bigPath, big.sensorId, 1000, 50);
      const baseline = await timeWindows(smallPath, small.sensorId, 2, 50);
      process.stderr.write(`store-sqlite: listSessions 1h window of ${large.rowsPerWindow} rows in 1,000,000 netconns: `
        + `median ${large.median.toFixed(2)} ms, worst ${large.worst.toFixed(2)} ms (built in ${buildS.toFixed(1)} s); `
        + `baseline ${baseline.rowsPerWindow} rows in 1,000 netconns: median ${baseline.median.toFixed(2)} ms, worst ${baseline.worst.toFixed(2)} ms\n`);
      expect(large.rowsPerWindow).toBe(1000);
    },
    120_000,
  );

  it('insertMfaEvents: 100,000 events in one call, then the same again (all duplicates)', async () => {
    const store = await openSqliteStore(join(dir, 'mfa-rate.db'));
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      source: 'duo' as const, eventId: `tx-${i}`, timeMs: t0 + i * 250, user: `user${i % 1000}@example.com`, application: 'vpn',
      eventType: 'authentication', factor: 'duo_push', isPush: true, result: (i % 7 === 0 ? 'success' : 'denied') as 'success' | 'denied',
      reason: i % 7 === 0 ? 'user_approved' : 'no_response', accessIp: `198.51.100.${i % 250}`, accessHostname: null, authDevice: 'iPhone',
    }));
    const rate = async () => {
      const started = process.hrtime.bigint();
      const fresh = await store.insertMfaEvents(events);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      return { fresh: fresh.length, perS: Math.round(events.length / seconds) };
    };
    const first = await rate();
    const again = await rate();
    process.stderr.write(`store-sqlite: insertMfaEvents 100,000 new: ${first.perS} events/s; 100,000 duplicates: ${again.perS} events/s\n`);
    expect([first.fresh, again.fresh]).toEqual([100_000, 0]);
    await store.close();
  });
});
