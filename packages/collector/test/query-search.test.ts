// Process and sensor search against a real SQLite store file, with the
// telemetry put in the way the gateway does it (commitMessages).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROCESS_SORT, compileProcessQuery, parseProcessSort } from '../src/query/process-query.js';
import { compileSensorQuery } from '../src/query/sensor-query.js';
import { processSearchSql } from '../src/store/sqlite/search-processes.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { ProcessSearch, Store } from '../src/store/store.js';
import { T0, checkin, conn, msg, netconns, processInfo } from './store-fixtures.js';

/** The collector's clock during the tests. */
const NOW = T0;
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const clock = { now: () => NOW };
const HOSTILE = "'; DROP TABLE processes; --";

let dir = '';
let path = '';
let store: Store;
const sensor = { win: 0, mac: 0, build: 0 };

/**
 * Three sensors. WIN-LAPTOP-7 (jdoe's Windows laptop, agent clock right):
 * WinSCP started a week ago and still reconnecting, chrome started 5 minutes
 * ago, notepad with no connections, names with % and _, a hostile command
 * line. JDOE-LAPTOP-MAC (agent clock one hour AHEAD): ssh started 2 minutes
 * ago (its clock), curl 20 minutes ago over IPv6. build-01: twelve jobs with
 * 1..12 netconns for sorting and paging; never checked in.
 */
async function buildWorld(s: Store): Promise<void> {
  sensor.win = await s.createSensor({ tokenHash: 'h-win', hostname: 'WIN-LAPTOP-7', agentVersion: '1.0.0', enrolledAtMs: NOW - 30 * DAY });
  sensor.mac = await s.createSensor({ tokenHash: 'h-mac', hostname: 'JDOE-LAPTOP-MAC', agentVersion: '1.0.0', enrolledAtMs: NOW - 30 * DAY });
  sensor.build = await s.createSensor({ tokenHash: 'h-build', hostname: 'build-01', agentVersion: '1.0.0', enrolledAtMs: NOW - 30 * DAY });

  const win = (t: number) => t;
  await s.commitMessages(sensor.win, [
    msg(1, { hostInfo: { hostname: 'WIN-LAPTOP-7', osPlatform: 'win32', osVersion: 'Windows 11 Pro', loggedInUsers: ['CORP\\jdoe'],
      interfaces: [{ name: 'Ethernet', addresses: ['10.1.2.3/24'] }], observedAtMs: NOW - DAY } }),
    msg(2, { externalIp: { ip: '198.51.100.7', resolver: '127.0.0.1:53', observedAtMs: NOW - DAY } }),
    processInfo(3, 'g-winscp', 'WinSCP.exe', { pid: 24548, startTimeMs: win(NOW - 7 * DAY), observedAtMs: NOW - 7 * DAY,
      path: 'C:\\Program Files (x86)\\WinSCP\\WinSCP.exe', cmdline: '"C:\\Program Files (x86)\\WinSCP\\WinSCP.exe"',
      username: 'CORP\\jdoe', md5: 'A2881D8C2B39869CF67079F857DABDF9', sha256: 'ab'.repeat(32) }),
    processInfo(4, 'g-chrome', 'chrome.exe', { pid: 4100, startTimeMs: win(NOW - 5 * MIN), observedAtMs: NOW - 5 * MIN,
      path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', cmdline: 'chrome.exe --type=renderer', username: 'CORP\\jdoe' }),
    processInfo(5, 'g-notepad', 'notepad.exe', { pid: 4200, startTimeMs: win(NOW - 3 * MIN), observedAtMs: NOW - 3 * MIN,
      path: 'C:\\Windows\\notepad.exe', cmdline: 'notepad.exe 100%.txt', username: 'CORP\\jdoe' }),
    processInfo(6, 'g-pct', '100%_done.exe', { pid: 4300, startTimeMs: win(NOW - HOUR), observedAtMs: NOW - HOUR, cmdline: 'a_b' }),
    processInfo(7, 'g-xx', '100xxdone.exe', { pid: 4301, startTimeMs: win(NOW - HOUR), observedAtMs: NOW - HOUR, cmdline: 'axb' }),
    processInfo(8, 'g-hostile', 'cmd.exe', { pid: 4400, startTimeMs: win(NOW - 2 * HOUR), observedAtMs: NOW - 2 * HOUR, cmdline: HOSTILE }),
    netconns(9, NOW - MIN, [
      ...[5, 4, 3, 2, 1].map((m) => conn(`winscp-${m}`, win(NOW - m * MIN), { processGuid: 'g-winscp', pid: 24548, remoteIp: '203.0.113.45', remotePort: 22 })),
      ...[1, 2, 3].map((i) => conn(`chrome-${i}`, win(NOW - 4 * MIN + i), { processGuid: 'g-chrome', pid: 4100, remoteIp: '142.250.0.1', remotePort: 443 })),
      conn('chrome-v6', win(NOW - 4 * MIN), { processGuid: 'g-chrome', pid: 4100, remoteIp: '2001:db8:1::5', remotePort: 443 }),
    ]),
  ], NOW);
  await s.recordCheckin(sensor.win, checkin(NOW - 30_000, { externalIp: '198.51.100.7' }));

  // The Mac's clock runs an hour ahead: everything it reports is an hour later than the collector's now.
  const mac = (t: number) => t + HOUR;
  await s.commitMessages(sensor.mac, [
    msg(1, { hostInfo: { hostname: 'JDOE-LAPTOP-MAC', osPlatform: 'darwin', osVersion: 'macOS 14.5', loggedInUsers: ['jdoe'],
      interfaces: [{ name: 'en0', addresses: ['192.168.1.23/24', '2001:DB8:0:0::7/64'] }], observedAtMs: mac(NOW - DAY) } }),
    processInfo(2, 'g-ssh', 'ssh', { pid: 900, startTimeMs: mac(NOW - 2 * MIN), observedAtMs: mac(NOW - 2 * MIN), cmdline: 'ssh admin@10.0.0.5', username: 'jdoe' }),
    processInfo(3, 'g-curl', 'curl', { pid: 901, startTimeMs: mac(NOW - 20 * MIN), observedAtMs: mac(NOW - 20 * MIN), cmdline: 'curl https://[2001:db8::1]/', username: 'jdoe' }),
    netconns(4, mac(NOW - MIN), [
      conn('ssh-1', mac(NOW - 2 * MIN), { processGuid: 'g-ssh', pid: 900, remoteIp: '10.0.0.5', remotePort: 22 }),
      conn('curl-1', mac(NOW - 20 * MIN), { processGuid: 'g-curl', pid: 901, remoteIp: '2001:db8::1', remotePort: 443 }),
    ]),
  ], NOW);
  await s.recordCheckin(sensor.mac, checkin(NOW - 60_000, { sentAtMs: mac(NOW - 60_000) }));

  // build-01: job-01 .. job-12, job-i with i netconns, started i minutes apart a day ago.
  const jobs = Array.from({ length: 12 }, (_, k) => k + 1);
  await s.commitMessages(sensor.build, [
    msg(1, { hostInfo: { hostname: 'build-01', osPlatform: 'linux', osVersion: 'Debian GNU/Linux 12', loggedInUsers: ['ci'],
      interfaces: [{ name: 'eth0', addresses: ['10.9.9.9/16'] }], observedAtMs: NOW - DAY } }),
    ...jobs.map((i) => processInfo(1 + i, `g-job-${i}`, `job-${String(i).padStart(2, '0')}`,
      { pid: 5000 + i, startTimeMs: NOW - DAY + i * MIN, observedAtMs: NOW - DAY + i * MIN, username: 'ci' })),
    netconns(20, NOW - DAY + HOUR, jobs.flatMap((i) => Array.from({ length: i }, (_, c) =>
      conn(`job-${i}-${c}`, NOW - DAY + i * MIN + c, { processGuid: `g-job-${i}`, pid: 5000 + i, remoteIp: `198.18.${i}.${c + 1}`, remotePort: 8080 + c })))),
  ], NOW);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-query-test-'));
  path = join(dir, 'search.db');
  store = await openSqliteStore(path);
  await buildWorld(store);
});
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

function search(q: string, over: Partial<ProcessSearch> = {}) {
  return store.searchProcesses({ where: compileProcessQuery(q, clock).where, sort: DEFAULT_PROCESS_SORT, limit: 100, offset: 0, ...over });
}

/** "sensor-name" of every match, sorted: what a query found, order aside. */
async function found(q: string): Promise<string[]> {
  const page = await search(q);
  const host = (id: number) => ({ [sensor.win]: 'win', [sensor.mac]: 'mac', [sensor.build]: 'build' })[id];
  return page.rows.map((r) => `${host(r.sensorId)}:${r.name}`).sort();
}

describe('process search: the write-up', () => {
  it("answers the write-up's query verbatim: processes started in the last 10 minutes with a connection", async () => {
    expect(await found(`sensor_id:${sensor.win} netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]`)).toEqual(['win:chrome.exe']);
    // The Mac's clock is an hour ahead; NOW is read in each sensor's own clock, so its ssh still counts.
    expect(await found(`sensor_id:${sensor.mac} netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]`)).toEqual(['mac:ssh']);
    expect(await found(`sensor_id:${sensor.build} netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]`)).toEqual([]);
  });

  it('returns the process fields, its hostname and netconn count', async () => {
    const page = await search(`sensor_id:${sensor.win} process_name:winscp.exe`, { countTotal: true });
    expect(page).toEqual({ hasMore: false, total: 1, rows: [{
      sensorId: sensor.win, hostname: 'WIN-LAPTOP-7', processGuid: 'g-winscp', name: 'WinSCP.exe', pid: 24548, ppid: 1,
      path: 'C:\\Program Files (x86)\\WinSCP\\WinSCP.exe', cmdline: '"C:\\Program Files (x86)\\WinSCP\\WinSCP.exe"', username: 'CORP\\jdoe',
      startTimeMs: NOW - 7 * DAY, sha256: 'ab'.repeat(32), md5: 'a2881d8c2b39869cf67079f857dabdf9', exeDeleted: false,
      netconnCount: 5, lastUpdateMs: NOW - MIN,
    }] });
  });

  it('last_update finds the long-running process that start misses', async () => {
    expect(await found(`sensor_id:${sensor.win} netconn_count:[1 TO *] last_update:-10m`)).toEqual(['win:WinSCP.exe', 'win:chrome.exe']);
    // Without netconns, last_update is when the collector first heard of the process (notepad);
    // the Mac's ssh is 2 minutes old in the Mac's own clock.
    expect(await found('last_update:[NOW-4MINUTES TO NOW]')).toEqual(['mac:ssh', 'win:WinSCP.exe', 'win:chrome.exe', 'win:notepad.exe']);
  });

  it('an absolute time compares as the agent wrote it, like the times the API shows', async () => {
    const macSshStart = new Date(NOW - 2 * MIN + HOUR).toISOString();
    expect(await found(`start:${macSshStart}`)).toEqual(['mac:ssh']);
    expect(await found(`start:[${new Date(NOW + 30 * MIN).toISOString()} TO *]`)).toEqual(['mac:curl', 'mac:ssh']);
  });
});

describe('process search: text, wildcards, IPs, ports, logic, ranges', () => {
  it('text is case-insensitive and exact unless wildcards say otherwise', async () => {
    expect(await found('process_name:WINSCP.EXE')).toEqual(['win:WinSCP.exe']);
    expect(await found('process_name:winscp')).toEqual([]);
    expect(await found('process_name:winscp*')).toEqual(['win:WinSCP.exe']);
    expect(await found('hostname:*laptop* process_name:ssh')).toEqual(['mac:ssh']);
    expect(await found('username:corp\\\\jdoe process_name:c*')).toEqual(['win:chrome.exe']);
    expect(await found('path:"C:\\\\Program Files (x86)\\\\WinSCP\\\\*"')).toEqual(['win:WinSCP.exe']);
    expect(await found('md5:A2881D8C2B39869CF67079F857DABDF9')).toEqual(['win:WinSCP.exe']);
    expect(await found('sha256:abab*')).toEqual(['win:WinSCP.exe']);
    expect(await found('process_guid:g-ssh')).toEqual(['mac:ssh']);
  });

  it('% and _ in the data are matched literally, never as LIKE wildcards', async () => {
    expect(await found('process_name:100%_*')).toEqual(['win:100%_done.exe']);
    expect(await found('process_name:100__done.exe')).toEqual([]);
    expect(await found('cmdline:a_b')).toEqual(['win:100%_done.exe']);
    expect(await found('cmdline:*%*')).toEqual(['win:notepad.exe']);
    expect(await found('cmdline:\\*')).toEqual([]);
  });

  it('ipaddr: IPv4 and IPv6 addresses and CIDR networks, any netconn of the process', async () => {
    expect(await found('ipaddr:203.0.113.0/24')).toEqual(['win:WinSCP.exe']);
    expect(await found('ipaddr:203.0.113.45')).toEqual(['win:WinSCP.exe']);
    expect(await found('ipaddr:10.0.0.0/8')).toEqual(['mac:ssh']);
    expect(await found('ipaddr:::ffff:10.0.0.5')).toEqual(['mac:ssh']);
    expect(await found('ipaddr:198.18.0.0/15 netconn_count:[12 TO *]')).toEqual(['build:job-12']);
    expect(await found('ipaddr:2001:db8::/32')).toEqual(['mac:curl', 'win:chrome.exe']);
    expect(await found('ipaddr:2001:db8:1::/48')).toEqual(['win:chrome.exe']);
    expect(await found('ipaddr:2001:DB8::1')).toEqual(['mac:curl']);
    expect(await found('ipaddr:0.0.0.0/0 sensor_id:2')).toEqual(['mac:ssh']);
    expect(await found('sensor_id:1 -ipaddr:*')).toEqual(['win:100%_done.exe', 'win:100xxdone.exe', 'win:cmd.exe', 'win:notepad.exe']);
  });

  it('ipport, alone, in ranges, and limited to a sensor (also under NOT)', async () => {
    expect(await found('ipport:22')).toEqual(['mac:ssh', 'win:WinSCP.exe']);
    expect(await found('ipport:[400 TO 500]')).toEqual(['mac:curl', 'win:chrome.exe']);
    expect(await found(`sensor_id:${sensor.mac} ipport:22`)).toEqual(['mac:ssh']);
    expect(await found(`sensor_id:${sensor.mac} -ipport:22`)).toEqual(['mac:curl']);
    expect(await found(`sensor_id:${sensor.mac} NOT (ipport:22 OR ipport:443)`)).toEqual([]);
    expect(await found('ipport:{8085 TO *]')).toEqual(['build:job-07', 'build:job-08', 'build:job-09', 'build:job-10', 'build:job-11', 'build:job-12']);
  });

  it('OR, NOT and parentheses', async () => {
    expect(await found('process_name:ssh OR process_name:curl')).toEqual(['mac:curl', 'mac:ssh']);
    expect(await found('(process_name:ssh OR process_name:WinSCP.exe) hostname:win*')).toEqual(['win:WinSCP.exe']);
    expect(await found('hostname:*laptop* -process_name:*.exe')).toEqual(['mac:curl', 'mac:ssh']);
    expect(await found('hostname:*laptop* AND NOT (process_name:*.exe OR pid:900)')).toEqual(['mac:curl']);
    expect(await found('pid:900 OR pid:24548 OR (sensor_id:3 pid:5001)')).toEqual(['build:job-01', 'mac:ssh', 'win:WinSCP.exe']);
  });

  it('netconn_count ranges with open and exclusive ends', async () => {
    const jobs = (q: string) => found(`sensor_id:${sensor.build} ${q}`);
    expect(await jobs('netconn_count:[11 TO *]')).toEqual(['build:job-11', 'build:job-12']);
    expect(await jobs('netconn_count:[* TO 2]')).toEqual(['build:job-01', 'build:job-02']);
    expect(await jobs('netconn_count:{2 TO 5}')).toEqual(['build:job-03', 'build:job-04']);
    expect(await jobs('netconn_count:7')).toEqual(['build:job-07']);
    expect(await found('netconn_count:0')).toEqual(['win:100%_done.exe', 'win:100xxdone.exe', 'win:cmd.exe', 'win:notepad.exe']);
    expect(await found('-netconn_count:[1 TO *] sensor_id:1')).toEqual(await found('netconn_count:0'));
  });

  it('pid, ppid and start ranges with open ends', async () => {
    expect(await found('pid:[5011 TO 24547]')).toEqual(['build:job-11', 'build:job-12']);
    expect(await found('pid:[* TO 901] ppid:1')).toEqual(['mac:curl', 'mac:ssh']);
    expect(await found(`start:[* TO ${new Date(NOW - 2 * DAY).toISOString()}]`)).toEqual(['win:WinSCP.exe']);
    expect(await found('start:[NOW-2HOURS TO NOW-30MINUTES] sensor_id:1')).toEqual(['win:100%_done.exe', 'win:100xxdone.exe', 'win:cmd.exe']);
  });
});

describe('process search: sort and paging', () => {
  it('sorts by each key, ties broken by sensor and GUID', async () => {
    const order = async (sort: string, q = `sensor_id:${sensor.build}`) =>
      (await search(q, { sort: parseProcessSort(sort, 'sort') })).rows.map((r) => r.name);
    const jobNames = Array.from({ length: 12 }, (_, k) => `job-${String(k + 1).padStart(2, '0')}`);
    expect(await order('-netconn_count')).toEqual([...jobNames].reverse());
    expect(await order('netconn_count')).toEqual(jobNames);
    expect(await order('start')).toEqual(jobNames);
    expect(await order('-start')).toEqual([...jobNames].reverse());
    expect(await order('process_name')).toEqual(jobNames);
    expect(await order('-pid')).toEqual([...jobNames].reverse());
    expect(await order('last_update')).toEqual(jobNames);
    expect(await order('hostname', 'process_name:ssh OR process_name:job-01 OR process_name:chrome.exe')).toEqual(['job-01', 'ssh', 'chrome.exe']);
    expect(await order('-sensor_id', 'pid:[900 TO 4100]')).toEqual(['curl', 'ssh', 'chrome.exe']);
    expect(await order('username', 'process_name:ssh OR process_name:job-01 OR process_name:chrome.exe')).toEqual(['job-01', 'chrome.exe', 'ssh']);
  });

  it('pages do not overlap, say whether more follow, and count the total on request', async () => {
    const q = 'netconn_count:[* TO *]';
    const pages = [];
    for (let offset = 0; ; offset += 5) {
      const page = await search(q, { sort: parseProcessSort('-netconn_count', 'sort'), limit: 5, offset, countTotal: true });
      pages.push(page);
      if (!page.hasMore) break;
    }
    const all = await search(q, { sort: parseProcessSort('-netconn_count', 'sort'), limit: 100 });
    expect(pages.flatMap((p) => p.rows)).toEqual(all.rows);
    expect(pages.map((p) => [p.rows.length, p.hasMore, p.total])).toEqual([[5, true, 20], [5, true, 20], [5, true, 20], [5, false, 20]]);
    expect(all.rows.slice(0, 3).map((r) => r.netconnCount)).toEqual([12, 11, 10]);
    expect((await search(q, { limit: 0 })).hasMore).toBe(true);
    expect((await search(q, { offset: 100 })).rows).toEqual([]);
  });

  it('refuses a page it cannot give', async () => {
    await expect(search('pid:*', { limit: 10_001 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('limit') });
    await expect(search('pid:*', { offset: -1 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('offset') });
  });
});

describe('process search: hostile input is data', () => {
  it('SQL in a value is matched as text and runs nothing', async () => {
    expect(await found(`cmdline:"${HOSTILE}"`)).toEqual(['win:cmd.exe']);
    expect(await found(`cmdline:*DROP\\ TABLE*`)).toEqual(['win:cmd.exe']);
    expect(await found("process_name:';")).toEqual([]);
    expect(await found(`hostname:"x' OR '1'='1"`)).toEqual([]);
    // The SQL text carries no user text at all, only placeholders.
    const sql = processSearchSql({ where: compileProcessQuery(`cmdline:"${HOSTILE}" OR hostname:"x' OR 1=1 --"`, clock).where,
      sort: DEFAULT_PROCESS_SORT, limit: 10, offset: 0 });
    expect(sql.page.text).not.toContain('DROP');
    expect(sql.page.text).not.toContain("x'");
    expect(sql.page.params).toContain(HOSTILE);
    // Everything is still there.
    expect(await found('pid:*')).toHaveLength(20);
  });

  it('hostile query text fails to parse, with a column, and changes nothing', async () => {
    expect(() => compileProcessQuery(HOSTILE, clock)).toThrow(expect.objectContaining({ code: 'COLLECTOR_E_QUERY_SYNTAX', column: 1 }));
    expect(() => compileProcessQuery(`process_name:x ${HOSTILE}`, clock)).toThrow(expect.objectContaining({ column: 16 }));
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.prepare('SELECT COUNT(*) FROM processes').pluck().get()).toBe(20);
    } finally {
      raw.close();
    }
  });
});

describe('process search: query plans', () => {
  it("runs the write-up's query as index seeks on one sensor, netconn_count as one EXISTS seek", () => {
    const sql = processSearchSql({ where: compileProcessQuery('sensor_id:1 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]', clock).where,
      sort: DEFAULT_PROCESS_SORT, limit: 100, offset: 0 });
    const raw = new Database(path, { readonly: true });
    try {
      const plan = (raw.prepare(`EXPLAIN QUERY PLAN ${sql.page.text}`).all(...sql.page.params) as Array<{ detail: string }>).map((r) => r.detail);
      expect(plan.some((d) => /^SEARCH p USING INDEX processes_sensor_start \(sensor_id=\? AND start_time_ms>\? AND start_time_ms<\?\)/.test(d)), plan.join('\n')).toBe(true);
      expect(plan.some((d) => /CORRELATED SCALAR SUBQUERY|EXISTS/.test(d) || /USING COVERING INDEX netconns_process/.test(d)), plan.join('\n')).toBe(true);
      expect(plan.filter((d) => /^SCAN (p|n)\b/.test(d)), plan.join('\n')).toEqual([]);
    } finally {
      raw.close();
    }
  });
});

describe('sensor search', () => {
  const sensorsFound = async (q: string) => (await store.searchSensors({ where: compileSensorQuery(q, clock).where })).map((s) => s.hostname);

  it("finds a user's machines by hostname pattern, as the write-up did", async () => {
    expect(await sensorsFound('hostname:*LAPTOP*')).toEqual(['WIN-LAPTOP-7', 'JDOE-LAPTOP-MAC']);
    expect(await sensorsFound('hostname:*laptop-mac')).toEqual(['JDOE-LAPTOP-MAC']);
  });

  it('os by alias or version, ipaddr over the IP history (CIDR, v6 in any spelling), username, last_checkin', async () => {
    expect(await sensorsFound('os:windows')).toEqual(['WIN-LAPTOP-7']);
    expect(await sensorsFound('os:macos OR os:*debian*')).toEqual(['JDOE-LAPTOP-MAC', 'build-01']);
    expect(await sensorsFound('ipaddr:10.0.0.0/8')).toEqual(['WIN-LAPTOP-7', 'build-01']);
    expect(await sensorsFound('ipaddr:198.51.100.7')).toEqual(['WIN-LAPTOP-7']);
    expect(await sensorsFound('ipaddr:2001:db8::7')).toEqual(['JDOE-LAPTOP-MAC']);
    expect(await sensorsFound('ipaddr:2001:db8::/32')).toEqual(['JDOE-LAPTOP-MAC']);
    expect(await sensorsFound('username:jdoe OR username:*\\\\jdoe')).toEqual(['WIN-LAPTOP-7', 'JDOE-LAPTOP-MAC']);
    expect(await sensorsFound('last_checkin:-1m')).toEqual(['WIN-LAPTOP-7', 'JDOE-LAPTOP-MAC']);
    expect(await sensorsFound('last_checkin:[NOW-45SECONDS TO NOW]')).toEqual(['WIN-LAPTOP-7']);
    // Never checked in: matches no time, so it matches the NOT.
    expect(await sensorsFound('-last_checkin:-1m')).toEqual(['build-01']);
    expect(await sensorsFound('sensor_id:[2 TO *]')).toEqual(['JDOE-LAPTOP-MAC', 'build-01']);
  });

  it('returns whole sensor rows, as listSensors does', async () => {
    const all = await store.listSensors();
    const rows = await store.searchSensors({ where: compileSensorQuery('hostname:build-01', clock).where });
    expect(rows).toEqual(all.filter((s) => s.hostname === 'build-01'));
  });
});
