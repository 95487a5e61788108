/**
 * What a platform process reader hands the catalog. Two implementations:
 * procfs-process-reader.ts (Linux, /proc) and systeminfo-process-source.ts
 * (Windows, macOS and anything else, via systeminformation).
 */

/** uid of a process whose uid the platform does not report ((uid_t)-1, "no uid" in POSIX). */
export const UNKNOWN_UID = 0xffffffff;

/** One process as read, before hashing and before it has a GUID. */
export interface ProcessSnapshot {
  pid: number;
  ppid: number;
  /** Epoch ms. Exact to the clock tick on Linux; whole seconds elsewhere. */
  startTimeMs: number;
  name: string;
  /** Absolute executable path, "" when unreadable; never carries Linux's " (deleted)" suffix. */
  path: string;
  argv: string[];
  cmdline: string;
  username: string;
  uid: number;
  /** The executable file was deleted (or replaced) after the process started. */
  exeDeleted: boolean;
  /**
   * Where the bytes of the running image can be read, if not at `path`
   * (Linux: /proc/PID/exe, which still opens a deleted or replaced binary).
   */
  imagePath: string;
  /** Why `path` is empty, if it is ("permission denied", "no executable"). */
  pathError: string;
}

/** Reads processes of one platform. Never throws for a process that vanished: returns null. */
export interface ProcessSource {
  /**
   * Start time (epoch ms) of the process holding `pid` right now, or null if
   * none. Must be cheap: the catalog calls it on every resolve to notice pid
   * reuse.
   */
  startTimeMs(pid: number): Promise<number | null>;
  /** Everything about the process holding `pid`, or null if none. */
  read(pid: number): Promise<ProcessSnapshot | null>;
  /**
   * Two start times this close are the same process. 0 where start times are
   * exact; more where the platform derives them from elapsed time and they
   * jitter between reads.
   */
  readonly startTimeToleranceMs: number;
}

const PLAIN_ARG = /^[^\s"'\\]+$/;

/**
 * argv joined for display and search. Arguments with blanks or quotes are
 * double-quoted (backslash-escaping `"` and `\`) so the joined form can be
 * read back unambiguously by a person.
 */
export function joinArgv(argv: readonly string[]): string {
  return argv.map((arg) => (PLAIN_ARG.test(arg) ? arg : `"${arg.replace(/(["\\])/g, '\\$1')}"`)).join(' ');
}
