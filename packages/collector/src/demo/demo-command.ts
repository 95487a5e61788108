import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { loadCollectorConfig } from '../config/collector-config.js';
import { startCollectorServer } from '../server.js';
import { loadOrCreateCollectorKey } from '../live-response/collector-key.js';
import { hashToken } from '../gateway/secrets.js';
import type { Store } from '../store/store.js';
import { EXIT, type CliIo, type Command } from '../cli/cli-io.js';
import { withUsageErrors } from '../cli/parse-flags.js';
import { alertsCommand } from '../cli/alerts-command.js';
import { postText } from '../cli/api-client.js';
import { sensorsCommand } from '../cli/sensors-command.js';
import { findAgentBin, launchAgent } from './agent-launcher.js';
import { DnsResponder } from './dns-responder.js';
import { startSftpStandIn, type DuoAuthlogRecord } from './sftp-stand-in.js';
import { makeStandInExecutable, RECONNECT_SCRIPT } from './stand-in-program.js';

const USAGE = `usage: pushtrace demo [--keep]

The incident write-up, end to end on this machine in under a minute, touching
only loopback: a collector on an embedded SQLite file in a temp folder, a
local DNS responder standing in for OpenDNS, a real pushtrace-agent, a
stand-in WinSCP.exe reconnecting to a stand-in SFTP service that sends one Duo
push per session, a busy stand-in browser, and a push burst from an outside
IP. It prints both verdicts and exits 0 when they are the expected ones.

  --keep    leave the collector and agent running to explore (Ctrl-C ends them)
`;

/** The public IP the demo's stand-in for OpenDNS answers (TEST-NET-3, never routed). */
const LAPTOP_PUBLIC_IP = '203.0.113.7';
/** The outsider's IP (TEST-NET-2): only ever a string in a log record, never contacted. */
const OUTSIDER_IP = '198.51.100.77';
const DEMO_USER = 'jdoe';
const OUTSIDER_USER = 'asmith';
/** The user's own login, then 8 reconnects of the stale session. */
const WINSCP_SESSIONS = 9;
/**
 * The demo compresses the write-up's minutes into seconds, so the collector
 * lines sessions up with pushes within 2 s before to 1 s after (defaults:
 * 60 s / 5 s, for real timescales). Pushes follow their session by 1.5 s.
 */
const DEMO_ALIGN_BEFORE = '2s';
const DEMO_ALIGN_AFTER = '1s';
const DEMO_SECRET = 'demo-enroll-secret';
const DEMO_TOKEN = 'demo-admin-token';
const WAIT_MS = 30_000;

export const demoCommand: Command = {
  summary: 'the whole story, end to end, on this machine',
  usage: USAGE,
  async run(args, io) {
    const { values } = withUsageErrors('demo', () => parseArgs({
      args: [...args], options: { keep: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    return runDemo(io, values.keep === true);
  },
};

async function runDemo(io: CliIo, keep: boolean): Promise<number> {
  const say = (text: string) => io.stdout.write(`${text}\n`);
  const step = (n: number, text: string) => say(`\n[${n}] ${text}`);
  const env = io.env ?? process.env;
  const agentBin = findAgentBin(env);
  const dir = mkdtempSync(join(tmpdir(), 'pushtrace-demo-'));
  const cleanups: Array<() => Promise<void> | void> = [];

  try {
    step(1, `Collector on an embedded SQLite file: ${join(dir, 'collector.db')}`);
    const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
    const store: Store = await openSqliteStore(join(dir, 'collector.db'));
    cleanups.push(() => store.close());
    const config = loadCollectorConfig({
      listen: '127.0.0.1:0', db: join(dir, 'collector.db'), enrollSecret: DEMO_SECRET, adminToken: DEMO_TOKEN, logLevel: 'info',
      alignBefore: DEMO_ALIGN_BEFORE, alignAfter: DEMO_ALIGN_AFTER,
    }, {});
    const log = pino({ level: 'info', base: { service: 'pushtrace-collector' } }, pino.destination({ dest: join(dir, 'collector.log'), sync: true }));
    const collectorKey = await loadOrCreateCollectorKey(config.dbPath);
    const collector = await startCollectorServer({ config, store, log, adminTokenHash: hashToken(DEMO_TOKEN), collectorKey });
    cleanups.push(() => collector.close());
    say(`    listening on ${collector.url} (agents at /agent, API at /api/v1); log: ${join(dir, 'collector.log')}`);
    say(`    minutes compressed into seconds: sessions line up with a push from ${DEMO_ALIGN_BEFORE} before to ${DEMO_ALIGN_AFTER} after (defaults 60s / 5s)`);
    const client = { server: collector.url, token: DEMO_TOKEN };
    const cliIo: CliIo = { stdout: io.stdout, stderr: io.stderr, env: { PUSHTRACE_SERVER: collector.url, PUSHTRACE_TOKEN: DEMO_TOKEN } };

    step(2, 'A local DNS responder stands in for resolver1.opendns.com (this machine has no internet).');
    const dns = new DnsResponder({ ip: LAPTOP_PUBLIC_IP });
    await dns.start();
    cleanups.push(() => dns.stop());
    say(`    it answers myip.opendns.com with ${LAPTOP_PUBLIC_IP} at ${dns.address}`);

    step(3, 'A real pushtrace-agent on this machine enrolls and starts streaming.');
    const agentLog = join(dir, 'agent.log');
    // The agent trusts the collector's own key for myip and nothing else: enough to confirm an alert, useless for anything more.
    const agentConfig = join(dir, 'agent.json');
    writeFileSync(agentConfig, JSON.stringify({
      liveResponse: { trustedKeys: [{ name: collectorKey.keyId, publicKey: collectorKey.publicKeyText, verbs: ['myip'] }] },
    }, null, 2));
    const agent = launchAgent(agentBin, [
      '--collector', `ws://127.0.0.1:${collector.port}`, '--enroll-secret', DEMO_SECRET,
      '--state-dir', join(dir, 'agent-state'), '--resolver', dns.address, '--interval', '1', '--config', agentConfig,
    ], agentLog);
    cleanups.push(() => stopChild(agent));
    say(`    pid ${agent.pid}; log: ${agentLog}`);
    say(`    its config (${agentConfig}) trusts the collector's key for live-response "myip" only`);
    await waitUntil('the sensor to report its external IP', async () =>
      (await store.listSensors()).some((s) => s.externalIp === LAPTOP_PUBLIC_IP && s.lastCheckinMs !== null), agent);
    say('    $ pushtrace sensors');
    await sensorsCommand.run([], cliIo);

    step(4, 'A busy stand-in browser ("chrome") opens a new connection every 0.4 s: noise the tracer must see through.');
    const web = await startHoldingServer();
    cleanups.push(() => web.close());
    const chrome = makeStandInExecutable('chrome');
    const chromeProcess = spawn(chrome.exePath, ['-e', RECONNECT_SCRIPT, '--', String(web.port), '0', '1500', '400'], { stdio: 'ignore' });
    cleanups.push(() => stopChild(chromeProcess));

    step(5, `The write-up: ${DEMO_USER} logs in to an SFTP server behind Duo with WinSCP.exe and approves the push;`);
    say(`    the session goes stale and WinSCP.exe reconnects ${WINSCP_SESSIONS - 1} times. Every new session sends ${DEMO_USER} a push,`);
    say(`    which ${DEMO_USER} denies. Duo's log records each push, from ${LAPTOP_PUBLIC_IP}.`);
    const ingests: Array<Promise<unknown>> = [];
    let pushes = 0;
    const sftp = await startSftpStandIn({
      user: DEMO_USER, application: 'sftp.example.com', accessIp: LAPTOP_PUBLIC_IP, pushDelayMs: 1500,
      onPush: (record) => {
        pushes += 1;
        say(`    ${record.isotimestamp}  Duo push to ${DEMO_USER}: ${record.result} (${record.reason})`);
        // As \`pushtrace ingest duo FILE\` would send it: one Admin API record.
        ingests.push(postText(client, '/api/v1/ingest/duo', JSON.stringify(record)));
      },
    });
    cleanups.push(() => sftp.close());
    const winscp = makeStandInExecutable('WinSCP.exe');
    // The first session sits idle for 12 s, then drops and is reopened every 3 s.
    const winscpProcess = spawn(winscp.exePath, ['-e', RECONNECT_SCRIPT, '--', String(sftp.port), String(WINSCP_SESSIONS), '1500', '1500', '12000'], { stdio: 'ignore' });
    cleanups.push(() => stopChild(winscpProcess));
    say(`    WinSCP.exe is pid ${winscpProcess.pid} (${winscp.exePath}); SFTP stand-in on 127.0.0.1:${sftp.port}`);

    step(6, `Meanwhile somebody else holds ${OUTSIDER_USER}'s password and tries from ${OUTSIDER_IP}.`);
    const now = Date.now();
    const outsider = [60, 45, 30, 15].map((secondsAgo, i) => outsiderRecord(now - secondsAgo * 1000, i));
    await postText(client, '/api/v1/ingest/duo', outsider.map((r) => JSON.stringify(r)).join('\n'));
    say(`    4 denied pushes to ${OUTSIDER_USER} from ${OUTSIDER_IP} ingested`);

    await waitUntil('all WinSCP sessions and their pushes', async () => pushes >= WINSCP_SESSIONS, agent, 60_000);
    await Promise.all(ingests);
    const verdicts = async () => {
      const alerts = await store.listAlerts({});
      return {
        winscp: alerts.find((a) => a.user === DEMO_USER),
        outsider: alerts.find((a) => a.user === OUTSIDER_USER),
      };
    };
    await waitUntil('the verdicts', async () => {
      const { winscp: w, outsider: o } = await verdicts();
      return w?.verdict === 'reconnect-loop' && w.pushes_total >= WINSCP_SESSIONS - 1 && o?.verdict === 'unattributed';
    }, agent).catch((err: unknown) => say(`    (${(err as Error).message}; showing what the collector concluded)`));

    // The collector asked the laptop for its public IP as soon as the alert named it (signed, myip only).
    await waitUntil('the automatic myip confirmation', async () => {
      const { winscp: w } = await verdicts();
      return w !== undefined && (await store.listCommands({ alertId: w.id })).some((c) => c.state === 'done' || c.state === 'expired');
    }, agent, 15_000).catch((err: unknown) => say(`    (${(err as Error).message})`));

    step(7, 'The verdicts, one alert per burst (the WinSCP one confirmed by an automatic, signed myip on the laptop):');
    say('    $ pushtrace alerts');
    await alertsCommand.run([], cliIo);
    const { winscp: winscpAlert, outsider: outsiderAlert } = await verdicts();
    for (const alert of [winscpAlert, outsiderAlert]) {
      if (alert === undefined) continue;
      say(`\n    $ pushtrace alerts show ${alert.id}`);
      await alertsCommand.run(['show', String(alert.id)], cliIo);
    }
    const ok = winscpAlert?.verdict === 'reconnect-loop' && outsiderAlert?.verdict === 'unattributed';
    say(ok
      ? `Benign: WinSCP.exe on this laptop caused ${DEMO_USER}'s pushes; tell the user. ${OUTSIDER_USER}'s pushes come from nobody we know: page someone.`
      : 'The verdicts are not the expected ones; see the alerts above and the logs in ' + dir);
    if (keep) {
      say(`\n--keep: collector at ${collector.url} (PUSHTRACE_SERVER=${collector.url} PUSHTRACE_TOKEN=${DEMO_TOKEN}); Ctrl-C to stop.`);
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    }
    return ok ? EXIT.OK : EXIT.FAILURE;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** A Duo record of the outsider's burst: denied pushes from an IP no sensor ever had. */
function outsiderRecord(atMs: number, n: number): DuoAuthlogRecord {
  return {
    timestamp: Math.floor(atMs / 1000),
    isotimestamp: new Date(atMs).toISOString(),
    txid: `demo-outsider-${atMs}-${n}`,
    event_type: 'authentication',
    factor: 'duo_push',
    result: n === 2 ? 'fraud' : 'denied',
    reason: n === 2 ? 'user_marked_fraud' : 'no_response',
    user: { name: OUTSIDER_USER },
    application: { name: 'vpn.example.com' },
    access_device: { ip: OUTSIDER_IP, hostname: null },
    auth_device: { name: 'Pixel 8' },
  };
}

/** Polls `probe` every 200 ms; fails with what it waited for, or at once if the agent died. */
async function waitUntil(what: string, probe: () => Promise<boolean>, agent: ChildProcess, waitMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + waitMs;
  while (!(await probe())) {
    if (agent.exitCode !== null) throw new Error(`demo: the agent exited (code ${agent.exitCode}) while waiting for ${what}; see its log`);
    if (Date.now() > deadline) throw new Error(`demo: waited ${waitMs / 1000} s for ${what}; see the logs above`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A TCP server on 127.0.0.1 that accepts sessions and holds them, like an idle SFTP server. */
async function startHoldingServer(): Promise<{ port: number; close(): Promise<void> }> {
  const open = new Set<Socket>();
  const server = createServer((socket) => {
    open.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => open.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo: server has no port');
  return {
    port: address.port,
    close: () => {
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
