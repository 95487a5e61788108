import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temp dir holding real copies of the node binary under other names, and the processes started from them. */
export class NodeCopies {
  readonly dir: string;
  readonly #children: ChildProcess[] = [];

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async create(): Promise<NodeCopies> {
    return new NodeCopies(await mkdtemp(join(tmpdir(), 'pushtrace-proc-')));
  }

  /** Copies process.execPath to dir/name. */
  async copy(name: string): Promise<string> {
    const path = join(this.dir, name);
    await copyFile(process.execPath, path);
    return path;
  }

  /** Starts `path -e 'setTimeout(()=>{}, 30000)' ...extra`, resolved once exec has happened. */
  async start(path: string, extra: string[] = []): Promise<ChildProcess> {
    const child = spawn(path, ['-e', 'setTimeout(()=>{}, 30000)', ...extra], { stdio: 'ignore' });
    this.#children.push(child);
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    return child;
  }

  async cleanup(): Promise<void> {
    for (const child of this.#children) child.kill('SIGKILL');
    await rm(this.dir, { recursive: true, force: true });
  }
}

export function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function md5Of(path: string): string {
  return createHash('md5').update(readFileSync(path)).digest('hex');
}

/** Resolves when the child has exited. */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
