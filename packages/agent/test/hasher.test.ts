import { createHash } from 'node:crypto';
import { chmod, mkdir, mkdtemp, open, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ExecutableHasher, HASH_ERROR, type HasherFs } from '../src/sampling/hasher.js';

const digests = (content: string | Buffer) => ({
  sha256: createHash('sha256').update(content).digest('hex'),
  md5: createHash('md5').update(content).digest('hex'),
  hashError: '',
});

/** Real fs, with every open counted and concurrent opens tracked. */
function countingFs() {
  const counts = { opens: 0, active: 0, maxActive: 0, opened: [] as string[] };
  const fs: HasherFs = {
    stat: (path) => stat(path),
    open: async (path) => {
      counts.opens++;
      counts.opened.push(path);
      const handle = await open(path, 'r');
      counts.active++;
      counts.maxActive = Math.max(counts.maxActive, counts.active);
      const close = handle.close.bind(handle);
      let closed = false;
      // Node's read stream also calls close() on the handle it was given: count the first only.
      handle.close = async () => {
        if (!closed) counts.active--;
        closed = true;
        return close();
      };
      return handle;
    },
  };
  return { fs, counts };
}

describe('ExecutableHasher', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pushtrace-hash-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  test('sha256 and md5 of a file in one read, equal to crypto over the whole file', async () => {
    const content = Buffer.alloc(3 * 1024 * 1024 + 17, 7);
    content.write('pushtrace', 1000);
    const path = join(dir, 'big.bin');
    await writeFile(path, content);
    const { fs, counts } = countingFs();
    // Small chunks: the digests must be right across many chunk boundaries.
    const result = await new ExecutableHasher({ fs, chunkBytes: 64 * 1024 }).hash(path);
    expect(result).toEqual(digests(content));
    expect(counts.opens).toBe(1);
    expect(counts.active).toBe(0);
  });

  test('an unchanged file is hashed once; a changed one again', async () => {
    const path = join(dir, 'cached.bin');
    await writeFile(path, 'version 1');
    const { fs, counts } = countingFs();
    const hasher = new ExecutableHasher({ fs });
    const first = await hasher.hash(path);
    const second = await hasher.hash(path);
    expect(second).toEqual(first);
    expect(counts.opens).toBe(1);
    expect(hasher.cacheSize).toBe(1);

    await writeFile(path, 'version 2, longer');
    const later = new Date(Date.now() + 5000);
    await utimes(path, later, later);
    expect(await hasher.hash(path)).toEqual(digests('version 2, longer'));
    expect(counts.opens).toBe(2);
  });

  test('simultaneous requests for one file share one read', async () => {
    const path = join(dir, 'shared.bin');
    await writeFile(path, 'shared');
    const { fs, counts } = countingFs();
    const hasher = new ExecutableHasher({ fs });
    const results = await Promise.all([hasher.hash(path), hasher.hash(path), hasher.hash(path)]);
    expect(results).toEqual([digests('shared'), digests('shared'), digests('shared')]);
    expect(counts.opens).toBe(1);
  });

  test.each([1, 2])('never more than %i file(s) open at once', async (concurrency) => {
    const paths = await Promise.all(
      [0, 1, 2, 3, 4].map(async (i) => {
        const path = join(dir, `c${concurrency}-${i}.bin`);
        await writeFile(path, Buffer.alloc(256 * 1024, i));
        return path;
      }),
    );
    const { fs, counts } = countingFs();
    const hasher = new ExecutableHasher({ fs, concurrency, chunkBytes: 16 * 1024 });
    const results = await Promise.all(paths.map((p) => hasher.hash(p)));
    expect(results.every((r) => r.hashError === '' && r.sha256.length === 64)).toBe(true);
    expect(counts.opens).toBe(5);
    expect(counts.maxActive).toBe(concurrency);
  });

  test('a file over the size cap is "too large" and not read', async () => {
    const path = join(dir, 'large.bin');
    await writeFile(path, Buffer.alloc(1000));
    const { fs, counts } = countingFs();
    expect(await new ExecutableHasher({ fs, maxBytes: 999 }).hash(path)).toEqual({ sha256: '', md5: '', hashError: HASH_ERROR.tooLarge });
    expect(counts.opens).toBe(0);
    expect((await new ExecutableHasher({ maxBytes: 1000 }).hash(path)).hashError).toBe('');
  });

  test('a missing file is "deleted"; a directory is "not a regular file"; no path says so', async () => {
    const hasher = new ExecutableHasher();
    expect(await hasher.hash(join(dir, 'never-existed'))).toEqual({ sha256: '', md5: '', hashError: HASH_ERROR.deleted });
    await mkdir(join(dir, 'a-dir'));
    expect((await hasher.hash(join(dir, 'a-dir'))).hashError).toBe(HASH_ERROR.notRegularFile);
    expect((await hasher.hash('')).hashError).toBe(HASH_ERROR.noPath);
  });

  test('an unopenable readFrom falls back to the path', async () => {
    const path = join(dir, 'fallback.bin');
    await writeFile(path, 'fallback');
    expect(await new ExecutableHasher().hash(path, { readFrom: join(dir, 'proc-gone', 'exe') })).toEqual(digests('fallback'));
  });

  test('EACCES from open is "permission denied" (mapping; the real case is the next test)', async () => {
    const path = join(dir, 'denied.bin');
    await writeFile(path, 'secret');
    const fs: HasherFs = {
      stat: (p) => stat(p),
      open: async (p) => {
        throw Object.assign(new Error(`EACCES: permission denied, open '${p}'`), { code: 'EACCES', errno: -13, syscall: 'open', path: p });
      },
    };
    expect(await new ExecutableHasher({ fs }).hash(path)).toEqual({ sha256: '', md5: '', hashError: HASH_ERROR.permissionDenied });
  });

  // root reads a mode-000 file regardless, so the kernel only refuses a non-root test run.
  test.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('an unreadable file is "permission denied" (needs a non-root run)', async () => {
    const path = join(dir, 'mode000.bin');
    await writeFile(path, 'secret');
    await chmod(path, 0o000);
    expect((await new ExecutableHasher().hash(path)).hashError).toBe(HASH_ERROR.permissionDenied);
  });

  test('the cache is bounded', async () => {
    const hasher = new ExecutableHasher({ maxCacheEntries: 2 });
    for (const i of [0, 1, 2, 3]) {
      const path = join(dir, `bound-${i}.bin`);
      await writeFile(path, String(i));
      await hasher.hash(path);
    }
    expect(hasher.cacheSize).toBe(2);
  });

  test('bad options are refused by name', () => {
    expect(() => new ExecutableHasher({ concurrency: 0 })).toThrowError(/concurrency/);
    expect(() => new ExecutableHasher({ maxBytes: -1 })).toThrowError(/maxBytes/);
  });
});
