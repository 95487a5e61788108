import { readFileSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, test } from 'vitest';
import { collectHostInfo, interfaceFingerprint, interfacesFrom, osVersionFromOsRelease, parseOsRelease, parseWho } from '../src/sampling/host.js';

const lo: os.NetworkInterfaceInfo[] = [
  { address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' },
];
const eth0: os.NetworkInterfaceInfo[] = [
  { address: '10.1.2.3', netmask: '255.255.255.0', family: 'IPv4', mac: '52:54:00:12:34:56', internal: false, cidr: '10.1.2.3/24' },
  { address: 'fe80::5054:ff:fe12:3456', netmask: 'ffff:ffff:ffff:ffff::', family: 'IPv6', mac: '52:54:00:12:34:56', internal: false, cidr: 'fe80::5054:ff:fe12:3456/64', scopeid: 2 },
];

describe('parsers', () => {
  test('os-release: quotes and escapes; PRETTY_NAME first, then NAME VERSION', () => {
    const text = 'NAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n# comment\nID=debian\nX="a \\"q\\""\n';
    expect(parseOsRelease(text).get('ID')).toBe('debian');
    expect(parseOsRelease(text).get('X')).toBe('a "q"');
    expect(osVersionFromOsRelease(text)).toBe('Debian GNU/Linux 12 (bookworm)');
    expect(osVersionFromOsRelease("NAME='Alpine Linux'\nVERSION_ID=3.19.1\n")).toBe('Alpine Linux 3.19.1');
    expect(osVersionFromOsRelease('')).toBe('');
  });

  test('who: first column, unique, sorted', () => {
    const stdout = 'bob      pts/1        2024-05-01 09:12 (10.0.0.5)\nalice    tty2         2024-05-01 08:00 (tty2)\nbob      pts/2        2024-05-01 09:13 (10.0.0.5)\n\n';
    expect(parseWho(stdout)).toEqual(['alice', 'bob']);
  });

  test('interfaces: one entry per interface with its CIDRs; loopback kept', () => {
    expect(interfacesFrom({ lo, eth0 })).toEqual([
      { name: 'lo', mac: '00:00:00:00:00:00', addresses: ['127.0.0.1/8'] },
      { name: 'eth0', mac: '52:54:00:12:34:56', addresses: ['10.1.2.3/24', 'fe80::5054:ff:fe12:3456/64'] },
    ]);
  });

  test('interface fingerprint: order does not matter, a new address does', () => {
    const base = interfaceFingerprint({ lo, eth0 });
    expect(interfaceFingerprint({ eth0: [...eth0].reverse(), lo })).toBe(base);
    const moved = [{ ...eth0[0]!, address: '192.168.7.9', cidr: '192.168.7.9/24' }, eth0[1]!];
    expect(interfaceFingerprint({ lo, eth0: moved })).not.toBe(base);
    expect(interfaceFingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('collectHostInfo', () => {
  test.skipIf(process.platform !== 'linux')('this Linux host, read for real', async () => {
    const info = await collectHostInfo({ agentVersion: '9.9.9-test', deps: { now: () => 1_800_000_000_000 } });
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    const btime = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))![1]);
    expect(info).toMatchObject({
      hostname: os.hostname(),
      osPlatform: 'linux',
      osVersion: pretty,
      osRelease: os.release(),
      arch: os.arch(),
      agentVersion: '9.9.9-test',
      bootTimeMs: btime * 1000,
      observedAtMs: 1_800_000_000_000,
    });
    expect(info.interfaces.find((i) => i.name === 'lo')?.addresses).toContain('127.0.0.1/8');
    expect(Array.isArray(info.loggedInUsers)).toBe(true);
  });

  test('Linux without `who`: no users, no failure', async () => {
    const info = await collectHostInfo({
      agentVersion: '1',
      deps: {
        platform: 'linux',
        runWho: () => Promise.reject(Object.assign(new Error('spawn who ENOENT'), { code: 'ENOENT' })),
        readText: async (path) => (path === '/proc/stat' ? 'btime 1700000000\n' : 'PRETTY_NAME="Test OS 1"\n'),
      },
    });
    expect(info).toMatchObject({ loggedInUsers: [], osVersion: 'Test OS 1', bootTimeMs: 1_700_000_000_000 });
  });

  test('Windows: OS name and users from systeminformation, boot time from uptime', async () => {
    const info = await collectHostInfo({
      agentVersion: '1',
      deps: {
        platform: 'win32',
        hostname: () => 'LAPTOP-7',
        networkInterfaces: () => ({ eth0 }),
        now: () => 1_700_000_100_400,
        uptimeSeconds: () => 100,
        siOsInfo: async () => ({ distro: 'Microsoft Windows 11 Pro', release: '10.0.22631' }),
        siUsers: async () => [{ user: 'bob' }, { user: 'alice' }, { user: 'bob' }, { user: '' }],
        runWho: () => Promise.reject(new Error('who must not run on Windows')),
      },
    });
    expect(info).toMatchObject({
      hostname: 'LAPTOP-7',
      osPlatform: 'win32',
      osVersion: 'Microsoft Windows 11 Pro 10.0.22631',
      bootTimeMs: 1_700_000_000_000,
      loggedInUsers: ['alice', 'bob'],
      interfaces: [{ name: 'eth0', mac: '52:54:00:12:34:56', addresses: ['10.1.2.3/24', 'fe80::5054:ff:fe12:3456/64'] }],
    });
  });
});
