// The search routes and `pushtrace query`, over real HTTP on loopback and a
// real store file. The collector's own router registers the routes (the
// lead's wiring); this server does what that wiring does: GET
// /api/v1/processes and /api/v1/sensors through withSearch, a QueryError
// answered 400 with queryErrorBody, a bad parameter 400 with its code.
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiContext, RouteInput } from '../src/api/api-handler.js';
import { queryErrorBody, searchProcessesRoute, searchSensorsRoute, withSearch } from '../src/api/query-routes.js';
import { sendError, sendJson } from '../src/api/respond.js';
import { queryCommand } from '../src/cli/query-command.js';
import { CollectorError } from '../src/errors.js';
import { isQueryError } from '../src/query/query-error.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import type { Store } from '../src/store/store.js';
import { T0, conn, msg, netconns, processInfo } from './store-fixtures.js';

const NOW = T0;
const MIN = 60_000;
const WRITE_UP = 'sensor_id:1 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]';

let dir = '';
let store: Store;
let server: Server;
let url = '';
const requests: string[] = [];

/** What the plain routes answer without q: enough to tell the list from the search. */
async function listRoute({ ctx }: RouteInput): Promise<unknown> {
  return { listed: (await ctx.store.listProcesses({})).length };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pushtrace-query-api-'));
  store = await openSqliteStore(join(dir, 'api.db'));
  const win = await store.createSensor({ tokenHash: 'h-win', hostname: 'WIN-LAPTOP-7', agentVersion: '1.0.0', enrolledAtMs: NOW - MIN });
  const mac = await store.createSensor({ tokenHash: 'h-mac', hostname: 'JDOE-LAPTOP-MAC', agentVersion: '1.0.0', enrolledAtMs: NOW - MIN });
  await store.createSensor({ tokenHash: 'h-srv', hostname: 'build-01', agentVersion: '1.0.0', enrolledAtMs: NOW - MIN });
  await store.commitMessages(win, [
    msg(1, { hostInfo: { hostname: 'WIN-LAPTOP-7', osPlatform: 'win32', loggedInUsers: ['jdoe'], observedAtMs: NOW - MIN } }),
    processInfo(2, 'g-winscp', 'WinSCP.exe', { pid: 24548, startTimeMs: NOW - 7 * 24 * 60 * MIN, path: 'C:\\Program Files (x86)\\WinSCP\\WinSCP.exe' }),
    processInfo(3, 'g-chrome', 'chrome.exe', { pid: 4100, startTimeMs: NOW - 5 * MIN, observedAtMs: NOW - 5 * MIN, md5: 'A2881D8C2B39869CF67079F857DABDF9' }),
    netconns(4, NOW - MIN, [
      conn('w1', NOW - 2 * MIN, { processGuid: 'g-winscp', remoteIp: '203.0.113.45', remotePort: 22 }),
      conn('c1', NOW - 4 * MIN, { processGuid: 'g-chrome', remoteIp: '142.250.0.1', remotePort: 443 }),
      conn('c2', NOW - 3 * MIN, { processGuid: 'g-chrome', remoteIp: '142.250.0.2', remotePort: 443 }),
    ]),
  ], NOW);
  await store.commitMessages(mac, [
    msg(1, { hostInfo: { hostname: 'JDOE-LAPTOP-MAC', osPlatform: 'darwin', loggedInUsers: ['jdoe'], observedAtMs: NOW - MIN } }),
  ], NOW);

  // The search routes read only these parts of the context; the rest (detection, live response, ...)
  // belongs to other routes and is left out rather than faked.
  const searchContext: Pick<ApiContext, 'store' | 'now' | 'offlineGraceMs' | 'isConnected' | 'log'> = {
    store,
    now: () => NOW,
    offlineGraceMs: 15_000,
    isConnected: () => false,
    log: pino({ level: 'silent' }),
  };
  const ctx = searchContext as ApiContext;
  const routes: Record<string, (input: RouteInput) => Promise<unknown>> = {
    '/api/v1/processes': withSearch(searchProcessesRoute, listRoute, ['sort', 'offset']),
    '/api/v1/sensors': withSearch(searchSensorsRoute, listRoute, []),
  };
  server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${u.pathname}${u.search}`);
    const handle = routes[u.pathname];
    if (handle === undefined) {
      sendError(res, 404, 'COLLECTOR_E_NOT_FOUND', `no API endpoint ${u.pathname}`);
      return;
    }
    handle({ ctx, principal: { kind: 'admin-token', name: 'test', role: 'viewer' }, query: u.searchParams, path: [], body: '' })
      .then((body) => sendJson(res, 200, body))
      .catch((err: unknown) => {
        if (isQueryError(err)) sendJson(res, 400, queryErrorBody(err));
        else if (err instanceof CollectorError && err.code === 'COLLECTOR_E_BAD_PARAM') sendError(res, 400, err.code, err.message);
        else sendError(res, 500, 'COLLECTOR_E_INTERNAL', String(err));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function get(path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`);
  return { status: res.status, body: await res.json() };
}

const qs = (params: Record<string, string>) => `?${new URLSearchParams(params).toString()}`;

describe('GET /api/v1/processes?q=', () => {
  it("answers the write-up's query with one page, its total and the process fields", async () => {
    const res = await get(`/api/v1/processes${qs({ q: WRITE_UP })}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      query: WRITE_UP, sort: '-start', offset: 0, limit: 100, total: 1, has_more: false,
      processes: [{
        sensor_id: 1, hostname: 'WIN-LAPTOP-7', name: 'chrome.exe', pid: 4100, ppid: 1, path: '/usr/bin/chrome.exe', cmdline: 'chrome.exe host',
        user: 'alice', start_time: new Date(NOW - 5 * MIN).toISOString(), last_update: new Date(NOW - 3 * MIN).toISOString(),
        sha256: null, md5: 'a2881d8c2b39869cf67079f857dabdf9', netconn_count: 2, process_guid: 'g-chrome', exe_deleted: false,
      }],
    });
  });

  it('pages with sort, limit and offset', async () => {
    const first = await get(`/api/v1/processes${qs({ q: 'netconn_count:[1 TO *]', sort: '-netconn_count', limit: '1' })}`);
    expect(first.body).toMatchObject({ sort: '-netconn_count', total: 2, has_more: true, processes: [{ name: 'chrome.exe', netconn_count: 2 }] });
    const second = await get(`/api/v1/processes${qs({ q: 'netconn_count:[1 TO *]', sort: '-netconn_count', limit: '1', offset: '1' })}`);
    expect(second.body).toMatchObject({ offset: 1, total: 2, has_more: false, processes: [{ name: 'WinSCP.exe', netconn_count: 1 }] });
  });

  it.each([
    ['pid:abc', 'COLLECTOR_E_QUERY_VALUE', 5, /^pid needs a whole number, got 'abc' at column 5$/],
    ['', 'COLLECTOR_E_QUERY_SYNTAX', 1, /^empty query/],
    ['netconn_count:[1 TO', 'COLLECTOR_E_QUERY_SYNTAX', 20, /at column 20/],
    ['proces_name:x', 'COLLECTOR_E_QUERY_FIELD', 1, /did you mean process_name\?/],
  ])('a bad query %j answers 400 with its code and column', async (q, code, column, message) => {
    const res = await get(`/api/v1/processes${qs({ q })}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code, message: expect.stringMatching(message), column } });
  });

  it('refuses parameters that do not fit, naming them', async () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ q: 'pid:*', sensor: '1' }, /sensor cannot be combined with q/],
      [{ q: 'pid:*', since: '10m' }, /since cannot be combined with q/],
      [{ q: 'pid:*', sort: 'bogus' }, /query parameter sort: "bogus" is not a sort key/],
      [{ q: 'pid:*', limit: '10001' }, /limit: "10001" is not a whole number from 0 to 10000/],
      [{ q: 'pid:*', offset: '-1' }, /offset: "-1"/],
      [{ sort: '-start' }, /query parameter sort needs q/],
    ];
    for (const [params, message] of cases) {
      const res = await get(`/api/v1/processes${qs(params)}`);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(res.body.error).toEqual({ code: 'COLLECTOR_E_BAD_PARAM', message: expect.stringMatching(message) });
    }
  });

  it('without q the plain list answers, as before', async () => {
    expect((await get('/api/v1/processes')).body).toEqual({ listed: 2 });
    expect((await get('/api/v1/sensors')).body).toEqual({ listed: 2 });
  });
});

describe('GET /api/v1/sensors?q=', () => {
  it("finds a user's machines, in GET /sensors' shape", async () => {
    const res = await get(`/api/v1/sensors${qs({ q: 'hostname:*LAPTOP*' })}`);
    expect(res.status).toBe(200);
    expect(res.body.query).toBe('hostname:*LAPTOP*');
    expect(res.body.now).toBe(new Date(NOW).toISOString());
    expect(res.body.sensors.map((s: { hostname: string; os_platform: string }) => [s.hostname, s.os_platform]))
      .toEqual([['WIN-LAPTOP-7', 'win32'], ['JDOE-LAPTOP-MAC', 'darwin']]);
    expect(res.body.sensors[0]).toMatchObject({ sensor_id: 1, status: 'offline', logged_in_users: ['jdoe'] });
  });

  it('a bad sensor query answers 400 with its column', async () => {
    const res = await get(`/api/v1/sensors${qs({ q: 'hostname:x process_name:y' })}`);
    expect(res.body).toEqual({ error: { code: 'COLLECTOR_E_QUERY_FIELD', message: expect.stringContaining("unknown field 'process_name' at column 12"), column: 12 } });
  });
});

/** Runs `pushtrace query ARGS` in-process against the test server. */
async function pushtraceQuery(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (write: (s: string) => void) => new Writable({ write(chunk: Buffer, _enc, done) { write(chunk.toString('utf8')); done(); } });
  const code = await queryCommand.run(args, {
    stdout: sink((s) => { stdout += s; }), stderr: sink((s) => { stderr += s; }),
    env: { PUSHTRACE_SERVER: url, PUSHTRACE_TOKEN: 'test-token' },
  });
  return { code, stdout, stderr };
}

describe('pushtrace query', () => {
  it("prints the write-up's answer as a table, with the page line", async () => {
    const run = await pushtraceQuery([WRITE_UP]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SENSOR\s+HOSTNAME\s+PID\s+NAME\s+USER\s+STARTED\s+LAST ACTIVE\s+CONNS\s+PATH$/);
    expect(lines[1]).toMatch(/^1\s+WIN-LAPTOP-7\s+4100\s+chrome\.exe\s+alice\s+\S+Z\s+\S+Z\s+2\s+\/usr\/bin\/chrome\.exe$/);
    expect(lines[2]).toBe('1-1 of 1 processes');
  });

  it('--json prints the answer only; --sort, --limit and --offset reach the server', async () => {
    const run = await pushtraceQuery(['netconn_count:[1 TO *]', '--json', '--sort', 'netconn_count', '--limit', '1', '--offset', '0']);
    expect(run.code).toBe(0);
    const answer = JSON.parse(run.stdout);
    expect(answer).toMatchObject({ sort: 'netconn_count', limit: 1, total: 2, has_more: true, processes: [{ name: 'WinSCP.exe' }] });
    expect(requests.at(-1)).toBe(`/api/v1/processes${qs({ q: 'netconn_count:[1 TO *]', sort: 'netconn_count', limit: '1', offset: '0' })}`);
    const table = await pushtraceQuery(['netconn_count:[1 TO *]', '--limit', '1']);
    expect(table.stdout).toContain('1-1 of 2 processes; next page: --offset 1\n');
  });

  it('a bad query is shown with a caret under its column, exit 2, and no request is made', async () => {
    const before = requests.length;
    const run = await pushtraceQuery(['sensor_id:1 pid:abc']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("pushtrace query: pid needs a whole number, got 'abc' at column 17\n  sensor_id:1 pid:abc\n                  ^\n");
    expect(requests.length).toBe(before);
  });

  it('refuses a missing or split query and bad flags before any request', async () => {
    const before = requests.length;
    await expect(pushtraceQuery([])).rejects.toMatchObject({ code: 'COLLECTOR_E_USAGE', message: expect.stringContaining('query is missing') });
    await expect(pushtraceQuery(['pid:1', 'pid:2'])).rejects.toMatchObject({ code: 'COLLECTOR_E_USAGE', message: expect.stringContaining('quote the whole query') });
    await expect(pushtraceQuery(['pid:1', '--sort', 'size'])).rejects.toMatchObject({ code: 'COLLECTOR_E_BAD_PARAM', message: expect.stringContaining('--sort') });
    await expect(pushtraceQuery(['pid:1', '--limit', 'ten'])).rejects.toMatchObject({ code: 'COLLECTOR_E_BAD_PARAM', message: expect.stringContaining('--limit') });
    expect(requests.length).toBe(before);
  });

  it('says so when nothing matches', async () => {
    expect((await pushtraceQuery(['process_name:nothing-like-this'])).stdout).toBe('no processes match\n');
  });
});
