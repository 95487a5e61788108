import { appendFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAgent, type AgentHandle } from './helpers/agent.js';
import { cliJson, runCli } from './helpers/cli.js';
import { netconnsOfProcess } from './helpers/collector-db.js';
import { startCollector, type CollectorHandle } from './helpers/collector.js';
import { startDns, type DnsResponder } from './helpers/dns-responder.js';
import { deniedPush, writeDuoFile } from './helpers/duo-records.js';
import { RECONNECT_SCRIPT, startStandin, type Standin } from './helpers/standin.js';
import { startTcpGate, type TcpGate } from './helpers/tcp-gate.js';
import { startTcpServer, type LocalTcpServer } from './helpers/tcp-server.js';
import { waitFor } from './helpers/wait-for.js';

interface AlertJson {
  id: number;
  verdict: string;
  severity: string;
  user: string;
  access_ip: string | null;
  pushes_total: number;
  pushes_aligned: number;
  sensor_id: number | null;
  hostname: string | null;
  process: { name: string; pid: number; path: string; start_time: string | null; sha256: string | null } | null;
  destination: { ip: string; port: number } | null;
  evidence: Array<{ push_time: string; result: string; session_opened_at: string | null; lag_ms: number | null }>;
  advice: string;
  candidates?: Array<{ process: { name: string } }>;
}

const LAPTOP_IP = '203.0.113.50';
const SECOND_LAPTOP_IP = '203.0.113.60';
/** Only ever a string in a Duo record: nothing is sent to it. */
const OUTSIDE_IP = '198.51.100.9';
/** A push follows its session by this much (the SFTP server asks Duo after the login). */
const PUSH_LAG_MS = 1500;
/**
 * The stand-ins compress the write-up's minutes into seconds: a first
 * session idle for 15 s, then 8 reconnects 3 s apart. The collector is told
 * to line sessions up within 2 s before to 1 s after a push to match.
 */
const RECONNECTS = ['9', '1500', '1500', '15000'];
const ALIGN_ARGS = ['--align-before', '2s', '--align-after', '1s'];

/**
 * Session-opening times a RECONNECT_SCRIPT stand-in printed, once it printed
 * `count` of them and the push that follows the last one is in the past (a
 * Duo log only ever holds pushes that happened).
 */
async function sessionTimes(standin: Standin, count: number): Promise<number[]> {
  const times = await waitFor(`${count} sessions of the stand-in`, () => {
    const seen = standin.logs.filter((l) => typeof l.session === 'number').map((l) => Number(l.at));
    return seen.length >= count ? seen.slice(0, count) : undefined;
  }, { timeoutMs: 60_000 });
  await waitFor('the last push to have happened', () => Date.now() > times.at(-1)! + PUSH_LAG_MS + 200 || undefined);
  return times;
}

// Each verdict of DESIGN.md, produced by real agent and collector processes
// from real sockets and a real `pushtrace ingest duo` of Duo records.
describe('tracing push bursts end to end', () => {
  let dns: DnsResponder;
  let collector: CollectorHandle;
  let sftp: LocalTcpServer;
  let web: LocalTcpServer;
  let browser: Standin;
  let agent: AgentHandle;
  const cleanup: Array<{ stop(): Promise<void> }> = [];
  let agentUp = 0;

  const alertsOf = async (user: string) => (await cliJson<AlertJson[]>(['alerts'], collector)).filter((a) => a.user === user);
  const ingest = async (records: ReturnType<typeof deniedPush>[]) => {
    const result = await runCli(['ingest', 'duo', writeDuoFile(records)], collector);
    expect(result.code, result.stderr).toBe(0);
  };

  beforeAll(async () => {
    dns = await startDns(LAPTOP_IP);
    collector = await startCollector({ extraArgs: ALIGN_ARGS });
    sftp = await startTcpServer();
    web = await startTcpServer();
    // The busy distractor: a new session every ~0.5 s, all test long.
    browser = startStandin('chrome', RECONNECT_SCRIPT, [String(web.port), '0', '1500', '300']);
    agent = startAgent({ collectorUrl: collector.wsUrl, enrollSecret: collector.enrollSecret, resolver: dns.address });
    await waitFor('sensor with its external IP', async () =>
      (await cliJson<Array<{ external_ip: string | null }>>(['sensors'], collector)).some((s) => s.external_ip === LAPTOP_IP),
    { intervalMs: 500 });
    agentUp = Date.now();
  });

  afterAll(async () => {
    for (const c of cleanup.reverse()) await c.stop();
    await agent?.stop();
    await browser?.stop();
    await collector?.stop();
    await sftp?.close();
    await web?.close();
    await dns?.stop();
  });

  it('sensor-no-process: the laptop had the IP, but only a busy browser was talking', async () => {
    // The pushes must fall after the agent first learned its IP.
    await waitFor('a few seconds of telemetry', () => Date.now() - agentUp > 5_000 || undefined);
    const now = Date.now();
    await ingest([4_000, 2_000, 0].map((ago) => deniedPush('bob', LAPTOP_IP, now - ago)));
    const [alert] = await alertsOf('bob');
    expect(alert).toMatchObject({ verdict: 'sensor-no-process', severity: 'medium', access_ip: LAPTOP_IP, pushes_total: 3, process: null });
    expect(alert!.advice).not.toBe('');
  });

  it('reconnect-loop: the pushes trace to WinSCP.exe, not to the busy browser', async () => {
    const winscp = startStandin('WinSCP.exe', RECONNECT_SCRIPT, [String(sftp.port), ...RECONNECTS]);
    cleanup.push(winscp);
    const sessions = await sessionTimes(winscp, 9);
    // Polled in the database, not with the CLI: every CLI run is a process
    // with a session of its own, one more candidate for the detector.
    await waitFor('WinSCP.exe sessions stored', () => netconnsOfProcess(collector.dbPath, 'WinSCP.exe') >= 9 || undefined);
    // The first session was the user's own login; each reconnect asks again.
    await ingest(sessions.slice(1).map((at) => deniedPush('jdoe', LAPTOP_IP, at + PUSH_LAG_MS)));

    const [alert] = await alertsOf('jdoe');
    expect(alert).toMatchObject({
      verdict: 'reconnect-loop', severity: 'low', access_ip: LAPTOP_IP, pushes_total: 8, pushes_aligned: 8,
      destination: { ip: '127.0.0.1', port: sftp.port },
    });
    expect(alert!.process).toMatchObject({ name: 'WinSCP.exe', pid: winscp.proc.pid, path: winscp.exePath, sha256: winscp.sha256 });
    expect(alert!.sensor_id).toBeGreaterThan(0);
    for (const item of alert!.evidence) {
      expect(item.session_opened_at).not.toBeNull();
      expect(item.lag_ms).toBeGreaterThanOrEqual(-5_000);
      expect(item.lag_ms).toBeLessThanOrEqual(60_000);
    }
    expect(alert!.advice).toContain('WinSCP.exe');

    const shown = await runCli(['alerts', 'show', String(alert!.id)], collector);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('session opened');
    expect(shown.stdout).toContain('Advice:');
  });

  it('unattributed: pushes from an IP no sensor ever had', async () => {
    const now = Date.now();
    await ingest([30_000, 20_000, 10_000].map((ago) => deniedPush('asmith', OUTSIDE_IP, now - ago)));
    const [alert] = await alertsOf('asmith');
    expect(alert).toMatchObject({ verdict: 'unattributed', severity: 'high', access_ip: OUTSIDE_IP, sensor_id: null, process: null, destination: null });
  });

  it('ingest reports a broken record by line and still stores the good ones', async () => {
    const file = writeDuoFile([deniedPush('erin', OUTSIDE_IP, Date.now() - 5_000)]);
    appendFileSync(file, '\n{"txid": "no time", "result": "denied"}\n');
    const result = await runCli(['ingest', 'duo', file], collector);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/1 new/);
    expect(result.stdout).toMatch(/rejected line 2: .+/);
  });

  it('a log over a MiB reads as a small one does: counts, a broken line by number, the burst in it, then all duplicates', async () => {
    const now = Date.now();
    // 6,000 approvals of other users around a denied burst of frank's from outside, one broken line among them.
    const records = Array.from({ length: 6_000 }, (_, i) =>
      ({ ...deniedPush(`user${i % 300}`, OUTSIDE_IP, now - 3_600_000 + i * 500), result: 'success', reason: 'user_approved' }));
    records.splice(4_000, 0, ...[30_000, 20_000, 10_000].map((ago) => deniedPush('frank', OUTSIDE_IP, now - ago)));
    const lines = records.map((r) => JSON.stringify(r));
    lines.splice(2_500, 0, '{"txid": "no time", "result": "denied", "user": {"name": "x"}}');
    const file = writeDuoFile([]);
    writeFileSync(file, `${lines.join('\n')}\n${lines.slice(0, 10).join('\n')}\n`);
    expect(statSync(file).size).toBeGreaterThan(1 << 20);

    const result = await runCli(['ingest', 'duo', file], collector);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(': 6003 events read, 6003 new, 0 already stored, 1 rejected');
    expect(result.stdout).toMatch(/rejected line 2501: no timestamp/);
    const [alert] = await alertsOf('frank');
    expect(alert).toMatchObject({ verdict: 'unattributed', access_ip: OUTSIDE_IP, pushes_total: 3 });
    expect(result.stdout).toContain(`alert ${alert!.id}: unattributed (user frank)`);

    // Again: all of it is known now.
    const again = await runCli(['ingest', 'duo', file], collector);
    expect(again.stdout).toContain(': 6003 events read, 0 new, 6003 already stored, 1 rejected');
  });

  it('ambiguous: two processes reconnecting in lockstep', async () => {
    const args = [String(sftp.port), ...RECONNECTS];
    const a = startStandin('WinSCP.exe', RECONNECT_SCRIPT, args);
    const b = startStandin('FileZilla.exe', RECONNECT_SCRIPT, args);
    cleanup.push(a, b);
    const sessions = await sessionTimes(a, 9);
    await sessionTimes(b, 9);
    await waitFor('both stand-ins stored', () =>
      [a, b].every((s) => netconnsOfProcess(collector.dbPath, s === a ? 'WinSCP.exe' : 'FileZilla.exe', s.proc.pid) >= 9) || undefined);
    await ingest(sessions.slice(1).map((at) => deniedPush('carol', LAPTOP_IP, at + PUSH_LAG_MS)));
    const [alert] = await alertsOf('carol');
    expect(alert).toMatchObject({ verdict: 'ambiguous', severity: 'medium' });
    const names = (alert!.candidates ?? []).map((c) => c.process.name);
    expect(names).toEqual(expect.arrayContaining(['WinSCP.exe', 'FileZilla.exe']));
  });

  it('late telemetry: an offline laptop drains its spool and the same alert turns into reconnect-loop', async () => {
    const dns2 = await startDns(SECOND_LAPTOP_IP);
    const gate: TcpGate = await startTcpGate(collector.port);
    cleanup.push(dns2, { stop: () => gate.close() });
    const offline = startAgent({ collectorUrl: `ws://127.0.0.1:${gate.port}`, enrollSecret: collector.enrollSecret, resolver: dns2.address });
    cleanup.push(offline);
    await waitFor('the offline agent to look up its IP', () => dns2.queryCount > 0 || undefined);
    const rsync = startStandin('rsync', RECONNECT_SCRIPT, [String(sftp.port), ...RECONNECTS]);
    cleanup.push(rsync);
    const sessions = await sessionTimes(rsync, 9);
    await ingest(sessions.slice(1).map((at) => deniedPush('dave', SECOND_LAPTOP_IP, at + PUSH_LAG_MS)));
    const [before] = await alertsOf('dave');
    expect(before).toMatchObject({ verdict: 'unattributed', pushes_total: 8 });

    gate.open();
    // Wait until the spool is drained (the sensor's checkin says so), then judge.
    await waitFor('the offline agent to drain its spool', async () => {
      const sensors = await cliJson<Array<{ sensor_id: number; external_ip: string | null; spool_queued: number }>>(['sensors'], collector);
      const second = sensors.find((s) => s.external_ip === SECOND_LAPTOP_IP);
      return second !== undefined && second.spool_queued === 0 || undefined;
    }, { timeoutMs: 90_000, intervalMs: 1_000 });
    const after = await waitFor('the alert to be re-judged', async () => {
      const [alert] = await alertsOf('dave');
      return alert?.verdict !== 'unattributed' ? alert : undefined;
    }, { timeoutMs: 30_000, intervalMs: 1_000 });
    expect(after.verdict).toBe('reconnect-loop');
    expect(after.id).toBe(before!.id);
    expect(after.process).toMatchObject({ name: 'rsync', pid: rsync.proc.pid });
    expect(await alertsOf('dave')).toHaveLength(1);
  });
});
