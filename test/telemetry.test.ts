import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollector, type CollectorHandle } from './helpers/collector.js';
import { startAgent, type AgentHandle } from './helpers/agent.js';
import { cliJson } from './helpers/cli.js';
import { startDns, type DnsResponder } from './helpers/dns-responder.js';
import { startStandin, RECONNECT_SCRIPT, type Standin } from './helpers/standin.js';
import { startTcpServer, type LocalTcpServer } from './helpers/tcp-server.js';
import { waitFor } from './helpers/wait-for.js';

interface SensorJson {
  sensor_id: number;
  hostname: string;
  external_ip: string | null;
  interface_ips: string[];
  status: string;
  dropped_events: number;
}

interface ProcessJson {
  sensor_id: number;
  name: string;
  pid: number;
  path: string;
  sha256: string;
  md5: string;
  netconns: Array<{ remote_ip: string; remote_port: number; local_port: number; protocol: string; direction: string; opened_at: string; closed_at: string | null }>;
}

// The write-up's chain, on one machine: a process named WinSCP.exe holds a
// session to a server; the agent must say which process, with its hash, and
// what public IP the laptop has (from a local stand-in for OpenDNS).
describe('telemetry pipeline end to end', () => {
  let dns: DnsResponder;
  let collector: CollectorHandle;
  let server: LocalTcpServer;
  let winscp: Standin;
  let agent: AgentHandle;

  beforeAll(async () => {
    dns = await startDns('203.0.113.7');
    collector = await startCollector();
    server = await startTcpServer();
    // One session held open for the whole test.
    winscp = startStandin('WinSCP.exe', RECONNECT_SCRIPT, [String(server.port), '1', '600000', '0']);
    agent = startAgent({ collectorUrl: collector.wsUrl, enrollSecret: collector.enrollSecret, resolver: dns.address });
  });

  afterAll(async () => {
    await agent?.stop();
    await winscp?.stop();
    await collector?.stop();
    await server?.close();
    await dns?.stop();
  });

  it('shows the sensor online with the external IP the resolver gave', async () => {
    const sensor = await waitFor('sensor with external IP', async () => {
      const sensors = await cliJson<SensorJson[]>(['sensors'], collector);
      return sensors.find((s) => s.external_ip === '203.0.113.7' && s.status === 'online');
    });
    expect(sensor.sensor_id).toBeGreaterThan(0);
    expect(sensor.interface_ips).toContain('127.0.0.1');
    expect(sensor.dropped_events).toBe(0);
    expect(dns.queryCount).toBeGreaterThan(0);
  });

  it('attributes the outbound session to WinSCP.exe with the hash of its executable', async () => {
    const proc = await waitFor('WinSCP.exe with its session', async () => {
      const processes = await cliJson<ProcessJson[]>(['processes'], collector);
      return processes.find((p) => p.name === 'WinSCP.exe' && p.netconns.some((c) => c.remote_port === server.port));
    });
    expect(proc.pid).toBe(winscp.proc.pid);
    expect(proc.path).toBe(winscp.exePath);
    expect(proc.sha256).toBe(winscp.sha256);
    expect(proc.md5).toMatch(/^[0-9a-f]{32}$/);
    const conn = proc.netconns.find((c) => c.remote_port === server.port)!;
    expect(conn).toMatchObject({ remote_ip: '127.0.0.1', protocol: 'tcp', direction: 'outbound', closed_at: null });
    expect(conn.local_port).toBe(server.sessions[0]?.remotePort);
  });

  it('an agent restart carries on: the session still open is not reported again under a new id', async () => {
    const winscpSessions = async () => {
      const processes = await cliJson<ProcessJson[]>(['processes'], collector);
      return processes.filter((p) => p.name === 'WinSCP.exe').flatMap((p) => p.netconns.filter((c) => c.remote_port === server.port));
    };
    const before = await winscpSessions();
    expect(before).toHaveLength(1);
    const sensorId = (await cliJson<SensorJson[]>(['sensors'], collector))[0]!.sensor_id;
    await agent.stop();
    const restartedAt = Date.now();
    agent = startAgent({ collectorUrl: collector.wsUrl, enrollSecret: collector.enrollSecret, resolver: dns.address, stateDir: agent.stateDir });
    // Three samples (one a second) after the restarted agent checked in.
    const checkedIn = await waitFor('the restarted agent to check in', async () => {
      const sensor = (await cliJson<Array<SensorJson & { last_checkin: string | null }>>(['sensors'], collector))[0];
      return sensor?.last_checkin !== null && Date.parse(sensor!.last_checkin!) >= restartedAt ? sensor : undefined;
    });
    expect(checkedIn.sensor_id).toBe(sensorId);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await winscpSessions()).toEqual(before);
  });

  it('records the session close once the server drops it', async () => {
    server.dropAll();
    const conn = await waitFor('closed session', async () => {
      const processes = await cliJson<ProcessJson[]>(['processes', '--since', '10m'], collector);
      const proc = processes.find((p) => p.name === 'WinSCP.exe');
      return proc?.netconns.find((c) => c.remote_port === server.port && c.closed_at !== null);
    });
    expect(Date.parse(conn.closed_at!)).toBeGreaterThanOrEqual(Date.parse(conn.opened_at));
    // The row the first agent opened is the one closed (the restarted agent knew its id): no other row, none left open.
    const processes = await cliJson<ProcessJson[]>(['processes', '--since', '10m'], collector);
    const sessions = processes.filter((p) => p.name === 'WinSCP.exe').flatMap((p) => p.netconns.filter((c) => c.remote_port === server.port));
    expect(sessions).toEqual([conn]);
  });
});
