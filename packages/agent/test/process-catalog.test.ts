import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecutableHasher } from '../src/sampling/hasher.js';
import { ProcessCatalog, type ObservedProcess } from '../src/sampling/process-catalog.js';
import { processGuid } from '../src/sampling/process-guid.js';
import type { ProcessSnapshot, ProcessSource } from '../src/sampling/process-source.js';
import { ProcfsProcessReader } from '../src/sampling/procfs-process-reader.js';
import { NodeCopies, exited, md5Of, sha256Of } from './node-copy.js';

const INSTALL_ID = 'install-6f1c2a';

/** A process table the test edits: pid → snapshot. Counts reads. */
class FakeSource implements ProcessSource {
  readonly table = new Map<number, ProcessSnapshot>();
  startReads = 0;
  fullReads = 0;
  failRead = false;
  constructor(readonly startTimeToleranceMs = 0) {}

  add(pid: number, startTimeMs: number, path: string, name = 'proc'): ProcessSnapshot {
    const snapshot: ProcessSnapshot = {
      pid, ppid: 1, startTimeMs, name, path, argv: [path], cmdline: path, username: 'alice', uid: 1000,
      exeDeleted: false, imagePath: '', pathError: path === '' ? 'permission denied' : '',
    };
    this.table.set(pid, snapshot);
    return snapshot;
  }
  async startTimeMs(pid: number) {
    this.startReads++;
    return this.table.get(pid)?.startTimeMs ?? null;
  }
  async read(pid: number) {
    this.fullReads++;
    if (this.failRead) throw new Error('unreadable');
    const snapshot = this.table.get(pid);
    return snapshot === undefined ? null : { ...snapshot };
  }
}

describe('ProcessCatalog', () => {
  let dir: string;
  let exeA: string;
  let exeB: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushtrace-catalog-'));
    exeA = join(dir, 'a.exe');
    exeB = join(dir, 'b.exe');
    await writeFile(exeA, 'binary A');
    await writeFile(exeB, 'binary B');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  function setup(options: { tolerance?: number; maxEntries?: number; maxPendingHashes?: number } = {}) {
    const source = new FakeSource(options.tolerance ?? 0);
    const announced: ObservedProcess[] = [];
    const catalog = new ProcessCatalog({
      source,
      hasher: new ExecutableHasher(),
      installId: INSTALL_ID,
      onNewProcess: (p) => announced.push(p),
      maxEntries: options.maxEntries,
      maxPendingHashes: options.maxPendingHashes,
    });
    return { source, announced, catalog };
  }

  test('a new process is read once, hashed behind, announced once; later resolves are one cheap read', async () => {
    const { source, announced, catalog } = setup();
    source.add(41, 1_000, exeA, 'a.exe');
    const first = await catalog.resolve(41, 5_000);
    expect(first).toMatchObject({ pid: 41, name: 'a.exe', path: exeA, processGuid: processGuid(INSTALL_ID, 41, 1_000), observedAtMs: 5_000 });
    await catalog.idle();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ pid: 41, sha256: sha256Of(exeA), md5: md5Of(exeA), hashError: '', observedAtMs: 5_000 });

    const again = await catalog.resolve(41, 6_000);
    await catalog.idle();
    expect(again).toEqual(announced[0]);
    expect(source.fullReads).toBe(1);
    expect(source.startReads).toBe(2);
    expect(announced).toHaveLength(1);
  });

  test('a reused pid (new start time) is a new process with a new GUID, announced too', async () => {
    const { source, announced, catalog } = setup();
    source.add(42, 1_000, exeA);
    const old = await catalog.resolve(42, 2_000);
    source.add(42, 9_000, exeB);
    const reused = await catalog.resolve(42, 10_000);
    await catalog.idle();
    expect(reused!.processGuid).not.toBe(old!.processGuid);
    expect(reused!.processGuid).toBe(processGuid(INSTALL_ID, 42, 9_000));
    expect(announced.map((p) => [p.processGuid, p.sha256])).toEqual([
      [old!.processGuid, sha256Of(exeA)],
      [reused!.processGuid, sha256Of(exeB)],
    ]);
    expect(catalog.cached(42)!.sha256).toBe(sha256Of(exeB));
  });

  test('start times within the source tolerance are the same process (macOS jitter)', async () => {
    const { source, announced, catalog } = setup({ tolerance: 2_000 });
    source.add(43, 10_000, exeA);
    const first = await catalog.resolve(43, 1);
    source.add(43, 11_000, exeA);
    const jittered = await catalog.resolve(43, 2);
    await catalog.idle();
    expect(jittered!.processGuid).toBe(first!.processGuid);
    expect(announced).toHaveLength(1);
    source.add(43, 14_000, exeA);
    expect((await catalog.resolve(43, 3))!.processGuid).not.toBe(first!.processGuid);
  });

  test('concurrent resolves of one new process read and announce it once', async () => {
    const { source, announced, catalog } = setup();
    source.add(44, 1_000, exeA);
    const results = await Promise.all([catalog.resolve(44, 1), catalog.resolve(44, 1), catalog.resolve(44, 1)]);
    await catalog.idle();
    expect(new Set(results.map((r) => r!.processGuid)).size).toBe(1);
    expect(source.fullReads).toBe(1);
    expect(announced).toHaveLength(1);
  });

  test('a vanished pid resolves to null and leaves the catalog; a read failure is null, not a throw', async () => {
    const { source, catalog } = setup();
    source.add(45, 1_000, exeA);
    await catalog.resolve(45, 1);
    source.table.delete(45);
    expect(await catalog.resolve(45, 2)).toBeNull();
    expect(catalog.cached(45)).toBeUndefined();
    source.add(46, 1_000, exeA);
    source.failRead = true;
    await expect(catalog.resolve(46, 3)).resolves.toBeNull();
    await expect(catalog.resolve(-1, 3)).resolves.toBeNull();
  });

  test('sweep drops pids that are gone; their pending announcements still happen', async () => {
    const { source, announced, catalog } = setup();
    source.add(47, 1, exeA);
    source.add(48, 1, exeB);
    await catalog.resolve(47, 1);
    await catalog.resolve(48, 1);
    expect(catalog.sweep(new Set([48]))).toBe(1);
    expect(catalog.size).toBe(1);
    expect(catalog.cached(47)).toBeUndefined();
    await catalog.idle();
    expect(announced.map((p) => p.pid).sort()).toEqual([47, 48]);
  });

  test('memory is bounded: least recently resolved go first', async () => {
    const { source, catalog } = setup({ maxEntries: 2 });
    for (const pid of [50, 51, 52]) source.add(pid, 1, exeA);
    await catalog.resolve(50, 1);
    await catalog.resolve(51, 2);
    await catalog.resolve(50, 3); // 50 is now the most recent
    await catalog.resolve(52, 4);
    await catalog.idle();
    expect(catalog.size).toBe(2);
    expect(catalog.cached(51)).toBeUndefined();
    expect(catalog.cached(50)).toBeDefined();
  });

  test('with the hash queue full, a process is announced unhashed, saying why', async () => {
    const { source, announced, catalog } = setup({ maxPendingHashes: 0 });
    source.add(53, 1, exeA);
    await catalog.resolve(53, 1);
    await catalog.idle();
    expect(announced[0]).toMatchObject({ sha256: '', md5: '', hashError: 'hash queue full' });
  });

  test('a process without a readable path is announced with the reason', async () => {
    const { source, announced, catalog } = setup();
    source.add(54, 1, '');
    await catalog.resolve(54, 1);
    await catalog.idle();
    expect(announced[0]).toMatchObject({ path: '', sha256: '', hashError: 'permission denied' });
  });

  test('a throwing onNewProcess does not break the catalog', async () => {
    const source = new FakeSource();
    source.add(55, 1, exeA);
    const warnings: unknown[] = [];
    const catalog = new ProcessCatalog({
      source, hasher: new ExecutableHasher(), installId: INSTALL_ID,
      onNewProcess: () => { throw new Error('callback bug'); },
      log: { warn: (obj: unknown) => warnings.push(obj) } as never,
    });
    await catalog.resolve(55, 1);
    await catalog.idle();
    expect(warnings).toHaveLength(1);
    expect((await catalog.resolve(55, 2))!.sha256).toBe(sha256Of(exeA));
  });
});

describe.skipIf(process.platform !== 'linux')('ProcessCatalog over live /proc (Linux)', () => {
  let copies: NodeCopies;
  beforeAll(async () => {
    copies = await NodeCopies.create();
  });
  afterAll(() => copies.cleanup());

  function live() {
    const announced: ObservedProcess[] = [];
    const catalog = new ProcessCatalog({ source: new ProcfsProcessReader(), hasher: new ExecutableHasher(), installId: INSTALL_ID, onNewProcess: (p) => announced.push(p) });
    return { catalog, announced };
  }

  test('a node copy named WinSCP.exe: name, path, and the sha256 of that very file', async () => {
    const path = await copies.copy('WinSCP.exe');
    const child = await copies.start(path);
    const { catalog, announced } = live();
    const resolved = await catalog.resolve(child.pid!, Date.now());
    expect(resolved).toMatchObject({ name: 'WinSCP.exe', path, pid: child.pid });
    await catalog.idle();
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ name: 'WinSCP.exe', path, sha256: sha256Of(path), md5: md5Of(path), hashError: '', exeDeleted: false });
  });

  // Decision: a deleted executable is hashed from /proc/PID/exe, i.e. the image
  // that is actually running (what an analyst needs: malware often deletes
  // itself). exeDeleted says the file is gone; hashError stays "" because the
  // hashes are real. Only when the process is gone too is it "deleted".
  test('an executable deleted while running is hashed from the running image', async () => {
    const path = await copies.copy('deleted-winscp.exe');
    const expected = sha256Of(path);
    const child = await copies.start(path);
    await unlink(path);
    const { catalog, announced } = live();
    await catalog.resolve(child.pid!, Date.now());
    await catalog.idle();
    expect(announced[0]).toMatchObject({ path, exeDeleted: true, sha256: expected, hashError: '' });

    const hasher = new ExecutableHasher();
    child.kill('SIGKILL');
    await exited(child);
    expect(await hasher.hash(path, { readFrom: `/proc/${child.pid}/exe` })).toEqual({ sha256: '', md5: '', hashError: 'deleted' });
  });
});
