import { spawn } from 'node:child_process';
import { CappedOutput } from './capped-output.js';

export interface RunProgramOptions {
  /** Cap on each of stdout and stderr, bytes; a child writing more is killed. */
  capBytes: number;
  /** Time limit, ms; a child still running then is killed. */
  timeoutMs: number;
  /** The child's whole environment (nothing is inherited implicitly). */
  env: Readonly<Record<string, string>>;
  /** Aborting kills the child (agent stopping). */
  signal?: AbortSignal;
}

export interface ProgramOutcome {
  /** Exit code if the program exited by itself, else null. */
  exitCode: number | null;
  /** Signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
  truncated: boolean;
  /** Killed for running past timeoutMs. */
  timedOut: boolean;
  /** Killed for writing more than capBytes. */
  capExceeded: boolean;
  /** Killed because the caller aborted. */
  aborted: boolean;
  /** The program could not be started (ENOENT, EACCES): the message. */
  spawnError?: string;
}

/**
 * Runs one argv exactly: no shell, no PATH lookup beyond what argv[0]
 * already is, stdin closed (/dev/null), output capped, time-limited.
 *
 * spawn() rather than execFile(): execFile is spawn plus buffering, but it
 * does not pass `stdio` or `detached` through. Closing stdin means a
 * program that waits for input ends instead of hanging; `detached` puts
 * the child in its own process group on POSIX, so a kill reaches whatever
 * it started too (a grandchild holding the pipes would otherwise keep the
 * command alive past its limit).
 */
export function runProgram(argv: readonly string[], options: RunProgramOptions): Promise<ProgramOutcome> {
  const [file, ...args] = argv;
  const stdout = new CappedOutput(options.capBytes);
  const stderr = new CappedOutput(options.capBytes);
  const outcome = (rest: Partial<ProgramOutcome>): ProgramOutcome => ({
    exitCode: null, signal: null, stdout: stdout.bytes(), stderr: stderr.bytes(),
    truncated: stdout.truncated || stderr.truncated, timedOut: false, capExceeded: false, aborted: false, ...rest,
  });
  if (file === undefined) return Promise.resolve(outcome({ spawnError: 'empty argv' }));
  if (options.signal?.aborted) return Promise.resolve(outcome({ aborted: true }));

  return new Promise((resolve) => {
    const posix = process.platform !== 'win32';
    const child = spawn(file, args, {
      shell: false,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...options.env },
      detached: posix,
      windowsHide: true,
    });
    let killedFor: 'timedOut' | 'capExceeded' | 'aborted' | undefined;
    const kill = (why: NonNullable<typeof killedFor>) => {
      killedFor ??= why;
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        child.kill('SIGKILL'); // group already gone; make sure the child is
      }
      // Do not wait for a grandchild that escaped the group to close the pipes.
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const timer = setTimeout(() => kill('timedOut'), options.timeoutMs);
    const onAbort = () => kill('aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => { if (!stdout.push(chunk)) kill('capExceeded'); });
    child.stderr.on('data', (chunk: Buffer) => { if (!stderr.push(chunk)) kill('capExceeded'); });
    let spawnError: string | undefined;
    child.once('error', (err) => { spawnError = err.message; });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const killed = killedFor === undefined ? {} : { [killedFor]: true };
      resolve(outcome({
        exitCode: killedFor === undefined ? code : null,
        signal,
        ...killed,
        ...(spawnError !== undefined ? { spawnError } : {}),
      }));
    });
  });
}
