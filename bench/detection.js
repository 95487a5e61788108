// Detection benchmark (issue 3): what a burst of MFA pushes costs the
// collector once a day of telemetry is stored, and how fast a Duo log file
// goes in.
//
//   pnpm build && node --expose-gc bench/detection.js [--netconns N] [--baseline-netconns N] [--records N]
//
// 1. Ingest-to-alert latency. Two real SQLite store files (openSqliteStore)
//    hold the same world: four sensors (three behind an office NAT, a laptop
//    that moved between two home/café IPs), their HostInfo, processes, clock
//    offsets from checkins, and the sessions of three programs stuck in
//    reconnect loops (WinSCP.exe, FileZilla.exe, rclone) whose sessions open a
//    few seconds before each push of their user. One store also holds
//    --netconns (1,000,000) background sessions of busy programs spread over
//    the last 24 h; the baseline holds --baseline-netconns (1,000). Telemetry
//    goes in as the gateway hands it over: NetconnBatch envelopes encoded and
//    decoded with @pushtrace/proto, one per agent sample, committed with
//    store.commitMessages (each connection as the one event that reports it:
//    its CLOSE, carrying its first-seen time, or its OPEN while still open —
//    the row the OPEN+CLOSE pair leaves behind, at half the writes). The
//    stores are then closed and reopened, as a restarted collector finds them.
//    Then ~200 Duo pushes (10 users: loops, outside fatigue attacks, office
//    users nobody's process explains; each push a Duo Admin API v2 record
//    read by parseMfaLog beforehand) are ingested one at a time, in push-time
//    order, with a DetectionRunner whose clock stands 150 s after the push.
//    Latency = ingestEvents(store, runner, [event], []) from call to
//    resolution (the alert is saved by then). Each push goes to the baseline
//    store and then to the big one, so both see the same JIT state and the
//    same noise from other work on the machine. Ratio: p99(big)/p99(baseline).
//    Target: p99 < 200 ms with 1,000,000 netconns. Beside it, the detector's
//    session reads: rows handed to JS (listSessions rows, summariseSessions
//    entries, listEndpointSessions rows), rows SQLite counted for a summary
//    without handing them over, and the share of the time in those calls.
// 2. Duo file ingest rate. --records (200,000) Admin API v2 records as JSON
//    lines, and the same records as an Admin Panel CSV export, generated in
//    memory (7 days, 3,000 users, mostly approved pushes, some denied bursts
//    from the office NAT or outside IPs). Timed: parseMfaLog +
//    store.insertMfaEvents + runner.onMfaEvents, which is what
//    POST /api/v1/ingest/duo does (ingestEvents), each into a fresh copy of a
//    store holding the baseline world (sensors, IP history, loop sessions),
//    so the bursts are traced through IP sightings and sessions; then the
//    JSON lines once more into a copy of part 1's big store, where the
//    bursts of the last 24 h read its dense sessions. Beside it, the longest
//    the event loop went without running a timer meanwhile (parsing holds
//    it; detection lets it turn between users). Baseline in the same run:
//    JSON.parse of every line alone; for CSV, csv-parse's parse of the text
//    alone (relaxed column count, blank lines skipped, as the reader asks of
//    it). Target: >= 50,000 records/s. Before timing, as in a collector that
//    has been running: each format's first 20,000 records go once through
//    the same path into a scratch store (warm code), and part 1's garbage
//    is collected when --expose-gc allows (bench/run.js passes it).
//
// Results go to stdout as text; nothing is asserted. Temp files are removed.

import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeEnvelope, encodeEnvelope, pb } from '@pushtrace/proto';

const { values: args } = parseArgs({
  options: {
    netconns: { type: 'string', default: '1000000' },
    'baseline-netconns': { type: 'string', default: '1000' },
    records: { type: 'string', default: '200000' },
  },
});
const BIG_NETCONNS = Number(args.netconns);
const BASE_NETCONNS = Number(args['baseline-netconns']);
const RECORDS = Number(args.records);

const dist = new URL('../packages/collector/dist/', import.meta.url);
const { openSqliteStore } = await import(new URL('store/sqlite/sqlite-store.js', dist).href);
const { DetectionRunner } = await import(new URL('detect/detection-runner.js', dist).href);
const { DEFAULT_DETECTION_CONFIG } = await import(new URL('detect/types.js', dist).href);
const { ingestEvents } = await import(new URL('ingest/ingest-service.js', dist).href);
const { parseMfaLog } = await import(new URL('ingest/parse-mfa-log.js', dist).href);
const requireCollector = createRequire(new URL('../packages/collector/package.json', import.meta.url));
const { pino } = requireCollector('pino');
const { parse: csvParse } = requireCollector('csv-parse/sync');

const deadline = setTimeout(() => {
  console.log('bench/detection.js: gave up after 8 minutes');
  cleanup();
  process.exit(2);
}, 8 * 60_000);

const dir = mkdtempSync(join(tmpdir(), 'pushtrace-bench-detect-'));
function cleanup() {
  rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- helpers

/** Seeded PRNG (mulberry32): the same world every run. */
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
const f1 = (x) => x.toFixed(1);
const thousands = (n) => Math.round(n).toLocaleString('en-US');
const silent = pino({ level: 'silent' });

/**
 * The longest the event loop went without running a timer (due every 5 ms)
 * between start and stop(): how long an agent's frame or an API call would
 * have waited. stop() lets one more timer run, so a stall reaching up to the
 * call is counted.
 */
function stallMeter() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  return {
    async stop() {
      await new Promise((resolve) => setTimeout(resolve, 5));
      clearInterval(timer);
      return max;
    },
  };
}

const SEC = 1000;
const MIN = 60 * SEC;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Collector clock at the end of the stored day. */
const NOW = Date.UTC(2026, 0, 15, 17, 0, 0);
/** The agent's sampling interval: sessions are seen on this grid. */
const SAMPLE_MS = 2000;
const OFFICE_NAT = '198.51.100.20';
const { Kind, Protocol, Direction } = pb.NetconnEvent;

// ---------------------------------------------------------------- the world

/**
 * Sensors; `share` of the background sessions, `offsetMs` agent clock minus
 * collector clock (what checkins will show), external IP stretches in
 * collector time.
 */
const SENSORS = [
  { key: 'ops', hostname: 'WS-OPS-1', share: 0.3, offsetMs: 1500, lan: '10.0.0.11', ext: [[OFFICE_NAT, NOW - DAY - 10 * MIN, NOW]] },
  { key: 'dev', hostname: 'WS-DEV-2', share: 0.3, offsetMs: 20, lan: '10.0.0.12', ext: [[OFFICE_NAT, NOW - DAY - 10 * MIN, NOW]] },
  { key: 'build', hostname: 'BUILD-3', share: 0.25, offsetMs: -40, lan: '10.0.0.13', ext: [[OFFICE_NAT, NOW - DAY - 10 * MIN, NOW]] },
  { key: 'laptop', hostname: 'LAPTOP-4', share: 0.15, offsetMs: -3000, lan: '192.168.1.23', ext: [
    ['192.0.2.44', NOW - DAY - 10 * MIN, NOW - 10 * HOUR],
    ['192.0.2.99', NOW - 10 * HOUR + 2 * MIN, NOW - 8 * HOUR],
    ['192.0.2.44', NOW - 8 * HOUR + MIN, NOW],
  ] },
];

/** Long-lived programs on every sensor: [name, weight, endpoints, port, mean session s, UDP share]. */
const PROGRAMS = [
  ['chrome.exe', 40, 600, 443, 40, 0.15],
  ['msedge.exe', 10, 200, 443, 40, 0.1],
  ['Teams.exe', 8, 25, 443, 600, 0],
  ['slack.exe', 6, 15, 443, 900, 0],
  ['OneDrive.exe', 5, 12, 443, 120, 0],
  ['svchost.exe', 8, 60, 443, 20, 0],
  ['OUTLOOK.EXE', 5, 10, 443, 300, 0],
  ['Code.exe', 4, 30, 443, 60, 0],
  ['node.exe', 4, 50, 443, 10, 0],
  ['MsMpEng.exe', 3, 10, 443, 15, 0],
  ['Zoom.exe', 2, 8, 8801, 1200, 0.3],
  ['ssh.exe', 1, 3, 22, 600, 0],
  ['python.exe', 2, 40, 443, 5, 0],
  ['java.exe', 2, 20, 8443, 30, 0],
];
/** Short-lived programs: many instances a day, each a new process with a few sessions. */
const SHORT_LIVED = ['curl.exe', 'git.exe', 'powershell.exe'];
/** Short-lived instances per background session, and sessions per instance (1..4, mean 2.5). */
const SHORT_LIVED_PER_SESSION = 0.0008;

/**
 * MFA users and their push episodes: [minutes before NOW of the first push,
 * pushes, seconds between pushes, an approval ends it]. A `loop` user's pushes
 * are each asked for by one session of that program, opened 2–8 s earlier.
 */
const USERS = [
  { user: 'jdoe', ip: OFFICE_NAT, app: 'sftp-prod', loop: { sensor: 'ops', name: 'WinSCP.exe', remote: ['203.0.113.45', 22] },
    episodes: [[235, 10, 240, true], [150, 10, 240, true], [70, 10, 240, false]] },
  { user: 'rpatel', ip: '10.0.0.12', app: 'files-internal', loop: { sensor: 'dev', name: 'FileZilla.exe', remote: ['10.1.2.3', 22] },
    episodes: [[200, 8, 200, true], [95, 8, 200, false]] },
  { user: 'ftan', ip: '192.0.2.44', app: 'backup-sftp', loop: { sensor: 'laptop', name: 'rclone', remote: ['198.51.100.80', 22] },
    episodes: [[180, 8, 180, true], [60, 8, 180, false]] },
  { user: 'asmith', ip: '203.0.113.66', app: 'vpn', episodes: [[220, 12, 35], [120, 12, 30]] },
  { user: 'mlee', ip: '45.77.12.9:51234', app: 'o365', episodes: [[190, 15, 25], [40, 10, 40]] },
  { user: 'pgarcia', ip: '185.220.101.7', app: 'vpn', episodes: [[110, 15, 20]] },
  { user: 'kwong', ip: '[2001:db8:77::5]:443', app: 'o365', episodes: [[160, 8, 45], [30, 8, 45]] },
  { user: 'bkim', ip: OFFICE_NAT, app: 'o365', episodes: [[210, 6, 60], [130, 6, 60], [50, 6, 60]] },
  { user: 'rdiaz', ip: OFFICE_NAT, app: 'jira', episodes: [[175, 8, 50], [85, 8, 50]] },
  { user: 'tnguyen', ip: '10.0.0.13', app: 'build-portal', episodes: [[140, 11, 40], [45, 9, 40]] },
];
/** Start of each loop program's process, and of its session before the first episode. */
const LOOP_PROCESS_START_MS = NOW - 7 * DAY;

function durationFrom(rand, meanS) {
  return Math.max(SAMPLE_MS, Math.round(-Math.log(1 - rand()) * meanS * SEC / SAMPLE_MS) * SAMPLE_MS);
}
/** A remote endpoint of program p, deterministic. */
function endpointIp(p, i) {
  return `${20 + ((p * 37) % 180)}.${(i * 13 + p) % 256}.${(i >> 4) % 256}.${((i * 11 + p * 3) % 253) + 1}`;
}

/** Pushes of every user, as Duo API v2 records, oldest first; plus the loop sessions they imply. */
function pushSchedule() {
  const rand = prng(7);
  const pushes = [];
  const loopSessions = new Map(SENSORS.map((s) => [s.key, []]));
  let tx = 0;
  for (const u of USERS) {
    const opened = [];
    for (const [startMin, count, gapS, approves] of u.episodes) {
      let t = NOW - startMin * MIN;
      for (let i = 0; i < count + (approves ? 1 : 0); i++) {
        const approval = i === count;
        const last = i === count - 1;
        let result = 'denied';
        let reason = 'no_response';
        if (approval) [result, reason] = ['success', 'user_approved'];
        else if (u.loop === undefined && last && rand() < 0.5) [result, reason] = ['fraud', 'user_marked_fraud'];
        else if (rand() < 0.2) reason = 'user_mistake';
        const timeS = Math.round(t / SEC);
        pushes.push({ user: u.user, timeMs: timeS * SEC, loop: u.loop, record: duoRecord(++tx, timeS, u.user, u.app, u.ip, result, reason, rand) });
        if (u.loop !== undefined) opened.push({ at: timeS * SEC - Math.round(2000 + rand() * 6000), approval });
        t += (gapS + (rand() - 0.5) * 0.2 * gapS) * SEC;
      }
    }
    if (u.loop === undefined) continue;
    // Each session lasts until the server drops it after the MFA timeout;
    // an approved one lasts until the next loop begins.
    const sessions = loopSessions.get(u.loop.sensor);
    sessions.push({ loop: u.loop, openedAt: NOW - 23 * HOUR, closedAt: opened[0].at - 5 * SEC });
    opened.forEach((o, i) => {
      const next = opened[i + 1];
      const closedAt = o.approval ? (next === undefined ? null : next.at - 5 * SEC) : o.at + 62 * SEC;
      sessions.push({ loop: u.loop, openedAt: o.at, closedAt });
    });
  }
  pushes.sort((a, b) => a.timeMs - b.timeMs);
  return { pushes, loopSessions };
}

const DEVICES = ['iPhone 12 (+1 555-0100)', 'Pixel 7 (+1 555-0101)', 'iPhone 14 (+1 555-0102)', 'Galaxy S22 (+1 555-0103)'];
const CITIES = [['Boston', 'Massachusetts', 'United States'], ['Austin', 'Texas', 'United States'], ['Dublin', 'Leinster', 'Ireland']];
const FACTOR_LABEL = { duo_push: 'Duo Push', phone_call: 'Phone Call', passcode: 'Passcode', sms_passcode: 'SMS Passcode' };

/** One authentication log record as the Admin API v2 returns it (all the fields, not just those read). */
function duoRecord(n, timeS, user, app, ip, result, reason, rand, factor = 'duo_push') {
  const [city, state, country] = CITIES[n % CITIES.length];
  const device = DEVICES[n % DEVICES.length];
  return {
    access_device: {
      browser: 'Chrome', browser_version: '120.0.6099.130', epkey: null, flash_version: 'uninstalled',
      hostname: null, ip, is_encryption_enabled: 'unknown', is_firewall_enabled: 'unknown', is_password_set: 'unknown',
      java_version: 'uninstalled', location: { city, country, state }, os: 'Windows', os_version: '10', security_agents: 'unknown',
    },
    alias: '',
    application: { key: `DI${(n % 97).toString(36).toUpperCase().padStart(18, 'X')}`, name: app },
    auth_device: { ip: null, key: null, location: { city: null, country: null, state: null }, name: device },
    email: `${user}@example.com`,
    event_type: 'authentication',
    factor,
    isotimestamp: new Date(timeS * SEC).toISOString().replace('.000Z', '+00:00'),
    ood_software: null,
    reason,
    result,
    timestamp: timeS,
    trusted_endpoint_status: 'not trusted',
    txid: `${(rand() * 0xffffffff >>> 0).toString(16).padStart(8, '0')}-${n.toString(16).padStart(4, '0')}-4a1e-9d2c-${(n * 2654435761 >>> 0).toString(16).padStart(12, '0')}`,
    user: { groups: ['Staff'], key: `DU${(n % 3000).toString(36).toUpperCase().padStart(18, '0')}`, name: user },
  };
}

// ---------------------------------------------------------------- telemetry

/** A data message as the gateway hands it to the store: encoded and decoded like a real frame. */
function message(sensorId, seq, sentAtMs, body) {
  return { seq, envelope: decodeEnvelope(encodeEnvelope({ sensorId, seq, sentAtMs, ...body })) };
}

/**
 * Creates a store at `path` holding the world, with `background` busy-program
 * sessions over the last 24 h. Returns figures about what went in.
 */
async function buildStore(path, background, loopSessions) {
  const started = performance.now();
  const store = await openSqliteStore(path, { logger: silent, now: () => NOW });
  let rows = 0;
  let messages = 0;
  for (const [si, sensor] of SENSORS.entries()) {
    const rand = prng(1000 + si);
    const off = sensor.offsetMs;
    const sensorId = await store.createSensor({ tokenHash: `bench-${sensor.key}`, hostname: sensor.hostname, agentVersion: '0.1.0', enrolledAtMs: NOW - 30 * DAY });
    let seq = 0;
    const batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await store.commitMessages(sensorId, batch, NOW);
      messages += batch.length;
      batch.length = 0;
    };
    const push = async (sentAtMs, body) => {
      batch.push(message(sensorId, ++seq, sentAtMs, body));
      if (batch.length >= 1000) await flush();
    };

    // Host, external IP history (agent clock), processes.
    await push(NOW - DAY - 15 * MIN + off, { hostInfo: {
      hostname: sensor.hostname, osPlatform: 'win32', osVersion: '10.0.19045', arch: 'x64', agentVersion: '0.1.0',
      bootTimeMs: NOW - 3 * DAY + off, loggedInUsers: [sensor.key],
      interfaces: [{ name: 'Ethernet', mac: '00:15:5d:00:00:0' + si, addresses: [`${sensor.lan}/24`, `fe80::215:5dff:fe00:${si}/64`] }],
      observedAtMs: NOW - DAY - 15 * MIN + off,
    } });
    for (const [ip, from, to] of sensor.ext) {
      await push(from + off, { externalIp: { ip, resolver: '208.67.222.222:53', observedAtMs: from + off } });
      await push(to + off, { externalIp: { ip, resolver: '208.67.222.222:53', observedAtMs: to + off } });
    }
    const procs = [];
    const addProcess = async (name, startMs) => {
      const guid = `${sensor.key}-${name.toLowerCase().replace(/\W/g, '')}-${procs.length.toString(16).padStart(4, '0')}`;
      const pid = 1000 + procs.length * 4;
      procs.push({ guid, pid, name });
      await push(startMs + 1000, { processInfo: {
        processGuid: guid, pid, ppid: 4, startTimeMs: startMs, name, path: `C:\\Program Files\\${name.replace(/\.exe$/i, '')}\\${name}`,
        argv: [name], cmdline: name, username: `CORP\\${sensor.key}`, uid: 0, sha256: (guid.length * 2654435761 >>> 0).toString(16).padStart(64, 'a'),
        observedAtMs: startMs + 1000,
      } });
      return procs.length - 1;
    };
    for (const [name] of PROGRAMS) await addProcess(name, NOW - 3 * DAY + off + 60_000);

    // Sessions, as typed arrays: opened/closed (agent clock, on the sampling grid), process, endpoint.
    const loops = loopSessions.get(sensor.key);
    const total = Math.round(background * sensor.share) + loops.length;
    const openedAt = new Float64Array(total);
    const closedAt = new Float64Array(total); // 0 = still open
    const proc = new Uint32Array(total);
    const remote = new Array(total);
    const grid = (t) => Math.floor(t / SAMPLE_MS) * SAMPLE_MS + (si * 500);
    const dayStart = NOW - DAY + off;
    const nowAgent = NOW + off;
    let n = 0;
    const addSession = (p, open, durationMs, ip, port, udp) => {
      openedAt[n] = grid(open);
      const close = durationMs === null ? Infinity : openedAt[n] + durationMs;
      closedAt[n] = close > nowAgent ? 0 : grid(close);
      proc[n] = p;
      remote[n] = [ip, port, udp];
      n++;
    };
    // Short-lived processes: a few sessions just after each starts.
    const instances = Math.round(Math.round(background * sensor.share) * SHORT_LIVED_PER_SESSION);
    for (let i = 0; i < instances && n < total - loops.length; i++) {
      const name = SHORT_LIVED[i % SHORT_LIVED.length];
      const start = dayStart + rand() * DAY;
      const p = await addProcess(name, start);
      const count = 1 + Math.floor(rand() * 4);
      for (let k = 0; k < count && n < total - loops.length; k++) {
        addSession(p, start + 500 + rand() * 20_000, durationFrom(rand, 3), endpointIp(40 + (i % 3), i % 5), 443, false);
      }
    }
    // Long-lived busy programs.
    const weights = PROGRAMS.map((p) => p[1]);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    while (n < total - loops.length) {
      let r = rand() * weightSum;
      let p = 0;
      while (r >= weights[p]) r -= weights[p++];
      const [, , endpoints, port, meanS, udpShare] = PROGRAMS[p];
      const e = Math.floor(endpoints * rand() ** 3);
      addSession(p, dayStart + rand() * DAY, durationFrom(rand, meanS), endpointIp(p, e), port, rand() < udpShare);
    }
    // Loop programs' sessions (given in collector time).
    const loopProc = new Map();
    for (const s of loops) {
      if (!loopProc.has(s.loop.name)) loopProc.set(s.loop.name, await addProcess(s.loop.name, LOOP_PROCESS_START_MS + off));
      addSession(loopProc.get(s.loop.name), s.openedAt + off, s.closedAt === null ? null : s.closedAt - s.openedAt, s.loop.remote[0], s.loop.remote[1], false);
    }

    // One NetconnBatch per agent sample: a session is reported by the sample
    // that saw it gone (CLOSE, closed at that sample) or, if still open, by
    // the one that first saw it (OPEN).
    const reportAt = (i) => (closedAt[i] === 0 ? openedAt[i] : closedAt[i]);
    const order = new Uint32Array(n).map((_, i) => i).sort((a, b) => reportAt(a) - reportAt(b));
    let events = [];
    let sampledAt = -1;
    for (const i of order) {
      const t = reportAt(i);
      if (t !== sampledAt && events.length > 0) {
        await push(sampledAt, { netconnBatch: { sampledAtMs: sampledAt, events } });
        events = [];
      }
      sampledAt = t;
      const p = procs[proc[i]];
      const [ip, port, udp] = remote[i];
      const closed = closedAt[i] !== 0;
      events.push({
        kind: closed ? Kind.CLOSE : Kind.OPEN, connId: randomUUID(), protocol: udp ? Protocol.UDP : Protocol.TCP, direction: Direction.OUTBOUND,
        processGuid: p.guid, pid: p.pid, localIp: sensor.lan, localPort: 49152 + ((i * 7919) % 16383), remoteIp: ip, remotePort: port,
        state: udp ? '' : 'ESTABLISHED', firstSeenMs: openedAt[i], lastSeenMs: closed ? closedAt[i] - SAMPLE_MS : openedAt[i],
      });
    }
    if (events.length > 0) await push(sampledAt, { netconnBatch: { sampledAtMs: sampledAt, events } });
    await flush();
    rows += n;

    // Checkins: five clock-offset samples (a few ms of network delay each), the current external IP confirmed.
    for (let k = 4; k >= 0; k--) {
      const receivedAtMs = NOW - k * MIN;
      await store.recordCheckin(sensorId, {
        receivedAtMs, sentAtMs: receivedAtMs + off - 3 - k, nextCheckinAtMs: receivedAtMs + off + MIN, agentUptimeS: 3 * 86400,
        spoolQueuedMessages: 0, spoolQueuedBytes: 0, externalIp: sensor.ext.at(-1)[0],
      });
    }
  }
  await store.close();
  return { rows, messages, buildMs: performance.now() - started };
}

/**
 * Wraps a store so the session reads of the detector can be counted — rows
 * handed to JS (session rows, summary entries: one per endpoint counted,
 * opening listed or process described), rows SQLite counted for a summary
 * without handing them over, and the time spent in those calls; the rest
 * passes through.
 */
function countingSessions(store) {
  const counts = { rows: 0, counted: 0, ms: 0 };
  const timed = (target, prop, tally) => async (...a) => {
    const t0 = performance.now();
    const result = await target[prop](...a);
    counts.ms += performance.now() - t0;
    tally(result);
    return result;
  };
  const reads = {
    listSessions: (rows) => { counts.rows += rows.length; },
    listEndpointSessions: (rows) => { counts.rows += rows.length; },
    summariseSessions: (summary) => {
      counts.rows += summary.endpoints.length + summary.openings.length + summary.processes.length;
      for (const e of summary.endpoints) counts.counted += e.sessions;
    },
  };
  const proxy = new Proxy(store, {
    get(target, prop) {
      if (Object.hasOwn(reads, prop)) return timed(target, prop, reads[prop]);
      const value = target[prop];
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, counts };
}

// ---------------------------------------------------------------- part 1

async function ingestToAlert() {
  const { pushes, loopSessions } = pushSchedule();
  const toEvent = (record) => {
    const parsed = parseMfaLog(JSON.stringify(record), { source: 'duo', format: 'json' });
    if (parsed.events.length !== 1) throw new Error(`a generated Duo record did not parse: ${JSON.stringify(parsed.rejected)}`);
    return parsed.events[0];
  };
  const warmRand = prng(99);
  const warmup = Array.from({ length: 12 }, (_, i) => toEvent(duoRecord(90_000 + i, Math.round((NOW - 20 * HOUR + i * MIN) / SEC), 'warmup', 'o365', OFFICE_NAT, 'denied', 'no_response', warmRand)));
  const events = pushes.map((p) => toEvent(p.record));

  const bigPath = join(dir, 'big.db');
  const basePath = join(dir, 'baseline.db');
  console.log(`building stores: ${thousands(BIG_NETCONNS)} and ${thousands(BASE_NETCONNS)} background netconns + loop sessions, 4 sensors...`);
  const base = await buildStore(basePath, BASE_NETCONNS, loopSessions);
  const big = await buildStore(bigPath, BIG_NETCONNS, loopSessions);
  // Part 2 starts from the baseline world as built, before part 1 adds its pushes and alerts.
  const worldPath = join(dir, 'world.db');
  copyFileSync(basePath, worldPath);
  console.log(`  big store: ${thousands(big.rows)} netconn rows from ${thousands(big.messages)} messages in ${f1(big.buildMs / 1000)} s` +
    ` (${thousands(big.rows / (big.buildMs / 1000))} rows/s through commitMessages);` +
    ` ${thousands(BIG_NETCONNS / SENSORS.length / 24)} background sessions per sensor-hour on average`);
  console.log(`  baseline:  ${thousands(base.rows)} netconn rows from ${thousands(base.messages)} messages in ${f1(base.buildMs / 1000)} s`);

  const sides = [];
  for (const [label, path, netconns] of [[`${thousands(BASE_NETCONNS)} netconns`, basePath, base.rows], [`${thousands(BIG_NETCONNS)} netconns`, bigPath, big.rows]]) {
    const raw = await openSqliteStore(path, { logger: silent, now: () => NOW });
    const { store, counts } = countingSessions(raw);
    let clock = NOW;
    const runner = new DetectionRunner({ store, config: DEFAULT_DETECTION_CONFIG, log: silent, now: () => clock });
    sides.push({ label, raw, store, counts, runner, netconns, setClock: (t) => { clock = t; }, latencies: [], rowsRead: [], rowsCounted: [], readMs: 0, created: 0, updated: 0 });
  }
  const [baseSide, bigSide] = sides;

  const ingestOne = async (side, event, record) => {
    side.setClock(event.timeMs + 150 * SEC);
    const before = side.counts.rows;
    const countedBefore = side.counts.counted;
    const readBefore = side.counts.ms;
    const t0 = performance.now();
    const outcome = await ingestEvents(side.store, side.runner, [event], []);
    const ms = performance.now() - t0;
    if (record) {
      side.latencies.push(ms);
      side.rowsRead.push(side.counts.rows - before);
      side.rowsCounted.push(side.counts.counted - countedBefore);
      side.readMs += side.counts.ms - readBefore;
      for (const a of outcome.alerts) {
        if (a.created_at === a.updated_at) side.created++;
        else side.updated++;
      }
    }
  };
  for (const event of warmup) for (const side of sides) await ingestOne(side, event, false);
  for (const event of events) for (const side of sides) await ingestOne(side, event, true);

  const summary = (side) => {
    const s = [...side.latencies].sort((a, b) => a - b);
    const r = [...side.rowsRead].sort((a, b) => a - b);
    const c = [...side.rowsCounted].sort((a, b) => a - b);
    const total = s.reduce((a, b) => a + b, 0);
    return { p50: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), max: s.at(-1),
      mean: total / s.length, rowsMedian: quantile(r, 0.5), rowsMax: r.at(-1), countedMedian: quantile(c, 0.5), countedMax: c.at(-1),
      readShare: side.readMs / total };
  };
  const bs = summary(baseSide);
  const gs = summary(bigSide);
  const bursts = USERS.reduce((a, u) => a + u.episodes.length, 0);
  console.log(`\ningest-to-alert: ${events.length} ingestions of one Duo push each (${USERS.length} users, ${bursts} bursts), push-time order,` +
    ` runner clock 150 s after each push; ${warmup.length} warm-up ingestions not counted`);
  console.log('  store                    p50      p95      p99      max     mean   session rows per ingestion, median / max   time in session reads');
  console.log('                                                                    handed to JS        counted in SQLite     (% of the total)');
  for (const [side, s] of [[bigSide, gs], [baseSide, bs]]) {
    console.log(`  ${side.label.padEnd(20)} ${[s.p50, s.p95, s.p99, s.max, s.mean].map((x) => `${f1(x).padStart(6)} ms`).join(' ')}` +
      `   ${`${thousands(s.rowsMedian)} / ${thousands(s.rowsMax)}`.padEnd(19)} ${`${thousands(s.countedMedian)} / ${thousands(s.countedMax)}`.padEnd(21)}` +
      ` ${(s.readShare * 100).toFixed(0)} %`);
  }
  console.log(`  ratio p99 big / baseline: ${(gs.p99 / bs.p99).toFixed(2)}x;  p50: ${(gs.p50 / bs.p50).toFixed(2)}x`);
  console.log(`  target p99 < 200 ms with ${thousands(BIG_NETCONNS)} netconns: ${gs.p99 < 200 ? 'met' : 'MISSED'} (${f1(gs.p99)} ms)`);
  const perRow = (side) => (side.readMs * 1000) / Math.max(1, side.rowsRead.reduce((a, b) => a + b, 0) + side.rowsCounted.reduce((a, b) => a + b, 0));
  console.log(`  session reads per row handed over or counted: ${f1(perRow(bigSide))} µs (big), ${f1(perRow(baseSide))} µs (baseline)`);
  console.log(`  alerts created / updated: ${bigSide.created} / ${bigSide.updated} (big), ${baseSide.created} / ${baseSide.updated} (baseline)`);
  console.log('  by user (big store):   pushes   p50 ms   max ms   max rows handed / counted  | baseline p50 / max ms');
  for (const u of USERS) {
    const idx = pushes.flatMap((p, i) => (p.user === u.user ? [i] : []));
    const pick = (side, xs) => idx.map((i) => side[xs][i]).sort((a, b) => a - b);
    const lat = pick(bigSide, 'latencies');
    const bl = pick(baseSide, 'latencies');
    const kind = u.loop ? 'loop' : OFFICE_NAT === u.ip || u.ip.startsWith('10.') ? 'office' : 'outside';
    console.log(`    ${u.user.padEnd(8)} ${kind.padEnd(8)} ${String(idx.length).padStart(6)} ${f1(quantile(lat, 0.5)).padStart(8)} ${f1(lat.at(-1)).padStart(8)}` +
      ` ${`${thousands(pick(bigSide, 'rowsRead').at(-1))} / ${thousands(pick(bigSide, 'rowsCounted').at(-1))}`.padStart(26)}  | ${f1(quantile(bl, 0.5))} / ${f1(bl.at(-1))}`);
  }

  // Verdicts: the loop programs must be named.
  const verdicts = async (side) => new Map((await side.raw.listAlerts({ limit: 1000 })).map((a) => [`${a.user} ${a.first_push}`, a]));
  const bigAlerts = await verdicts(bigSide);
  const baseAlerts = await verdicts(baseSide);
  console.log('\nverdicts (big store; baseline differs only where marked):');
  const byUser = new Map();
  for (const a of [...bigAlerts.values()].sort((x, y) => x.user.localeCompare(y.user) || x.first_push.localeCompare(y.first_push))) {
    const list = byUser.get(a.user) ?? [];
    list.push(a);
    byUser.set(a.user, list);
  }
  const problems = [];
  for (const u of USERS) {
    const alerts = byUser.get(u.user) ?? [];
    const parts = alerts.map((a) => {
      const named = a.process === null ? '' : ` ${a.process.name}→${a.destination.ip}:${a.destination.port}`;
      const other = baseAlerts.get(`${a.user} ${a.first_push}`);
      const diff = other === undefined ? ' [baseline: no such alert]'
        : other.verdict !== a.verdict || other.process?.name !== a.process?.name ? ` [baseline: ${other.verdict}${other.process ? ` ${other.process.name}` : ''}]` : '';
      return `${a.verdict}${named} (${a.pushes_aligned}/${a.pushes_total} aligned)${diff}`;
    });
    console.log(`  ${u.user.padEnd(8)} ${u.loop ? `[loop: ${u.loop.name}]`.padEnd(22) : ''.padEnd(22)} ${parts.join('; ') || 'NO ALERT'}`);
    if (alerts.length !== u.episodes.length) problems.push(`${u.user}: ${alerts.length} alerts for ${u.episodes.length} bursts`);
    if (u.loop) {
      for (const a of alerts) {
        if (a.verdict !== 'reconnect-loop' || a.process?.name !== u.loop.name) {
          problems.push(`${u.user}: burst at ${a.first_push} got ${a.verdict}${a.process ? ` (${a.process.name})` : ''}, not reconnect-loop naming ${u.loop.name}`);
        }
      }
    }
  }
  if (problems.length > 0) {
    console.log('\n  !!!!! THE LINED-UP PROCESS WAS NOT NAMED AS EXPECTED !!!!!');
    for (const p of problems) console.log(`  !!!!! ${p}`);
  } else {
    console.log('  every loop program named in every one of its bursts; one alert per burst');
  }
  for (const side of sides) await side.raw.close();
  return { worldPath, bigPath };
}

// ---------------------------------------------------------------- part 2

/**
 * `count` Duo authentications over the 7 days before NOW, in time order:
 * 3,000 users, mostly approved pushes; about 1 % in denied bursts of 3–12
 * pushes from the office NAT (nobody's process) or outside addresses.
 */
function duoLog(count) {
  const rand = prng(4242);
  const USERS_N = 3000;
  const start = NOW - 7 * DAY;
  const events = [];
  const burstShare = 0.01;
  let n = 0;
  while (events.length < count) {
    const t = start + rand() * 7 * DAY;
    const u = Math.floor(rand() * USERS_N);
    const user = `user${String(u).padStart(4, '0')}`;
    if (rand() < burstShare / 7.5) {
      const size = 3 + Math.floor(rand() * 10);
      const outside = rand() < 0.6;
      const ip = outside ? `${185 + (n % 20)}.${(n * 7) % 256}.${(n * 13) % 256}.${(n % 250) + 1}` : OFFICE_NAT;
      for (let k = 0; k < size && events.length < count; k++) {
        const last = k === size - 1;
        const [result, reason] = last && rand() < 0.3 ? ['fraud', 'user_marked_fraud'] : rand() < 0.8 ? ['denied', 'no_response'] : ['denied', 'user_mistake'];
        events.push([Math.round((t + k * (20 + rand() * 60) * SEC) / SEC), user, ip, result, reason, 'duo_push', n++]);
      }
      continue;
    }
    const office = u % 5 < 2;
    const ip = office ? OFFICE_NAT : `${(u % 2 ? '73.' : '24.')}${u % 256}.${(u * 7) % 256}.${(u % 250) + 1}${u % 10 === 0 ? `:${40000 + u}` : ''}`;
    const r = rand();
    const factor = r < 0.8 ? 'duo_push' : r < 0.9 ? 'passcode' : r < 0.95 ? 'phone_call' : 'sms_passcode';
    const [result, reason] = rand() < 0.985 ? ['success', 'user_approved'] : ['denied', rand() < 0.5 ? 'user_mistake' : 'no_response'];
    events.push([Math.round(t / SEC), user, ip, result, reason, factor, n++]);
  }
  events.sort((a, b) => a[0] - b[0] || a[6] - b[6]);
  return events;
}

const PANEL_RESULT = {
  'success user_approved': '✓ Access Granted User approved',
  'denied no_response': '✖ Access Denied No response',
  'denied user_mistake': '✖ Access Denied User mistake',
  'fraud user_marked_fraud': '! Access Denied Fraud',
};

async function fileIngestRate(worldPath, bigPath) {
  const log = duoLog(RECORDS);
  const rand = prng(5);
  const apps = ['o365', 'vpn', 'jira', 'sftp-prod', 'github-sso'];
  const jsonLines = log.map(([ts, user, ip, result, reason, factor, n]) => JSON.stringify(duoRecord(n, ts, user, apps[n % apps.length], ip, result, reason, rand, factor))).join('\n') + '\n';
  const csvRows = ['Timestamp,User,Application,Event,Result,Access Device,Second Factor'];
  for (const [ts, user, ip, result, reason, factor, n] of log) {
    const device = DEVICES[n % DEVICES.length];
    const second = factor === 'duo_push' ? `Duo Push ${device}` : factor === 'phone_call' ? `Phone Call ${device.replace(/^.*\(/, '(')}` : FACTOR_LABEL[factor];
    csvRows.push(`${new Date(ts * SEC).toISOString().replace('.000Z', 'Z')},${user},${apps[n % apps.length]},Authentication,${PANEL_RESULT[`${result} ${reason}`]},${ip},"${second}"`);
  }
  const csvText = csvRows.join('\n') + '\n';
  const bursts = new Set(log.filter((e) => e[3] !== 'success').map((e) => e[1])).size;
  console.log(`\nDuo file ingest: ${thousands(log.length)} records over 7 days, ${thousands(log.filter((e) => e[3] !== 'success').length)} not approved` +
    ` (${thousands(bursts)} users); JSON lines ${f1(jsonLines.length / 1e6)} MB, CSV ${f1(csvText.length / 1e6)} MB`);

  // Warm-up, untimed: the code paths a running collector has been through.
  const WARM = 20_000;
  for (const [format, text] of [['json', jsonLines], ['csv', csvText]]) {
    const lines = text.split('\n');
    const slice = `${lines.slice(0, format === 'csv' ? WARM + 1 : WARM).join('\n')}\n`;
    const path = join(dir, `warm-${format}.db`);
    copyFileSync(worldPath, path);
    const store = await openSqliteStore(path, { logger: silent, now: () => NOW });
    const runner = new DetectionRunner({ store, config: DEFAULT_DETECTION_CONFIG, log: silent, now: () => NOW + 10 * MIN });
    const parsed = parseMfaLog(slice, { source: 'duo', format: 'auto' });
    await runner.onMfaEvents(await store.insertMfaEvents(parsed.events));
    await store.close();
    rmSync(path, { force: true });
  }
  globalThis.gc?.();

  const results = [];
  const runs = [
    ['JSON lines (API v2)', jsonLines, 'json', null],
    ['CSV (Admin Panel)', csvText, 'csv', null],
    [`JSON → ${BIG_NETCONNS >= 1e6 ? `${BIG_NETCONNS / 1e6}M` : thousands(BIG_NETCONNS)}-netconn store`, jsonLines, 'json', bigPath],
  ];
  for (const [label, text, format, into] of runs) {
    // Each measurement gets its own copy of the store: the baseline world
    // (sensors, IP history, loop sessions), or part 1's big store for the last run.
    const copyOf = (kind) => {
      const path = join(dir, `ingest-${format}-${into === null ? 'world' : 'big'}-${kind}.db`);
      copyFileSync(into ?? worldPath, path);
      return path;
    };
    const open = async (path) => {
      const store = await openSqliteStore(path, { logger: silent, now: () => NOW });
      return { store, runner: new DetectionRunner({ store, config: DEFAULT_DETECTION_CONFIG, log: silent, now: () => NOW + 10 * MIN }) };
    };

    const { store, runner } = await open(copyOf('ingest'));
    const stall = stallMeter();
    const t0 = performance.now();
    const parsed = parseMfaLog(text, { source: 'duo', format: 'auto' });
    const t1 = performance.now();
    const fresh = await store.insertMfaEvents(parsed.events);
    const t2 = performance.now();
    const alerts = fresh.length > 0 ? await runner.onMfaEvents(fresh) : [];
    const t3 = performance.now();
    const stallMs = await stall.stop();
    await store.close();

    let baselineMs;
    if (format === 'json') {
      const b0 = performance.now();
      let parsedLines = 0;
      for (const line of text.split('\n')) if (line !== '') { JSON.parse(line); parsedLines++; }
      baselineMs = performance.now() - b0;
      if (parsedLines !== log.length) throw new Error(`baseline parsed ${parsedLines} lines`);
    } else {
      const b0 = performance.now();
      const rows = csvParse(text, { relax_column_count: true, skip_empty_lines: true });
      baselineMs = performance.now() - b0;
      if (rows.length !== log.length + 1) throw new Error(`baseline parsed ${rows.length} rows`);
    }
    const verdicts = {};
    for (const a of alerts) verdicts[a.verdict] = (verdicts[a.verdict] ?? 0) + 1;
    results.push({ label, format, parseMs: t1 - t0, insertMs: t2 - t1, detectMs: t3 - t2, totalMs: t3 - t0, baselineMs, stallMs,
      events: parsed.events.length, rejected: parsed.rejected.length, stored: fresh.length, alerts: alerts.length, verdicts });
  }
  const rate = (ms) => thousands(log.length / (ms / 1000));
  console.log('  format / store                  parse     insert    detect     total   records/s   longest stall | baseline alone  records/s   total/baseline');
  for (const r of results) {
    console.log(`  ${r.label.padEnd(28)} ${[r.parseMs, r.insertMs, r.detectMs, r.totalMs].map((x) => `${thousands(x).padStart(6)} ms`).join(' ')}` +
      ` ${rate(r.totalMs).padStart(10)}   ${thousands(r.stallMs).padStart(8)} ms  | ${(r.format === 'json' ? 'JSON.parse' : 'csv-parse').padEnd(10)} ${thousands(r.baselineMs).padStart(5)} ms ${rate(r.baselineMs).padStart(10)}   ${(r.totalMs / r.baselineMs).toFixed(1)}x`);
  }
  for (const r of results) {
    console.log(`  ${r.label}: ${thousands(r.events)} events, ${r.rejected} rejected, ${thousands(r.stored)} stored; ${r.alerts} alerts ` +
      `(${Object.entries(r.verdicts).map(([v, k]) => `${k} ${v}`).join(', ') || 'none'}); ` +
      `target >= 50,000 records/s: ${log.length / (r.totalMs / 1000) >= 50_000 ? 'met' : 'MISSED'}`);
  }
}

// ---------------------------------------------------------------- run

try {
  const { worldPath, bigPath } = await ingestToAlert();
  await fileIngestRate(worldPath, bigPath);
} finally {
  cleanup();
  clearTimeout(deadline);
}
