import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Replaces `path` with `data` so that a reader (or a restart after kill -9 or
 * power loss) sees either the old file or the new one, never a mix: write a
 * temp file, fsync it, rename it over the target, fsync the directory so the
 * rename itself is durable. `mode` applies to the new file (0600 for
 * secrets). Synchronous on purpose: callers rely on the order of writes.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = `${path}.tmp`;
  // A temp file left by a crash keeps its old mode through open(): start afresh.
  rmSync(tmp, { force: true });
  const fd = openSync(tmp, 'w', mode);
  try {
    if (process.platform !== 'win32') fchmodSync(fd, mode); // the umask must not widen or narrow it
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

/**
 * Makes renames and unlinks in `dir` durable. Windows cannot open a
 * directory for fsync (and NTFS journals the metadata anyway), so there it is
 * a no-op; elsewhere a failure is only a weaker power-loss guarantee, never a
 * reason to fail the write, so it is swallowed.
 */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // see above
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
