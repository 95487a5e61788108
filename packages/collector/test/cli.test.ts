// The CLI as users run it: the built bin as a child process. Needs
// packages/collector/dist (`npx tsc -p packages/collector`).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, decodeEnvelope, encodeEnvelope, pb } from '@pushtrace/proto';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { ADMIN_TOKEN, ENROLL_SECRET, TestAgent, processInfo, startTestCollector, type TestCollector } from './gateway-harness.js';

const BIN = fileURLToPath(new URL('../bin/pushtrace.js', import.meta.url));
if (!existsSync(fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)))) {
  throw new Error('the CLI tests run the built bin: build first with `npx tsc -p packages/collector`');
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pushtrace ARGS` with only the given PUSHTRACE_* variables set. */
function pushtrace(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PUSHTRACE_')));
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...base, ...env }, timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A TCP port that was free a moment ago and has nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('pushtrace CLI: usage', () => {
  it('--help prints the commands on stdout and exits 0', async () => {
    const run = await pushtrace(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['collector', 'sensors', 'processes', 'ingest', 'alerts', 'query', 'lr', 'demo']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
    expect(run.stderr).toBe('');
  });

  it('<command> --help prints that command\'s flags', async () => {
    const run = await pushtrace(['processes', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--since WHEN');
  });

  it('no command, an unknown command or an unknown flag: usage on stderr, exit 2', async () => {
    const cases = [[], ['frobnicate'], ['sensors', '--bogus'], ['processes', '--since'], ['sensors', 'one', 'two']];
    const runs = await Promise.all(cases.map((args) => pushtrace(args)));
    for (const [i, args] of cases.entries()) {
      const run = runs[i]!;
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stdout, args.join(' ')).toBe('');
      expect(run.stderr, args.join(' ')).toMatch(/usage: pushtrace/);
    }
    expect((await pushtrace(['sensors', '--bogus'])).stderr).toContain("'--bogus'");
    expect((await pushtrace(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
  });

  it('lr refuses, before any request, a missing sensor, a missing key and a bad deadline', async () => {
    const keyDir = await mkdtemp(join(tmpdir(), 'pushtrace-cli-keys-'));
    const port = await closedPort();
    const server = `http://127.0.0.1:${port}`;
    const noSensor = await pushtrace(['lr']);
    expect(noSensor.code).toBe(2);
    expect(noSensor.stderr).toMatch(/^pushtrace lr: expected a SENSOR id/);
    const noKey = await pushtrace(['lr', '3', 'myip', '--server', server], { PUSHTRACE_KEY_DIR: keyDir });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toContain('no signing key: pass --key NAME or set PUSHTRACE_KEY');
    const missing = await pushtrace(['lr', '3', 'myip', '--key', 'nobody', '--server', server], { PUSHTRACE_KEY_DIR: keyDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`${join(keyDir, 'nobody.key')}: not found`);
    const deadline = await pushtrace(['lr', '3', 'myip', '--deadline', '3d', '--server', server]);
    expect(deadline.code).toBe(2);
    expect(deadline.stderr).toContain('--deadline must be a duration from 1s to 24h');
    await rm(keyDir, { recursive: true, force: true });
  });

  it('keys create writes a 0600 private key once and prints the public key agents trust', async () => {
    const keyDir = await mkdtemp(join(tmpdir(), 'pushtrace-cli-keys-'));
    const made = await pushtrace(['keys', 'create', '--name', 'ana', '--key-dir', keyDir]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/^ed25519:[A-Za-z0-9+/]{43}=\n$/);
    expect(made.stderr).toContain('"trustedKeys"');
    const { mode } = await import('node:fs').then((fs) => fs.statSync(join(keyDir, 'ana.key')));
    expect(mode & 0o777).toBe(0o600);
    expect(await readFile(join(keyDir, 'ana.pub'), 'utf8')).toBe(made.stdout);
    const again = await pushtrace(['keys', 'create', '--name', 'ana', '--key-dir', keyDir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists (keys are never overwritten)');
    expect((await pushtrace(['keys', 'show', 'ana', '--key-dir', keyDir])).stdout).toBe(made.stdout);
    // With a key, lr gets as far as the network.
    const port = await closedPort();
    const unreachable = await pushtrace(['lr', '3', 'myip', '--key', 'ana', '--server', `http://127.0.0.1:${port}`], { PUSHTRACE_KEY_DIR: keyDir });
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('connection refused');
    await rm(keyDir, { recursive: true, force: true });
  });

  it('a bad --since or --sensor is refused before any request, naming the flag', async () => {
    const port = await closedPort();
    const since = await pushtrace(['processes', '--since', 'yesterday', '--server', `http://127.0.0.1:${port}`]);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/--since: "yesterday" is neither/);
    const sensor = await pushtrace(['processes', '--sensor', 'laptop', '--server', `http://127.0.0.1:${port}`]);
    expect(sensor.code).toBe(2);
    expect(sensor.stderr).toContain('--sensor: "laptop"');
  });

  it('connection refused: one line naming the server, exit 1', async () => {
    const port = await closedPort();
    const run = await pushtrace(['sensors', '--json'], { PUSHTRACE_SERVER: `http://127.0.0.1:${port}` });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`pushtrace sensors: cannot reach the collector at http://127.0.0.1:${port}: connection refused` +
      ' (is it running? set --server or PUSHTRACE_SERVER)\n');
  });
});

describe('pushtrace CLI: read commands against a real collector', () => {
  let collector: TestCollector;
  let sensorId: number;
  const now = Date.now();

  beforeAll(async () => {
    collector = await startTestCollector();
    const enrolled = await TestAgent.enroll(collector.agentUrl, 'cli-host');
    sensorId = enrolled.sensorId;
    const agent = enrolled.agent;
    agent.send({ sensorId, seq: 1, hostInfo: { hostname: 'cli-host', osPlatform: 'linux', osVersion: 'Debian GNU/Linux 12',
      agentVersion: '1.0.0', bootTimeMs: now - 7_200_000, observedAtMs: now,
      interfaces: [{ name: 'lo', addresses: ['127.0.0.1/8'] }] } });
    agent.send({ sensorId, seq: 0, checkin: { nextCheckinAtMs: now + 60_000, externalIp: '' } });
    agent.send({ sensorId, seq: 2, processInfo: { ...processInfo(2, now - 60_000), name: 'WinSCP.exe' } });
    agent.send({ sensorId, seq: 3, netconnBatch: { sampledAtMs: now, events: [{
      kind: pb.NetconnEvent.Kind.OPEN, connId: 'c1', protocol: pb.NetconnEvent.Protocol.TCP, direction: pb.NetconnEvent.Direction.OUTBOUND,
      processGuid: 'guid-2', pid: 1002, localIp: '127.0.0.1', localPort: 40000, remoteIp: '127.0.0.1', remotePort: 22,
      firstSeenMs: now, lastSeenMs: now }] } });
    await agent.ackedThrough(3);
    agent.close();
  });
  afterAll(async () => { await collector.stop(); });

  const env = () => ({ PUSHTRACE_SERVER: collector.url, PUSHTRACE_TOKEN: ADMIN_TOKEN });

  it('sensors --json prints only a JSON array of sensors', async () => {
    const run = await pushtrace(['sensors', '--json'], env());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const sensors = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(sensors).toHaveLength(1);
    expect(sensors[0]).toMatchObject({ sensor_id: sensorId, hostname: 'cli-host', status: 'online', interface_ips: ['127.0.0.1'], dropped_events: 0 });
    expect(sensors[0]!.uptime_s).toBeGreaterThanOrEqual(7200);
  });

  it('sensors prints an aligned table', async () => {
    const run = await pushtrace(['sensors'], env());
    expect(run.code).toBe(0);
    const [header, row] = run.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+HOSTNAME\s+STATUS\s+OS\s+/);
    expect(row).toMatch(new RegExp(`^${sensorId}\\s+cli-host\\s+online\\s+Debian GNU/Linux 12\\s+`));
    // Columns line up: the STATUS column starts at the same offset in both lines.
    expect(row!.indexOf('online')).toBe(header!.indexOf('STATUS'));
  });

  it('processes --json with --sensor and --since, flags over environment', async () => {
    const run = await pushtrace(['processes', '--json', '--sensor', String(sensorId), '--since', '10m',
      '--server', collector.url, '--token', ADMIN_TOKEN], { PUSHTRACE_SERVER: 'http://127.0.0.1:1', PUSHTRACE_TOKEN: 'wrong' });
    expect(run.code).toBe(0);
    const processes = JSON.parse(run.stdout) as Array<Record<string, any>>;
    expect(processes).toHaveLength(1);
    expect(processes[0]).toMatchObject({ sensor_id: sensorId, name: 'WinSCP.exe', pid: 1002, user: 'alice', sha256: 'a'.repeat(64) });
    expect(processes[0]!.netconns).toEqual([expect.objectContaining({ remote_ip: '127.0.0.1', remote_port: 22, local_port: 40000,
      protocol: 'tcp', direction: 'outbound', closed_at: null })]);
  });

  it('processes prints a table with the remote endpoints', async () => {
    const run = await pushtrace(['processes'], env());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^SENSOR\s+HOSTNAME\s+PID\s+NAME/);
    expect(run.stdout).toMatch(/WinSCP\.exe.*127\.0\.0\.1:22/);
  });

  it('without a token: the server\'s 401, with a hint, exit 1, nothing on stdout', async () => {
    const run = await pushtrace(['sensors', '--json'], { PUSHTRACE_SERVER: collector.url });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('401 COLLECTOR_E_UNAUTHENTICATED');
    expect(run.stderr).toContain('PUSHTRACE_TOKEN');
  });
});

interface CollectorChild {
  proc: ChildProcess;
  logs: Array<Record<string, unknown>>;
  stderr: string[];
  exited: Promise<number | null>;
  url: string;
}

/** Starts `pushtrace collector` as a child and waits for its "collector listening" line. */
async function startCollectorChild(args: string[], env: Record<string, string> = {}): Promise<CollectorChild> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PUSHTRACE_')));
  const proc = spawn(process.execPath, [BIN, 'collector', '--listen', '127.0.0.1:0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...base, ...env } });
  const logs: Array<Record<string, unknown>> = [];
  const stderr: string[] = [];
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  createInterface({ input: proc.stderr! }).on('line', (line) => stderr.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      logs.push(entry);
      if (entry.msg === 'collector listening') resolve(String(entry.url));
    });
    void exited.then((code) => reject(new Error(`collector exited ${code} before listening: ${stderr.join('\n')}`)));
    setTimeout(() => reject(new Error(`collector did not log "collector listening" within 15 s: ${stderr.join('\n')}`)), 15_000).unref();
  });
  return { proc, logs, stderr, exited, url };
}

describe('pushtrace loops: the chains of busy processes are counted, listed with --all', () => {
  let collector: TestCollector;
  beforeAll(async () => {
    collector = await startTestCollector();
    const sensorId = await collector.store.createSensor({ tokenHash: 'loops-h', hostname: 'loops-host', agentVersion: '1.0.0', enrolledAtMs: Date.now() });
    const start = Date.now() - 30 * 60_000;
    const { Kind } = pb.NetconnEvent;
    let n = 0;
    // A session that opened at `atMs` and closed a second later, as the agent reports it: OPEN, then CLOSE.
    const session = (guid: string, remotePort: number, atMs: number) => {
      const id = `c${++n}`;
      const base = { connId: id, processGuid: guid, pid: guid === 'g-winscp' ? 4242 : 777, protocol: pb.NetconnEvent.Protocol.TCP,
        direction: pb.NetconnEvent.Direction.OUTBOUND, localIp: '10.0.0.5', localPort: 40_000 + n, remoteIp: '198.51.100.9', remotePort,
        firstSeenMs: atMs, lastSeenMs: atMs };
      return [{ ...base, kind: Kind.OPEN }, { ...base, kind: Kind.CLOSE, lastSeenMs: atMs + 1_000 }];
    };
    const events = [
      ...[0, 1, 2].flatMap((m) => session('g-winscp', 22, start + m * 60_000)),
      // chrome: a chain to :443 and one session each to 24 more ports, 25 endpoints in all.
      ...[0, 1, 2].flatMap((m) => session('g-chrome', 443, start + m * 60_000 + 5_000)),
      ...Array.from({ length: 24 }, (_, i) => session('g-chrome', 8000 + i, start + i * 2_000 + 7_000)).flat(),
    ];
    const info = (seq: number, guid: string, name: string, pid: number) => ({ seq, envelope: decodeEnvelope(encodeEnvelope({ sensorId, seq, sentAtMs: start,
      processInfo: { processGuid: guid, name, pid, ppid: 1, startTimeMs: start - 3_600_000, path: `/opt/${name}`, observedAtMs: start } })) });
    await collector.store.commitMessages(sensorId, [
      info(1, 'g-winscp', 'WinSCP.exe', 4242), info(2, 'g-chrome', 'chrome.exe', 777),
      { seq: 3, envelope: decodeEnvelope(encodeEnvelope({ sensorId, seq: 3, sentAtMs: start, netconnBatch: { sampledAtMs: start, events } })) },
    ], Date.now());
  });
  afterAll(async () => { await collector.stop(); });
  const env = () => ({ PUSHTRACE_SERVER: collector.url, PUSHTRACE_TOKEN: ADMIN_TOKEN });

  it('lists the stuck client, and says how many busy-process loops it left out', async () => {
    const run = await pushtrace(['loops'], env());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/WinSCP\.exe \(4242\)\s+198\.51\.100\.9:22\s+3\s/);
    expect(run.stdout).not.toContain('chrome.exe');
    expect(run.stdout).toContain('1 loop of busy processes (20+ endpoints, such as browsers) not shown; --all lists them');
    const all = await pushtrace(['loops', '--all'], env());
    expect(all.stdout).toMatch(/chrome\.exe \(777\)\s+198\.51\.100\.9:443\s+3\s.*25 \(busy\)/);
    expect(all.stdout).not.toContain('not shown');
  });

  it('--json has every loop with its endpoint count and busy flag', async () => {
    const run = await pushtrace(['loops', '--json'], env());
    const loops = (JSON.parse(run.stdout) as Array<{ process: { name: string }; process_endpoints: number; busy: boolean }>)
      .map((l) => [l.process.name, l.process_endpoints, l.busy]);
    expect(loops.sort()).toEqual([['WinSCP.exe', 1, false], ['chrome.exe', 25, true]]);
  });
});

describe('pushtrace collector as a process', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'pushtrace-cli-collector-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('refuses to start without an enroll secret: exit 2, a clear line', async () => {
    const run = await pushtrace(['collector', '--db', join(dir, 'none.db')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no enroll secret given');
    expect(run.stderr).toContain('--enroll-secret');
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it('refuses a bad --listen: exit 2, naming the flag', async () => {
    const run = await pushtrace(['collector', '--listen', 'nowhere', '--enroll-secret', 's']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('config.listen (--listen)');
  });

  it('a port already in use: exit 1, naming the address', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const run = await pushtrace(['collector', '--listen', `127.0.0.1:${port}`, '--db', join(dir, 'busy.db'),
        '--enroll-secret', 's', '--admin-token', 't']);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(`pushtrace collector: cannot listen on 127.0.0.1:${port}: address already in use (EADDRINUSE): another process listens there\n`);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });

  it('creates an admin token at first start, shows it once, keeps only its hash', async () => {
    const db = join(dir, 'token.db');
    const first = await startCollectorChild(['--db', db, '--enroll-secret', 'secret']);
    const line = first.stderr.find((l) => l.startsWith('PUSHTRACE_TOKEN='));
    expect(line).toBeDefined();
    const token = line!.slice('PUSHTRACE_TOKEN='.length);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.logs.find((l) => l.msg === 'collector listening')).toMatchObject({ url: first.url, level: 30 });
    const hash = (await readFile(`${db}.admin-token.sha256`, 'utf8')).trim();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token);
    const ok = await pushtrace(['sensors', '--json'], { PUSHTRACE_SERVER: first.url, PUSHTRACE_TOKEN: token });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([]);
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // Second start (secret from the environment this time): the same token
    // still works and is not shown again.
    const second = await startCollectorChild(['--db', db], { PUSHTRACE_ENROLL_SECRET: 'secret' });
    expect(second.stderr.some((l) => l.includes('PUSHTRACE_TOKEN'))).toBe(false);
    const again = await pushtrace(['sensors', '--json'], { PUSHTRACE_SERVER: second.url, PUSHTRACE_TOKEN: token });
    expect(again.code).toBe(0);
    second.proc.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 30_000);

  it('SIGTERM while an agent streams: exit 0, GOING_AWAY, and every acked seq is in the database', async () => {
    const db = join(dir, 'sigterm.db');
    const child = await startCollectorChild(['--db', db, '--enroll-secret', ENROLL_SECRET, '--admin-token', 'sigterm-test-admin-token']);
    const { agent, sensorId } = await TestAgent.enroll(`${child.url.replace(/^http/, 'ws')}/agent`);
    let seq = 0;
    const pump = setInterval(() => {
      for (let i = 0; i < 25 && agent.ws.readyState === agent.ws.OPEN; i++) {
        seq += 1;
        agent.send({ sensorId, seq, processInfo: processInfo(seq) });
      }
    }, 2);
    try {
      await agent.ackedThrough(200);
      child.proc.kill('SIGTERM');
      const closed = await agent.closed;
      expect(closed.code).toBe(CloseCode.GOING_AWAY);
      expect(await child.exited).toBe(0);
    } finally {
      clearInterval(pump);
    }
    const acked = agent.highestAck;
    expect(acked).toBeGreaterThanOrEqual(200);
    // More was sent than acked: the shutdown really happened mid-stream.
    expect(seq).toBeGreaterThan(acked);

    const store = await openSqliteStore(db);
    try {
      expect(await store.lastStoredSeq(sensorId)).toBeGreaterThanOrEqual(acked);
      const guids = new Set((await store.listProcesses({ sensorId, limit: 100_000 })).map((p) => p.processGuid));
      const missing = [];
      for (let s = 1; s <= acked; s++) if (!guids.has(`guid-${s}`)) missing.push(s);
      expect(missing).toEqual([]);
    } finally {
      await store.close();
    }
  }, 30_000);
});
