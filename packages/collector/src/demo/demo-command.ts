import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { spawn, type ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { loadCollectorConfig } from '../config/collector-config.js';
import { startCollectorServer } from '../server.js';
import { hashToken } from '../gateway/secrets.js';
import type { Store } from '../store/store.js';
import { EXIT, type CliIo, type Command } from '../cli/cli-io.js';
import { withUsageErrors } from '../cli/parse-flags.js';
import { processesCommand } from '../cli/processes-command.js';
import { sensorsCommand } from '../cli/sensors-command.js';
import { findAgentBin, launchAgent } from './agent-launcher.js';
import { DnsResponder } from './dns-responder.js';
import { makeStandInExecutable, RECONNECT_SCRIPT } from './stand-in-program.js';

const USAGE = `usage: pushtrace demo [--keep]

The whole story on this machine, in under a minute, touching only loopback:
a collector on an embedded SQLite file in a temp folder, a local DNS
responder standing in for OpenDNS, a stand-in WinSCP.exe holding a session to
a local server, and a real pushtrace-agent reporting all of it.

  --keep    leave the collector and agent running to explore (Ctrl-C ends them)
`;

/** The public IP the demo's stand-in for OpenDNS answers (TEST-NET-3, never routed). */
const DEMO_PUBLIC_IP = '203.0.113.7';
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
    const config = loadCollectorConfig({ listen: '127.0.0.1:0', db: join(dir, 'collector.db'), enrollSecret: DEMO_SECRET, adminToken: DEMO_TOKEN, logLevel: 'info' }, {});
    const log = pino({ level: 'info', base: { service: 'pushtrace-collector' } }, pino.destination({ dest: join(dir, 'collector.log'), sync: true }));
    const collector = await startCollectorServer({ config, store, log, adminTokenHash: hashToken(DEMO_TOKEN) });
    cleanups.push(() => collector.close());
    say(`    listening on ${collector.url} (agents at /agent, API at /api/v1); log: ${join(dir, 'collector.log')}`);

    step(2, `A local DNS responder stands in for resolver1.opendns.com (this machine has no internet).`);
    const dns = new DnsResponder({ ip: DEMO_PUBLIC_IP });
    await dns.start();
    cleanups.push(() => dns.stop());
    say(`    it answers myip.opendns.com with ${DEMO_PUBLIC_IP} at ${dns.address}`);

    step(3, 'A stand-in SFTP server on loopback, and a stand-in WinSCP.exe holding a session to it.');
    const sftp = await startHoldingServer();
    cleanups.push(() => sftp.close());
    const winscp = makeStandInExecutable('WinSCP.exe');
    const winscpProcess = spawn(winscp.exePath, ['-e', RECONNECT_SCRIPT, '--', String(sftp.port), '1', '3600000', '0'], { stdio: 'ignore' });
    cleanups.push(() => stopChild(winscpProcess));
    say(`    server 127.0.0.1:${sftp.port}; WinSCP.exe is pid ${winscpProcess.pid} (${winscp.exePath})`);
    say(`    sha256 ${winscp.sha256}`);

    step(4, 'A real pushtrace-agent on this machine enrolls and starts streaming.');
    const agentLog = join(dir, 'agent.log');
    const agent = launchAgent(agentBin, [
      '--collector', `ws://127.0.0.1:${collector.port}`, '--enroll-secret', DEMO_SECRET,
      '--state-dir', join(dir, 'agent-state'), '--resolver', dns.address, '--interval', '1',
    ], agentLog);
    cleanups.push(() => stopChild(agent));
    say(`    pid ${agent.pid}; log: ${agentLog}`);

    const cliIo: CliIo = { stdout: io.stdout, stderr: io.stderr, env: { PUSHTRACE_SERVER: collector.url, PUSHTRACE_TOKEN: DEMO_TOKEN } };
    await waitUntil('the sensor to report its external IP', async () =>
      (await store.listSensors()).some((s) => s.externalIp === DEMO_PUBLIC_IP && s.lastCheckinMs !== null), agent);
    step(5, `The sensor is online, and its public IP is what "nslookup myip.opendns.com" answered:`);
    say('    $ pushtrace sensors');
    await sensorsCommand.run([], cliIo);

    await waitUntil('WinSCP.exe and its session to show up', async () =>
      (await store.listProcesses({})).some((p) => p.name === 'WinSCP.exe' && p.netconns.some((c) => c.remotePort === sftp.port)), agent);
    step(6, 'Which process holds which connection, with the hash of its executable:');
    say('    $ pushtrace processes --since 1m');
    await processesCommand.run(['--since', '1m'], cliIo);

    say(`\nWinSCP.exe (pid ${winscpProcess.pid}) holds the session to 127.0.0.1:${sftp.port}: the evidence the analyst in the`);
    say('write-up needed four consoles and a phone call for. MFA log ingest and the push-burst verdicts come next.');
    if (keep) {
      say(`\n--keep: collector at ${collector.url} (PUSHTRACE_SERVER=${collector.url} PUSHTRACE_TOKEN=${DEMO_TOKEN}); Ctrl-C to stop.`);
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
    }
    return EXIT.OK;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

/** Polls `probe` every 200 ms; fails with what it waited for, or at once if the agent died. */
async function waitUntil(what: string, probe: () => Promise<boolean>, agent: ChildProcess): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await probe())) {
    if (agent.exitCode !== null) throw new Error(`demo: the agent exited (code ${agent.exitCode}) while waiting for ${what}; see its log`);
    if (Date.now() > deadline) throw new Error(`demo: waited ${WAIT_MS / 1000} s for ${what}; see the logs above`);
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
