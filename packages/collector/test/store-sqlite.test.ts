import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEnvelope, encodeEnvelope, pb } from '@pushtrace/proto';
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
storeContract('sqlite', (key) => openSqliteStore(join(dir, `${key}.db`), { migrate: false }));

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
      expect(raw.prepare('SELECT version, applied_at_ms FROM schema_version').all()).toEqual([{ version: 1, applied_at_ms: 1234 }]);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
      expect(tables).toEqual(['ip_history', 'netconns', 'processes', 'schema_version', 'sensor_seqs', 'sensors']);
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
  });
});
