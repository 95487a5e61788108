import { mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProcSocketReader } from '../src/sampling/proc-socket-reader.js';
import { parseSsOutput } from '../src/sampling/ss-output.js';
import { parseSocketLink, SocketInodeOwners, type ProcFs } from '../src/sampling/socket-inode-owners.js';

// A fake /proc built from the recorded fixtures: pid 9854 holds the sockets
// with the fd numbers `ss -tuanpe` reported; pid 1 holds the :2024 listener
// (inode 1597) but its fd directory cannot be read, like another user's
// process when the agent is not root.
const fixture = (name: string): string => readFileSync(new URL(`./fixtures/sockets/${name}`, import.meta.url), 'latin1');
const SS = parseSsOutput(fixture('linux-ss-tuanpe.txt'));
const FD_INODES: Record<string, number> = {};
for (const line of fixture('linux-ss-tuanpe.txt').split('\n')) {
  const m = /fd=(\d+)\)\) ino:(\d+)/.exec(line);
  if (m) FD_INODES[m[1]!] = Number(m[2]);
}

let root: string;

function link(pid: number, fd: number | string, target: string): void {
  const dir = join(root, String(pid), 'fd');
  mkdirSync(dir, { recursive: true });
  try {
    unlinkSync(join(dir, String(fd)));
  } catch {
    // not there yet
  }
  symlinkSync(target, join(dir, String(fd)));
}

function countingFs(): ProcFs & { readdirs: string[]; readlinks: string[]; reset(): void } {
  const fs = {
    readdirs: [] as string[],
    readlinks: [] as string[],
    readdirSync(path: string) {
      fs.readdirs.push(path);
      return readdirSync(path);
    },
    readlinkSync(path: string) {
      fs.readlinks.push(path);
      return readlinkSync(path);
    },
    reset() {
      fs.readdirs.length = 0;
      fs.readlinks.length = 0;
    },
  };
  return fs;
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pushtrace-proc-'));
  mkdirSync(join(root, 'net'));
  for (const f of ['tcp', 'tcp6', 'udp', 'udp6']) writeFileSync(join(root, 'net', f), fixture(`linux-proc-net-${f}.txt`));
  link(9854, 0, '/dev/pts/0');
  link(9854, 1, 'pipe:[5501]');
  link(9854, 2, 'anon_inode:[eventpoll]');
  for (const [fd, inode] of Object.entries(FD_INODES)) link(9854, fd, `socket:[${inode}]`);
  mkdirSync(join(root, '1'));
  writeFileSync(join(root, '1', 'fd'), 'not a directory: readdir fails as EACCES would');
  mkdirSync(join(root, 'self'));
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('ProcSocketReader over a fake /proc', () => {
  it('gives every socket the pid ss reported, 0 for TIME_WAIT and unreadable owners', async () => {
    const records = await new ProcSocketReader({ procRoot: root }).read();
    expect(records).toHaveLength(SS.length);
    const key = (r: { protocol: string; localIp: string; localPort: number; remoteIp: string; remotePort: number; state: string }) =>
      `${r.protocol} ${r.localIp}:${r.localPort} ${r.remoteIp}:${r.remotePort} ${r.state}`;
    const ssPid = new Map(SS.map((r) => [key(r), r.pid]));
    for (const r of records) expect(r.pid, key(r)).toBe(ssPid.get(key(r)));
    expect(records.find((r) => r.localPort === 2024)).toMatchObject({ pid: 0, inode: 1597 });
    expect(records.find((r) => r.state === 'TIME_WAIT')).toMatchObject({ pid: 0, inode: 0 });
  });

  it('applies excludeCidrs to local and remote addresses before resolving owners', async () => {
    const records = await new ProcSocketReader({ procRoot: root, excludeCidrs: ['127.0.0.0/8'] }).read();
    expect(records.map((r) => `${r.localIp} ${r.remoteIp}`).sort()).toEqual(['0.0.0.0 0.0.0.0', ':: ::', '::1 ::', '::1 ::', '::1 ::1', '::1 ::1']);
  });

  it('fails with AGENT_E_SAMPLER_FAILED, naming the file, when there is no /proc/net/tcp', async () => {
    rmSync(join(root, 'net', 'tcp'));
    await expect(new ProcSocketReader({ procRoot: root }).read()).rejects.toMatchObject({
      code: 'AGENT_E_SAMPLER_FAILED',
      message: `cannot read ${join(root, 'net', 'tcp')}: ENOENT`,
    });
  });

  it('survives missing IPv6 tables (IPv6 disabled)', async () => {
    rmSync(join(root, 'net', 'tcp6'));
    rmSync(join(root, 'net', 'udp6'));
    expect(await new ProcSocketReader({ procRoot: root }).read()).toHaveLength(12);
  });

  it('fails when an IPv6 table is there but unreadable: only ENOENT means IPv6 is off', async () => {
    const tcp6 = join(root, 'net', 'tcp6');
    const reader = new ProcSocketReader({
      procRoot: root,
      readText: (path) =>
        path === tcp6 ? Promise.reject(Object.assign(new Error('permission denied'), { code: 'EACCES' })) : readFile(path, 'latin1'),
    });
    await expect(reader.read()).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED', message: `cannot read ${tcp6}: EACCES` });
  });

  it('reports a table that does not parse as AGENT_E_PARSE, naming file and line', async () => {
    const udp = join(root, 'net', 'udp');
    writeFileSync(udp, `${fixture('linux-proc-net-udp.txt')}garbage\n`);
    const lines = fixture('linux-proc-net-udp.txt').split('\n').length;
    await expect(new ProcSocketReader({ procRoot: root }).read()).rejects.toMatchObject({
      code: 'AGENT_E_PARSE',
      message: expect.stringContaining(`${udp} line ${lines}:`),
    });
  });

  it('runs overlapping reads one after the other, each a full pass, and a failed pass does not block the next', async () => {
    const asked: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failTcpOnce = true;
    const reader = new ProcSocketReader({
      procRoot: root,
      readText: async (path) => {
        asked.push(path);
        await gate;
        if (failTcpOnce && path.endsWith('/tcp')) {
          failTcpOnce = false;
          throw Object.assign(new Error('gone'), { code: 'EIO' });
        }
        return readFile(path, 'latin1');
      },
    });
    const first = reader.read();
    const second = reader.read();
    const third = reader.read();
    await new Promise((resolve) => setImmediate(resolve));
    expect(asked.map((p) => p.slice(root.length))).toEqual(['/net/tcp', '/net/tcp6', '/net/udp', '/net/udp6']);

    release();
    await expect(first).rejects.toMatchObject({ code: 'AGENT_E_SAMPLER_FAILED' });
    const [a, b] = await Promise.all([second, third]);
    expect(asked).toHaveLength(12);
    expect(a).toHaveLength(SS.length);
    expect(b).toEqual(a);
    expect(a.find((r) => r.inode === 17705)?.pid).toBe(9854);
  });
});

describe('SocketInodeOwners cache', () => {
  const allInodes = () => new Set(Object.values(FD_INODES).concat([1597]));

  it('reads each link once, then answers a steady sample without any readlink', () => {
    const fs = countingFs();
    const owners = new SocketInodeOwners(root, fs);
    const first = owners.resolve(allInodes());
    expect(first.get(17705)).toBe(9854);
    expect(first.get(1597)).toBe(0);
    expect(fs.readlinks).toHaveLength(3 + Object.keys(FD_INODES).length);

    fs.reset();
    const second = owners.resolve(allInodes());
    expect([...second]).toEqual([...first]);
    // 1597 has no owner yet: it earns one more full scan (every cached link re-read once)...
    expect(fs.readlinks).toHaveLength(3 + Object.keys(FD_INODES).length);
    // ...and then no more.
    fs.reset();
    owners.resolve(allInodes());
    expect(fs.readlinks).toEqual([]);
    expect(fs.readdirs).toEqual([root]); // only the pid list, no fd directory
  });

  it('reads only the new fd when a socket appears on a new fd number', () => {
    const fs = countingFs();
    const owners = new SocketInodeOwners(root, fs);
    owners.resolve(allInodes());
    owners.resolve(allInodes());
    link(9854, 40, 'socket:[88001]');
    fs.reset();
    const result = owners.resolve(new Set([...allInodes(), 88001]));
    expect(result.get(88001)).toBe(9854);
    expect(fs.readlinks).toEqual([join(root, '9854', 'fd', '40')]);
  });

  it('finds a socket that reuses the fd number of one that closed, re-reading that fd first', () => {
    const fs = countingFs();
    const owners = new SocketInodeOwners(root, fs);
    owners.resolve(allInodes());
    owners.resolve(allInodes());
    // fd 21 (inode 17705) closed and a new socket got fd 21: same directory listing.
    link(9854, 21, 'socket:[88002]');
    const now = allInodes();
    now.delete(17705);
    now.add(88002);
    fs.reset();
    expect(owners.resolve(now).get(88002)).toBe(9854);
    expect(fs.readlinks).toEqual([join(root, '9854', 'fd', '21')]);
    expect(fs.readdirs).toEqual([root]); // found before listing any fd directory
  });

  it('asks whether a missing socket still exists before a full scan, and skips the scan if it is gone', () => {
    for (let fd = 100; fd < 200; fd++) link(9854, fd, `/var/lib/app/file-${fd}`);
    const fs = countingFs();
    const owners = new SocketInodeOwners(root, fs);
    owners.resolve(allInodes());
    owners.resolve(allInodes());
    const asked: number[][] = [];
    fs.reset();
    // 88006 was in /proc/net when read, but closed before the fd scan: no fd points at it.
    const result = owners.resolve(new Set([...allInodes(), 88006]), (missing) => {
      asked.push([...missing]);
      return new Set();
    });
    expect(result.get(88006)).toBe(0);
    expect(asked).toEqual([[88006]]);
    expect(fs.readlinks).toEqual([]); // directories listed, no link re-read

    // Had it still existed, the full scan would have run.
    fs.reset();
    owners.resolve(new Set([...allInodes(), 88007]), (missing) => missing);
    expect(fs.readlinks.length).toBeGreaterThan(100);
  });

  it('finds a socket on a reused fd that was not a socket, and one on a dup()ed socket fd', () => {
    const owners = new SocketInodeOwners(root);
    link(9854, 50, 'socket:[17705]'); // dup of fd 21
    owners.resolve(allInodes());
    link(9854, 1, 'socket:[88003]'); // the pipe on fd 1 closed, a socket took fd 1
    expect(owners.resolve(new Set([...allInodes(), 88003])).get(88003)).toBe(9854);
    link(9854, 50, 'socket:[88004]'); // fd 50 closed (17705 still open on fd 21), new socket on 50
    expect(owners.resolve(new Set([...allInodes(), 88003, 88004])).get(88004)).toBe(9854);
  });

  it('stops rescanning for a socket nobody readable owns, and retries new ones', () => {
    const fs = countingFs();
    const owners = new SocketInodeOwners(root, fs);
    const only = new Set([1597]);
    owners.resolve(only);
    owners.resolve(only);
    fs.reset();
    expect(owners.resolve(only).get(1597)).toBe(0);
    expect(fs.readdirs).toEqual([root]);
    // The same inode showing up later in a readable process is found once something triggers a scan.
    link(9854, 60, 'socket:[1597]');
    link(9854, 61, 'socket:[88005]');
    const result = owners.resolve(new Set([1597, 88005]));
    expect(result.get(88005)).toBe(9854);
    expect(result.get(1597)).toBe(9854);
  });

  it('moves a socket to a live holder when its cached owner exited', () => {
    const owners = new SocketInodeOwners(root);
    link(9900, 3, 'socket:[17705]'); // a forked child shares the socket
    expect(owners.resolve(allInodes()).get(17705)).toBe(9854);
    rmSync(join(root, '9854'), { recursive: true });
    expect(owners.resolve(allInodes()).get(17705)).toBe(9900);
  });

  it('parses link targets', () => {
    expect(parseSocketLink('socket:[17705]')).toBe(17705);
    expect(parseSocketLink('pipe:[17705]')).toBe(0);
    expect(parseSocketLink('socket:[]')).toBe(0);
    expect(parseSocketLink('/dev/null')).toBe(0);
  });
});
