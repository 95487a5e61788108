// Query-language benchmark (issue 4): process search over a store holding
// 10,000,000 netconns.
//
//   npx tsc -p packages/collector && node bench/query.js [--netconns N] [--runs N] [--rebuild]
//
// Fixture: one SQLite store file (the collector's own schema, made by
// openSqliteStore's migrations) with 2,000 sensors (laptops, desktops,
// servers; Windows, macOS, Linux; small clock offsets), ~100 processes each
// (long-lived programs started days ago, short-lived ones spread over the
// week, two started in the last quarter hour) and --netconns (10,000,000)
// netconns over 7 days: browsers and chat clients most, short-lived tools a
// few, 5% to private 10.x addresses, 8% over IPv6. It is written with bulk
// INSERTs in big transactions, netconns' secondary indexes dropped during
// the load and rebuilt after (it is a fixture, not a test of ingest), then
// ANALYZEd as a running collector's PRAGMA optimize would. The file is
// cached under os.tmpdir(), keyed by fixture version, size and schema
// version, so reruns skip the build; --rebuild forces one.
//
// Timed, each --runs (30) times after one warm-up, through the public path
// (compileProcessQuery + store.searchProcesses, limit 100, with the total, as
// GET /api/v1/processes?q= does): the write-up's query
// `sensor_id:X netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]`, and
// beside it, in the same run, a naive full scan computing the same answer
// (COUNT(*) of every netconn grouped by process, then filtered), 5 runs;
// the answers are checked equal. Then other representative queries (up to
// 20 runs; 5 when one takes over a second): ipaddr as a host, as CIDR on and
// off an octet boundary, IPv6 on one sensor; hostname wildcards narrow and
// broad; process_name prefix; start look-back; ipport on one sensor and
// fleet-wide (no index on remote_port: the worst case); a sensor search.
// Median and p95. Target: the write-up's query median < 100 ms. Build it
// once (~2 min, 2.4 GB in os.tmpdir()); later runs take ~1.5 min.
// The machine's other load shows in the figures: compare within one run.
//
// Results go to stdout as text; nothing is asserted.

import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    netconns: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '30' },
    rebuild: { type: 'boolean', default: false },
  },
});
const NETCONNS = Number(args.netconns);
const RUNS = Number(args.runs);

const dist = new URL('../packages/collector/dist/', import.meta.url);
const { openSqliteStore } = await import(new URL('store/sqlite/sqlite-store.js', dist).href);
const { MIGRATIONS, SQLITE_DIALECT } = await import(new URL('store/migrations/index.js', dist).href);
const { compileProcessQuery, DEFAULT_PROCESS_SORT } = await import(new URL('query/process-query.js', dist).href);
const { compileSensorQuery } = await import(new URL('query/sensor-query.js', dist).href);
const requireCollector = createRequire(new URL('../packages/collector/package.json', import.meta.url));
const Database = requireCollector('better-sqlite3');

/** Bump when the generated world changes, so a cached file is not reused. */
const FIXTURE_VERSION = 1;
const SCHEMA_VERSION = MIGRATIONS.length;
const FIXTURE = join(tmpdir(), `pushtrace-bench-query-v${FIXTURE_VERSION}-s${SCHEMA_VERSION}-${NETCONNS}.db`);

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Collector clock: the end of the stored week. */
const NOW = Date.UTC(2026, 0, 15, 17, 0, 0);
const SENSORS = 2000;

/** Seeded PRNG (mulberry32): the same world every build. */
function prng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const thousands = (n) => Math.round(n).toLocaleString('en-US');

// ---------------------------------------------------------------- the world

/** Long-lived programs: [name, weight, port, endpoints]. */
const PROGRAMS = [
  ['chrome.exe', 30, 443, 400], ['msedge.exe', 8, 443, 150], ['Teams.exe', 8, 443, 25], ['slack.exe', 6, 443, 15],
  ['OneDrive.exe', 5, 443, 12], ['svchost.exe', 8, 443, 60], ['OUTLOOK.EXE', 5, 443, 10], ['Code.exe', 4, 443, 30],
  ['node.exe', 4, 443, 50], ['MsMpEng.exe', 3, 443, 10], ['Zoom.exe', 2, 8801, 8], ['ssh.exe', 1, 22, 3],
  ['python.exe', 2, 443, 40], ['java.exe', 2, 8443, 20], ['WinSCP.exe', 1, 22, 2], ['firefox', 10, 443, 300],
  ['dropbox', 2, 443, 10], ['spotify', 2, 4070, 20], ['sshd', 1, 22, 5], ['postgres', 1, 5432, 3],
];
const SHORT_LIVED = ['curl.exe', 'git.exe', 'powershell.exe', 'curl', 'wget', 'git', 'nslookup.exe', 'ping'];
const LONG_PER_SENSOR = 25;
const SHORT_PER_SENSOR = 73;

function sensorOf(i, rand) {
  const r = rand();
  const kind = r < 0.6 ? 'LAPTOP' : r < 0.9 ? 'DESKTOP' : 'srv';
  const os = kind === 'srv' ? 'linux' : rand() < 0.75 ? 'win32' : 'darwin';
  const prefix = os === 'win32' ? 'WIN' : os === 'darwin' ? 'MAC' : 'lnx';
  return {
    id: i + 1,
    hostname: `${prefix}-${kind}-${String(i + 1).padStart(4, '0')}`,
    os,
    osVersion: os === 'win32' ? 'Windows 11 Pro' : os === 'darwin' ? 'macOS 14.5' : 'Debian GNU/Linux 12',
    user: `user${String(Math.floor(rand() * 1500)).padStart(4, '0')}`,
    offset: rand() < 0.1 ? null : Math.round((rand() - 0.5) * 4000),
    lan: `10.${(i >> 8) & 255}.${i & 255}.${10 + Math.floor(rand() * 200)}`,
    ext: `198.51.${100 + (i % 20)}.${(i * 7) % 250 + 1}`,
  };
}

function endpoint(p, k, rand) {
  const r = rand();
  if (r < 0.05) return `10.${20 + (k % 40)}.${(k * 7 + p) % 256}.${(k * 13) % 250 + 1}`;
  if (r < 0.13) return `2001:db8:${(p + 1).toString(16)}::${(k + 1).toString(16)}`;
  return `${20 + ((p * 37) % 180)}.${(k * 13 + p) % 256}.${(k >> 4) % 256}.${((k * 11 + p * 3) % 253) + 1}`;
}

async function buildFixture(path) {
  const started = process.hrtime.bigint();
  const tmp = `${path}.building`;
  rmSync(tmp, { force: true });
  await (await openSqliteStore(tmp)).close();
  const db = new Database(tmp);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = MEMORY');
  // netconns' secondary indexes are rebuilt after the load, from the migrations' own SQL
  // (a later migration's definition of a name replaces the earlier one, as it did in the file).
  const netconnIndexes = [...new Map(MIGRATIONS.flatMap((m) => m.statements(SQLITE_DIALECT))
    .map((sql) => /^CREATE INDEX (\w+) ON netconns\b/.exec(sql))
    .filter((match) => match !== null)
    .map((match) => [match[1], match.input])).values()];
  for (const sql of netconnIndexes) db.exec(`DROP INDEX ${/^CREATE INDEX (\w+)/.exec(sql)[1]}`);

  const insSensor = db.prepare(`INSERT INTO sensors (id, token_hash, hostname, os_platform, os_version, agent_version, logged_in_users,
    enrolled_at_ms, last_checkin_ms, next_checkin_ms, clock_offset_ms, last_stored_seq) VALUES (?, ?, ?, ?, ?, '1.0.0', ?, ?, ?, ?, ?, 1)`);
  const insIp = db.prepare(`INSERT INTO ip_history (sensor_id, kind, ip, iface, first_seen_ms, last_seen_ms, is_current) VALUES (?, ?, ?, ?, ?, ?, 1)`);
  const insProc = db.prepare(`INSERT INTO processes (sensor_id, process_guid, pid, ppid, start_time_ms, name, path, cmdline, username, sha256, md5, first_seen_ms)
    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insConn = db.prepare(`INSERT INTO netconns (sensor_id, conn_id, process_guid, pid, protocol, direction, local_ip, local_port, remote_ip, remote_port,
    state, opened_at_ms, closed_at_ms, last_seen_ms) VALUES (?, ?, ?, ?, 'tcp', 'outbound', ?, ?, ?, ?, ?, ?, ?, ?)`);

  const rand = prng(4);
  const perSensor = Math.floor(NETCONNS / SENSORS);
  let rows = 0;
  const sensorsPerTx = 100;
  for (let first = 0; first < SENSORS; first += sensorsPerTx) {
    db.transaction(() => {
      for (let i = first; i < Math.min(SENSORS, first + sensorsPerTx); i++) {
        const s = sensorOf(i, rand);
        insSensor.run(s.id, `bench-${s.id}`, s.hostname, s.os, s.osVersion, JSON.stringify([s.user]), NOW - 30 * DAY,
          NOW - Math.floor(rand() * 120 * SEC), NOW + 60 * SEC, s.offset);
        insIp.run(s.id, 'external', s.ext, '', NOW - 7 * DAY, NOW);
        insIp.run(s.id, 'interface', s.lan, 'eth0', NOW - 7 * DAY, NOW);
        const clock = (t) => t + (s.offset ?? 0);
        // Processes: long-lived programs, short-lived tools, two started in the last quarter hour.
        const procs = [];
        for (let k = 0; k < LONG_PER_SENSOR; k++) {
          const [name, weight, port, endpoints] = PROGRAMS[(k + i) % PROGRAMS.length];
          procs.push({ name, weight, port, endpoints, p: (k + i) % PROGRAMS.length, start: NOW - DAY - Math.floor(rand() * 6 * DAY), conns: 0 });
        }
        for (let k = 0; k < SHORT_PER_SENSOR; k++) {
          procs.push({ name: SHORT_LIVED[k % SHORT_LIVED.length], weight: 0, port: 443, endpoints: 20, p: 100 + (k % 8),
            start: NOW - Math.floor(rand() * 7 * DAY), conns: 1 + Math.floor(rand() * 10) });
        }
        procs.push({ name: 'powershell.exe', weight: 0, port: 443, endpoints: 3, p: 120, start: NOW - Math.floor(rand() * 9 * MIN), conns: 1 + Math.floor(rand() * 4) });
        procs.push({ name: 'notepad.exe', weight: 0, port: 0, endpoints: 0, p: 121, start: NOW - Math.floor(rand() * 9 * MIN), conns: 0 });
        // The long-lived programs share what the short-lived ones leave, by weight: perSensor netconns in all.
        const fixed = procs.reduce((sum, p) => sum + p.conns, 0);
        const spare = Math.max(0, perSensor - fixed);
        const longLived = procs.slice(0, LONG_PER_SENSOR);
        const totalWeight = longLived.reduce((sum, p) => sum + p.weight, 0);
        let given = 0;
        longLived.forEach((p, k) => {
          p.conns = k === LONG_PER_SENSOR - 1 ? spare - given : Math.floor((spare * p.weight) / totalWeight);
          given += p.conns;
        });
        let conn = 0;
        procs.forEach((p, k) => {
          const guid = `${s.id}-${k}-${p.start}`;
          const pid = 1000 + k * 4;
          const path = s.os === 'win32' ? `C:\\Program Files\\${p.name}` : `/usr/bin/${p.name}`;
          insProc.run(s.id, guid, pid, clock(p.start), p.name, path, `${path} --flag ${k}`, s.user,
            ((k * 2654435761 + p.p) >>> 0).toString(16).padStart(8, '0').repeat(8), ((k * 40503 + p.p) >>> 0).toString(16).padStart(8, '0').repeat(4),
            clock(p.start));
          const from = Math.max(p.start, NOW - 7 * DAY);
          for (let c = 0; c < p.conns; c++) {
            const opened = from + Math.floor(rand() * (NOW - from));
            const remote = endpoint(p.p, Math.floor(rand() * p.endpoints), rand);
            const port = rand() < 0.05 ? 1024 + Math.floor(rand() * 60000) : p.port;
            const closed = opened + 1000 + Math.floor(rand() * 120_000);
            insConn.run(s.id, `c${String(conn++).padStart(7, '0')}`, guid, pid, s.lan, 40000 + (c % 20000), remote, port,
              closed < NOW ? 'CLOSED' : 'ESTABLISHED', clock(opened), closed < NOW ? clock(closed) : null, clock(Math.min(closed, NOW)));
            rows++;
          }
        });
      }
    })();
    process.stdout.write(`\rbuilding ${FIXTURE}: ${thousands(rows)} netconns`);
  }
  process.stdout.write('\n');
  const indexStarted = process.hrtime.bigint();
  for (const sql of netconnIndexes) db.exec(sql);
  const indexS = Number(process.hrtime.bigint() - indexStarted) / 1e9;
  // What PRAGMA optimize does for a running collector, bounded so it stays quick.
  db.pragma('analysis_limit = 1000');
  db.exec('ANALYZE');
  db.pragma('journal_mode = WAL');
  db.close();
  renameSync(tmp, path);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`built in ${seconds.toFixed(0)} s (indexes ${indexS.toFixed(0)} s): ${thousands(rows)} netconns, `
    + `${(statSync(path).size / 1e9).toFixed(2)} GB`);
}

// ---------------------------------------------------------------- timing

/** Median and p95 of `runs` calls after one warm-up; a query slower than 1 s in the warm-up gets 5 runs. */
async function time(runs, fn) {
  const w0 = process.hrtime.bigint();
  await fn(); // warm-up: statements prepared, pages cached
  if (Number(process.hrtime.bigint() - w0) / 1e6 > 1000) runs = Math.min(runs, 5);
  const times = [];
  let result;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), runs, result };
}

const clock = { now: () => NOW };
function apiSearch(store, q) {
  // compileProcessQuery + searchProcesses, as GET /api/v1/processes?q= does.
  return store.searchProcesses({ where: compileProcessQuery(q, clock).where, sort: DEFAULT_PROCESS_SORT, limit: 100, offset: 0, countTotal: true });
}

if (args.rebuild) rmSync(FIXTURE, { force: true });
if (!existsSync(FIXTURE)) await buildFixture(FIXTURE);
else console.log(`fixture: ${FIXTURE} (cached; --rebuild to make it again)`);

const store = await openSqliteStore(FIXTURE);
const raw = new Database(FIXTURE, { readonly: true });
const counts = raw.prepare('SELECT (SELECT COUNT(*) FROM sensors) AS sensors, (SELECT COUNT(*) FROM processes) AS processes, (SELECT MAX(id) FROM netconns) AS netconns').get();
console.log(`store: ${thousands(counts.sensors)} sensors, ${thousands(counts.processes)} processes, ${thousands(counts.netconns)} netconns`);

const target = 1042;
const writeUp = `sensor_id:${target} netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]`;
const indexed = await time(RUNS, () => apiSearch(store, writeUp));

// Baseline: the same answer from a naive scan, every netconn counted by process.
const offset = raw.prepare('SELECT COALESCE(clock_offset_ms, 0) AS o FROM sensors WHERE id = ?').get(target).o;
// MATERIALIZED: otherwise SQLite pushes the sensor filter into the grouping and it is no longer a scan.
const naive = raw.prepare(`WITH n AS MATERIALIZED (SELECT sensor_id, process_guid, COUNT(*) AS c FROM netconns GROUP BY sensor_id, process_guid)
  SELECT p.process_guid FROM processes p JOIN n ON n.sensor_id = p.sensor_id AND n.process_guid = p.process_guid
  WHERE p.sensor_id = ? AND n.c >= 1 AND p.start_time_ms BETWEEN ? AND ? ORDER BY p.start_time_ms DESC`).pluck();
const baseline = await time(5, () => naive.all(target, NOW - 10 * MIN + offset, NOW + offset));
const same = JSON.stringify(indexed.result.rows.map((r) => r.processGuid)) === JSON.stringify(baseline.result);

console.log(`\nwrite-up query: ${writeUp}`);
console.log(`  indexed (store.searchProcesses): median ${ms(indexed.median)} ms, p95 ${ms(indexed.p95)} ms over ${RUNS} runs; `
  + `${indexed.result.rows.length} processes (${indexed.result.rows.map((r) => r.name).join(', ')})`);
console.log(`  (target sensor holds ${thousands(raw.prepare('SELECT COUNT(*) FROM processes WHERE sensor_id = ?').pluck().get(target))} processes, `
  + `${thousands(raw.prepare('SELECT COUNT(*) FROM netconns WHERE sensor_id = ?').pluck().get(target))} netconns)`);
console.log(`  naive full scan (COUNT of every netconn by process): median ${ms(baseline.median)} ms, p95 ${ms(baseline.p95)} ms over 5 runs`);
console.log(`  ratio naive/indexed (medians): ${(baseline.median / indexed.median).toFixed(0)}x; same answer: ${same ? 'yes' : 'NO'}; `
  + `target median < 100 ms: ${indexed.median < 100 ? 'met' : 'NOT met'}`);

console.log('\nother queries (limit 100, with total):');
const others = [
  // ipaddr: a host (equality on remote_ip), networks on an octet boundary (a text range on the
  // remote_ip index) and off one (the range, then pt_ip_in_cidr), IPv6 on one sensor.
  'ipaddr:20.13.0.12',
  'ipaddr:20.13.0.0/20',
  'ipaddr:10.20.0.0/16',
  `sensor_id:${target} ipaddr:2001:db8::/32`,
  'hostname:*LAPTOP-104* netconn_count:[1 TO *]',
  'hostname:*LAPTOP*',
  'process_name:winscp*',
  'start:-10m netconn_count:[1 TO *]',
  `sensor_id:${target} ipport:22`,
  // No index on remote_port (every netconn insert would pay for one): the worst case, a scan.
  'ipport:22',
];
for (const q of others) {
  const t = await time(Math.min(RUNS, 20), () => apiSearch(store, q));
  console.log(`  ${q.padEnd(48)} median ${ms(t.median).padStart(7)} ms, p95 ${ms(t.p95).padStart(7)} ms (${t.runs} runs); ${thousands(t.result.total)} matches`);
}
const sensorQ = 'hostname:*LAPTOP-004*';
const sensorT = await time(20, () => store.searchSensors({ where: compileSensorQuery(sensorQ, clock).where }));
console.log(`  sensors: ${sensorQ.padEnd(39)} median ${ms(sensorT.median).padStart(7)} ms, p95 ${ms(sensorT.p95).padStart(7)} ms (${sensorT.runs} runs); ${sensorT.result.length} sensors`);

raw.close();
await store.close();
