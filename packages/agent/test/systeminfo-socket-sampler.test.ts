import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import type { Systeminformation } from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { createSocketSampler } from '../src/sampling/socket-sampler.js';
import { createSystemInformationSocketSampler, mapSystemInformationConnections } from '../src/sampling/systeminfo-socket-sampler.js';

type Row = Systeminformation.NetworkConnectionsData;
const row = (over: Partial<Row>): Row => ({
  protocol: 'tcp', localAddress: '192.168.1.23', localPort: '52144', peerAddress: '203.0.113.10', peerPort: '443',
  state: 'ESTABLISHED', pid: 9120, process: '', ...over,
});

describe('mapSystemInformationConnections', () => {
  it('maps Windows-shaped rows (brackets already stripped, "*" peers, UDP without state)', () => {
    expect(
      mapSystemInformationConnections([
        row({}),
        row({ localAddress: '0.0.0.0', localPort: '135', peerAddress: '0.0.0.0', peerPort: '0', state: 'LISTEN', pid: 1044 }),
        row({ localAddress: '::1', localPort: '445', peerAddress: '::1', peerPort: '50200', pid: 4 }),
        row({ protocol: 'udp', localAddress: 'fe80::1c2d:3e4f:5a6b:7c8d%12', localPort: '1900', peerAddress: '*', peerPort: '*', state: '', pid: 3344 }),
        row({ localAddress: '0.0.0.0', localPort: '5040', peerAddress: '0.0.0.0', peerPort: '0', state: 'ÉCOUTE', pid: 6200 }),
      ]),
    ).toEqual([
      { protocol: 'tcp', localIp: '192.168.1.23', localPort: 52144, remoteIp: '203.0.113.10', remotePort: 443, state: 'ESTABLISHED', pid: 9120, inode: 0 },
      { protocol: 'tcp', localIp: '0.0.0.0', localPort: 135, remoteIp: '0.0.0.0', remotePort: 0, state: 'LISTEN', pid: 1044, inode: 0 },
      { protocol: 'tcp', localIp: '::1', localPort: 445, remoteIp: '::1', remotePort: 50200, state: 'ESTABLISHED', pid: 4, inode: 0 },
      { protocol: 'udp', localIp: 'fe80::1c2d:3e4f:5a6b:7c8d', localPort: 1900, remoteIp: '::', remotePort: 0, state: 'UNCONN', pid: 3344, inode: 0 },
      { protocol: 'tcp', localIp: '0.0.0.0', localPort: 5040, remoteIp: '0.0.0.0', remotePort: 0, state: 'LISTEN', pid: 6200, inode: 0 },
    ]);
  });

  it('maps macOS-shaped rows (tcp4/tcp46/udp4, "*" addresses, UNKNOWN state, null pid) and drops junk', () => {
    expect(
      mapSystemInformationConnections([
        row({ protocol: 'tcp46', localAddress: '*', localPort: '22', peerAddress: '*', peerPort: '*', state: 'LISTEN', pid: 1 }),
        row({ protocol: 'tcp4', state: 'FIN_WAIT_2', pid: null as unknown as number }),
        row({ protocol: 'udp4', localAddress: '192.168.1.5', localPort: '61000', peerAddress: '192.0.2.53', peerPort: '53', state: 'UNKNOWN', pid: 9811 }),
        row({ protocol: 'tcp6', localAddress: '::ffff:10.0.0.5', peerAddress: '::ffff:10.0.0.9', peerPort: '22', state: 'SYN_RECEIVED' }),
        row({ protocol: 'icmp' }),
        row({ localAddress: 'not-an-ip' }),
      ]).map((r) => [r.protocol, r.localIp, r.remoteIp, r.remotePort, r.state, r.pid]),
    ).toEqual([
      ['tcp', '::', '::', 0, 'LISTEN', 1],
      ['tcp', '192.168.1.23', '203.0.113.10', 443, 'FIN_WAIT2', 0],
      ['udp', '192.168.1.5', '192.0.2.53', 53, 'ESTABLISHED', 9811],
      ['tcp', '10.0.0.5', '10.0.0.9', 22, 'SYN_RECV', 9120],
    ]);
  });
});

describe('createSystemInformationSocketSampler', () => {
  it('filters excludeCidrs, wraps a failing source, refuses after close', async () => {
    const rows = [row({}), row({ localAddress: '127.0.0.1', peerAddress: '127.0.0.1' })];
    const sampler = createSystemInformationSocketSampler({ excludeCidrs: ['127.0.0.0/8'], networkConnections: async () => rows });
    expect((await sampler.sample()).map((r) => r.localIp)).toEqual(['192.168.1.23']);
    await sampler.close();
    await expect(sampler.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_CLOSED' });

    const failing = createSystemInformationSocketSampler({
      networkConnections: async () => {
        throw new Error('spawn netstat ENOENT');
      },
    });
    await expect(failing.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED', cause: { message: 'spawn netstat ENOENT' } });
  });
});

let hasNetstat = true;
try {
  execFileSync('netstat', ['--version'], { stdio: 'ignore' });
} catch {
  hasNetstat = false;
}

describe('createSocketSampler', () => {
  it('refuses a platform it has no sampler for', () => {
    expect(() => createSocketSampler({ platform: 'aix' })).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('"aix"') }));
  });

  // systeminformation reads `netstat -tunap` on Linux; net-tools is not installed everywhere.
  it.skipIf(process.platform !== 'linux' || !hasNetstat)(
    'picks systeminformation for darwin/win32, which finds a real loopback connection with its pid',
    async () => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const port = (server.address() as net.AddressInfo).port;
      const client = net.connect(port, '127.0.0.1');
      await once(client, 'connect');
      try {
        const sampler = createSocketSampler({ platform: 'darwin' });
        const records = await sampler.sample();
        await sampler.close();
        expect(records.filter((r) => r.localPort === client.localPort && r.remotePort === port)).toEqual([
          { protocol: 'tcp', localIp: '127.0.0.1', localPort: client.localPort, remoteIp: '127.0.0.1', remotePort: port, state: 'ESTABLISHED', pid: process.pid, inode: 0 },
        ]);
      } finally {
        client.destroy();
        server.close();
      }
    },
  );
});
