import { link, mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AgentError } from '../src/errors.js';
import {
  ProcfsProcessReader,
  parseCmdline,
  parseProcStat,
  parseStatusUid,
  processName,
  splitDeletedMarker,
} from '../src/sampling/procfs-process-reader.js';
import { UserDirectory } from '../src/sampling/user-directory.js';
import { NodeCopies, exited } from './node-copy.js';

const onLinux = process.platform === 'linux';

describe('parsers', () => {
  test('stat: comm with spaces and parentheses is taken up to the last ")"', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[3 - 3] = 'S';
    fields[4 - 3] = '4242';
    fields[22 - 3] = '987654';
    const stat = parseProcStat(`77 (a) b) (c) ${fields.join(' ')}\n`);
    expect(stat).toEqual({ comm: 'a) b) (c', ppid: 4242, startTicks: 987654 });
  });

  test('stat: garbage is an AGENT_E_PARSE naming the file', () => {
    expect(() => parseProcStat('no parens here', '/proc/9/stat')).toThrowError(AgentError);
    try {
      parseProcStat('9 (x) S notanumber', '/proc/9/stat');
      expect.unreachable();
    } catch (err) {
      expect((err as AgentError).code).toBe('AGENT_E_PARSE');
      expect((err as AgentError).message).toContain('/proc/9/stat');
    }
  });

  test('status: the effective uid (second Uid column)', () => {
    expect(parseStatusUid('Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\n')).toBe(0);
    expect(() => parseStatusUid('Name:\tx\n')).toThrowError(/no "Uid:" line/);
  });

  test('cmdline: NUL-separated, trailing NUL dropped, empty args kept', () => {
    expect(parseCmdline(Buffer.from('/bin/x\0-a\0\0two words\0'))).toEqual(['/bin/x', '-a', '', 'two words']);
    expect(parseCmdline(Buffer.alloc(0))).toEqual([]);
  });

  test('name: a comm cut at 15 chars is completed from the executable, otherwise comm wins', () => {
    expect(processName('averyveryverylo', '/opt/averyveryverylongname-binary')).toBe('averyveryverylongname-binary');
    expect(processName('WinSCP.exe', '/tmp/x/WinSCP.exe')).toBe('WinSCP.exe');
    expect(processName('python3', '/usr/bin/python3.11')).toBe('python3');
    expect(processName('node (vitest 1)', '/usr/bin/node')).toBe('node (vitest 1)');
    expect(processName('averyveryverylo', '')).toBe('averyveryverylo');
  });

  test('exe link: " (deleted)" is stripped and noted', () => {
    expect(splitDeletedMarker('/tmp/a (deleted)')).toEqual({ path: '/tmp/a', deleted: true });
    expect(splitDeletedMarker('/usr/bin/node')).toEqual({ path: '/usr/bin/node', deleted: false });
  });
});

describe('fixture /proc tree', () => {
  let root: string;
  const statLine = (pid: number, comm: string, ppid: number, ticks: number) =>
    `${pid} (${comm}) S ${ppid} ${Array.from({ length: 17 }, () => '0').join(' ')} ${ticks} 0 0 0\n`;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pushtrace-fakeproc-'));
    await writeFile(join(root, 'stat'), 'cpu  1 2 3\nbtime 1700000000\nprocesses 5\n');
    // 100: a long-named program whose comm the kernel cut, running a deleted binary.
    await mkdir(join(root, '100'));
    await writeFile(join(root, '100', 'stat'), statLine(100, 'averyveryverylo', 1, 12345));
    await writeFile(join(root, '100', 'cmdline'), 'averyveryverylongname-binary\0--flag\0two words\0');
    await writeFile(join(root, '100', 'status'), 'Name:\taveryveryverylo\nUid:\t1000\t1001\t1001\t1001\n');
    await symlink('/opt/app/averyveryverylongname-binary (deleted)', join(root, '100', 'exe'));
    // 200: vanished after its stat was read (no status, no cmdline).
    await mkdir(join(root, '200'));
    await writeFile(join(root, '200', 'stat'), statLine(200, 'gone', 1, 5));
    // 300: a kernel thread: no exe, empty cmdline.
    await mkdir(join(root, '300'));
    await writeFile(join(root, '300', 'stat'), statLine(300, 'kworker/0:1', 2, 7));
    await writeFile(join(root, '300', 'cmdline'), '');
    await writeFile(join(root, '300', 'status'), 'Uid:\t0\t0\t0\t0\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  const reader = () =>
    new ProcfsProcessReader({
      procRoot: root,
      users: new UserDirectory({ readText: async () => 'root:x:0:0::/root:/bin/sh\nalice:x:1001:1001::/home/alice:/bin/sh\n' }),
    });

  test('reads every field; start time = btime + ticks / 100 s', async () => {
    const snapshot = await reader().read(100);
    expect(snapshot).toEqual({
      pid: 100,
      ppid: 1,
      startTimeMs: 1_700_000_000_000 + 123_450,
      name: 'averyveryverylongname-binary',
      path: '/opt/app/averyveryverylongname-binary',
      argv: ['averyveryverylongname-binary', '--flag', 'two words'],
      cmdline: 'averyveryverylongname-binary --flag "two words"',
      username: 'alice',
      uid: 1001,
      exeDeleted: true,
      imagePath: join(root, '100', 'exe'),
      pathError: '',
    });
    expect(await reader().startTimeMs(100)).toBe(1_700_000_123_450);
  });

  test('a process that vanishes mid-read, or never existed, reads as null', async () => {
    await expect(reader().read(200)).resolves.toBeNull();
    await expect(reader().read(999)).resolves.toBeNull();
    await expect(reader().startTimeMs(999)).resolves.toBeNull();
  });

  test('a kernel thread has no path and says why', async () => {
    const snapshot = await reader().read(300);
    expect(snapshot).toMatchObject({ name: 'kworker/0:1', path: '', argv: [], cmdline: '', username: 'root', imagePath: '', pathError: 'no executable' });
  });
});

describe.skipIf(!onLinux)('live /proc (Linux only: the reader exists for /proc)', () => {
  let copies: NodeCopies;
  beforeAll(async () => {
    copies = await NodeCopies.create();
  });
  afterAll(() => copies.cleanup());

  test('reads this test process', async () => {
    const snapshot = await new ProcfsProcessReader().read(process.pid);
    expect(snapshot).not.toBeNull();
    expect(snapshot!.path).toBe(process.execPath);
    expect(snapshot!.name).toBe(basename(process.execPath));
    expect(snapshot!.ppid).toBe(process.ppid);
    expect(snapshot!.argv).toEqual([process.argv0, ...process.execArgv, ...process.argv.slice(1)]);
    expect(snapshot!.uid).toBe(process.getuid!());
    expect(snapshot!.exeDeleted).toBe(false);
    // /proc start times are whole-second boot time + 10 ms ticks, and the
    // kernel's boot time drifts from the wall clock: seconds, not ms, of agreement.
    const expectedStart = Date.now() - process.uptime() * 1000;
    expect(Math.abs(snapshot!.startTimeMs - expectedStart)).toBeLessThan(5000);
    expect(await new ProcfsProcessReader().startTimeMs(process.pid)).toBe(snapshot!.startTimeMs);
  });

  test('a copy of node named WinSCP.exe reads as WinSCP.exe at its own path', async () => {
    const path = await copies.copy('WinSCP.exe');
    const child = await copies.start(path, ['session', 'with space']);
    const snapshot = await new ProcfsProcessReader().read(child.pid!);
    expect(snapshot).toMatchObject({
      pid: child.pid,
      ppid: process.pid,
      name: 'WinSCP.exe',
      path,
      argv: [path, '-e', 'setTimeout(()=>{}, 30000)', 'session', 'with space'],
      exeDeleted: false,
      imagePath: `/proc/${child.pid}/exe`,
    });
    expect(snapshot!.cmdline).toBe(`${path} -e "setTimeout(()=>{}, 30000)" session "with space"`);
  });

  test('a name longer than 15 chars is not cut; a deleted executable is noted', async () => {
    const source = await copies.copy('source-copy');
    const longName = join(copies.dir, 'averyveryverylongname-binary');
    await link(source, longName);
    const child = await copies.start(longName);
    await unlink(longName);
    const snapshot = await new ProcfsProcessReader().read(child.pid!);
    expect(snapshot).toMatchObject({ name: 'averyveryverylongname-binary', path: longName, exeDeleted: true });
  });

  test('an exited process reads as null', async () => {
    const child = await copies.start(process.execPath);
    const pid = child.pid!;
    child.kill('SIGKILL');
    await exited(child);
    await expect(new ProcfsProcessReader().read(pid)).resolves.toBeNull();
  });
});
