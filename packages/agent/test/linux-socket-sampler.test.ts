import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLinuxSocketSampler } from '../src/sampling/linux-socket-sampler.js';
import { diffSockets } from '../src/sampling/netconn-diff.js';
import type { SocketRecord, SocketSampler } from '../src/sampling/types.js';

// The child process that reads as another user runs the TypeScript sources
// through the same loader the spool tests use (no build needed).
const tsLoader = ['--import', new URL('./fixtures/ts-loader.mjs', import.meta.url).href];
const isLinux = process.platform === 'linux';

async function listening(host: string): Promise<net.Server | null> {
  const server = net.createServer();
  try {
    server.listen(0, host);
    await once(server, 'listening');
    return server;
  } catch {
    return null;
  }
}

// ::1 is missing on hosts booted with IPv6 disabled; the IPv6 test needs it.
const probe = isLinux ? await listening('::1') : null;
const hasIpv6Loopback = probe !== null;
probe?.close();

interface Pair {
  server: net.Server;
  client: net.Socket;
  accepted: net.Socket;
  serverPort: number;
  clientPort: number;
}

async function openPair(host: string): Promise<Pair> {
  const server = net.createServer();
  server.listen(0, host);
  await once(server, 'listening');
  const serverPort = (server.address() as net.AddressInfo).port;
  const acceptedP = once(server, 'connection') as Promise<[net.Socket]>;
  const client = net.connect(serverPort, host);
  await once(client, 'connect');
  const [accepted] = await acceptedP;
  return { server, client, accepted, serverPort, clientPort: client.localPort! };
}

async function closePair(p: Pair): Promise<void> {
  p.client.destroy();
  p.accepted.destroy();
  await new Promise<void>((resolve) => p.server.close(() => resolve()));
}

const match = (records: SocketRecord[], localPort: number, remotePort: number) =>
  records.filter((r) => r.protocol === 'tcp' && r.localPort === localPort && r.remotePort === remotePort);

describe.skipIf(!isLinux)('createLinuxSocketSampler on this machine', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const track = <T extends SocketSampler>(s: T): T => {
    cleanups.push(() => s.close());
    return s;
  };
  // One sampler for the tests with default options, so later tests run on a warm inode cache.
  let shared: SocketSampler;
  beforeAll(() => {
    shared = createLinuxSocketSampler();
  });
  afterAll(() => shared.close());

  it('reports a 127.0.0.1 connection from both ends, and its listener, with this pid', async () => {
    const pair = await openPair('127.0.0.1');
    cleanups.push(() => closePair(pair));
    const records = await shared.sample();

    const client = match(records, pair.clientPort, pair.serverPort);
    const accepted = match(records, pair.serverPort, pair.clientPort);
    const listener = match(records, pair.serverPort, 0);
    expect(client).toEqual([
      expect.objectContaining({ localIp: '127.0.0.1', remoteIp: '127.0.0.1', state: 'ESTABLISHED', pid: process.pid }),
    ]);
    expect(accepted).toEqual([
      expect.objectContaining({ localIp: '127.0.0.1', remoteIp: '127.0.0.1', state: 'ESTABLISHED', pid: process.pid }),
    ]);
    expect(listener).toEqual([expect.objectContaining({ state: 'LISTEN', pid: process.pid })]);
    expect(client[0]!.inode).toBeGreaterThan(0);
    expect(accepted[0]!.inode).not.toBe(client[0]!.inode);

    // The diff makes the client end OUTBOUND and the accepted end INBOUND.
    let n = 0;
    const { events } = diffSockets(undefined, records, 1_000, () => `c${++n}`);
    const ours = events.filter((e) => e.pid === process.pid && (e.localPort === pair.serverPort || e.localPort === pair.clientPort));
    expect(ours.map((e) => [e.kind, e.localPort, e.direction]).sort()).toEqual(
      [
        ['open', pair.clientPort, 'outbound'],
        ['open', pair.serverPort, 'inbound'],
      ].sort(),
    );
  });

  it.skipIf(!hasIpv6Loopback)('reports a ::1 connection from both ends with this pid', async () => {
    const pair = await openPair('::1');
    cleanups.push(() => closePair(pair));
    const records = await shared.sample();
    for (const [local, remote] of [
      [pair.clientPort, pair.serverPort],
      [pair.serverPort, pair.clientPort],
    ] as const) {
      expect(match(records, local, remote)).toEqual([
        expect.objectContaining({ localIp: '::1', remoteIp: '::1', state: 'ESTABLISHED', pid: process.pid }),
      ]);
    }
  });

  it('reports UDP: a bound socket as UNCONN, a connected one with its peer', async () => {
    const bound = dgram.createSocket('udp4');
    bound.bind(0, '127.0.0.1');
    await once(bound, 'listening');
    const connected = dgram.createSocket('udp4');
    connected.connect(bound.address().port, '127.0.0.1');
    await once(connected, 'connect');
    cleanups.push(async () => {
      bound.close();
      connected.close();
    });
    const records = (await shared.sample()).filter((r) => r.protocol === 'udp');
    expect(records.find((r) => r.localPort === bound.address().port)).toMatchObject({
      state: 'UNCONN', remotePort: 0, pid: process.pid,
    });
    expect(records.find((r) => r.localPort === connected.address().port)).toMatchObject({
      state: 'ESTABLISHED', remoteIp: '127.0.0.1', remotePort: bound.address().port, pid: process.pid,
    });
  });

  it('sees a connection that opens between two samples, with its owner, and loses it once closed', async () => {
    const sampler = shared;
    await sampler.sample(); // warms the inode cache
    const pair = await openPair('127.0.0.1');
    const during = await sampler.sample();
    expect(match(during, pair.clientPort, pair.serverPort)).toEqual([expect.objectContaining({ pid: process.pid, state: 'ESTABLISHED' })]);
    await closePair(pair);
    const after = await sampler.sample();
    // Whoever closed first may sit in TIME_WAIT, owned by nobody.
    const leftovers = [...match(after, pair.clientPort, pair.serverPort), ...match(after, pair.serverPort, pair.clientPort)];
    for (const r of leftovers) expect(r).toMatchObject({ pid: 0, inode: 0 });
  });

  it('drops sockets in excludeCidrs', async () => {
    const pair = await openPair('127.0.0.1');
    cleanups.push(() => closePair(pair));
    const sampler = track(createLinuxSocketSampler({ excludeCidrs: ['127.0.0.0/8', '::1/128'] }));
    const records = await sampler.sample();
    expect(records.filter((r) => r.localIp.startsWith('127.') || r.remoteIp.startsWith('127.') || r.localIp === '::1')).toEqual([]);
    expect(match(records, pair.clientPort, pair.serverPort)).toEqual([]);
  });

  it('rejects a bad excludeCidrs entry when created, naming it', () => {
    expect(() => createLinuxSocketSampler({ excludeCidrs: ['10.0.0.0/8', '10.0.0.0/33'] })).toThrow(
      expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('excludeCidrs[1] "10.0.0.0/33"') }),
    );
  });

  it('reports a missing procfs as AGENT_E_SAMPLER_FAILED and keeps answering', async () => {
    const sampler = track(createLinuxSocketSampler({ procRoot: '/nonexistent-proc' }));
    await expect(sampler.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED', message: expect.stringContaining('/nonexistent-proc/net/tcp') });
    await expect(sampler.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED' });
  });

  it('fails while /proc/net/tcp is unreadable and samples again once it is back', async () => {
    // A proc root whose net/ holds copies of this machine's tables; it has no pid directories, so pids are 0.
    const root = mkdtempSync(join(tmpdir(), 'pushtrace-proc-'));
    cleanups.push(async () => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'net'));
    const copyTables = () => {
      for (const f of ['tcp', 'tcp6', 'udp', 'udp6']) {
        if (existsSync(`/proc/net/${f}`)) writeFileSync(join(root, 'net', f), readFileSync(`/proc/net/${f}`));
      }
    };
    const pair = await openPair('127.0.0.1');
    cleanups.push(() => closePair(pair));
    copyTables();
    const sampler = track(createLinuxSocketSampler({ procRoot: root }));

    rmSync(join(root, 'net', 'tcp'));
    await expect(sampler.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED', message: expect.stringContaining(join(root, 'net', 'tcp')) });

    copyTables();
    const records = await sampler.sample();
    expect(match(records, pair.clientPort, pair.serverPort)).toEqual([expect.objectContaining({ state: 'ESTABLISHED', pid: 0 })]);
  });

  it('lets the event loop run while the tables are read', async () => {
    let ranMeanwhile = false;
    setImmediate(() => {
      ranMeanwhile = true;
    });
    const records = await shared.sample();
    expect(records.length).toBeGreaterThan(0);
    expect(ranMeanwhile).toBe(true);
  });

  it('rejects a sample still running at close() with AGENT_E_SAMPLER_CLOSED', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sampler = createLinuxSocketSampler({
      readText: async (path) => {
        await gate;
        return readFile(path, 'latin1');
      },
    });
    const running = sampler.sample();
    await sampler.close();
    release();
    await expect(running).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_CLOSED' });
  });

  // Only root can start a process as another user; as non-root, root's own
  // processes are the unreadable ones, but this test cannot arrange for one.
  it.skipIf(process.getuid?.() !== 0)('gives pid 0, without failing, for sockets of processes the reader may not inspect', async () => {
    const pair = await openPair('127.0.0.1');
    cleanups.push(() => closePair(pair));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [...tsLoader, fileURLToPath(new URL('./fixtures/read-sockets-child.ts', import.meta.url)), String(pair.serverPort)],
      { uid: 65534, gid: 65534, cwd: '/' }, // nobody
    );
    const records = JSON.parse(stdout) as SocketRecord[];
    expect(records.filter((r) => r.state !== 'LISTEN').map((r) => [r.localPort, r.remotePort, r.pid]).sort()).toEqual(
      [
        [pair.clientPort, pair.serverPort, 0],
        [pair.serverPort, pair.clientPort, 0],
      ].sort(),
    );
    expect(records.every((r) => r.inode > 0)).toBe(true);
  });

  it('answers concurrent samples and refuses to sample after close', async () => {
    const sampler = createLinuxSocketSampler();
    const [a, b] = await Promise.all([sampler.sample(), sampler.sample()]);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    await sampler.close();
    await expect(sampler.sample()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_CLOSED' });
  });
});
