import { basename, posix, win32 } from 'node:path';
import { systemInformation, type Systeminformation } from './systeminformation-loader.js';
import { UNKNOWN_UID, type ProcessSnapshot, type ProcessSource } from './process-source.js';

/** The fields of a systeminformation process entry we use. */
export type SiProcessEntry = Pick<Systeminformation.ProcessesProcessData, 'pid' | 'parentPid' | 'name' | 'path' | 'command' | 'params' | 'user' | 'started'>;

/**
 * systeminformation's `started`: local time "YYYY-MM-DD HH:MM:SS" (Windows:
 * Win32_Process.CreationDate; macOS: now − ps etime). → epoch ms, 0 when
 * missing or malformed.
 */
export function parseSiStarted(started: string | null | undefined): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec((started ?? '').trim());
  if (match === null) return 0;
  const [y, mo, d, h, mi, s] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isNaN(ms) ? 0 : ms;
}

/**
 * Splits a command line on blanks; double quotes group, `\"` is a literal
 * quote. Close to CommandLineToArgvW for the common cases; on macOS
 * systeminformation has already lost the original quoting, so this is the
 * best that can be done there.
 */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && line[i + 1] === '"') {
      current += '"';
      inArg = true;
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      inArg = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
    } else {
      current += ch;
      inArg = true;
    }
  }
  if (inArg) args.push(current);
  return args;
}

/**
 * One systeminformation process entry → snapshot. The entry means different
 * things per platform (see systeminformation lib/processes.js):
 * - win32: `path` is the full ExecutablePath (null for protected
 *   processes), `command` the whole CommandLine (or the name when it cannot
 *   be read), `params` "", `user` "".
 * - darwin and other ps-based: `path` is the directory of argv[0],
 *   `command` its file name, `params` the rest of the line.
 * uid is never reported: UNKNOWN_UID.
 */
export function snapshotFromSiProcess(entry: SiProcessEntry, platform: NodeJS.Platform): ProcessSnapshot {
  const pid = entry.pid;
  const ppid = entry.parentPid ?? 0;
  const startTimeMs = parseSiStarted(entry.started);
  const username = entry.user ?? '';
  let path: string;
  let name: string;
  let argv: string[];
  let cmdline: string;
  if (platform === 'win32') {
    path = entry.path ?? '';
    name = entry.name || (path === '' ? '' : win32.basename(path));
    cmdline = entry.command ?? name;
    argv = splitCommandLine(cmdline);
  } else {
    const dir = entry.path ?? '';
    const command = entry.command ?? '';
    path = dir !== '' && command !== '' ? posix.join(dir, command) : '';
    name = entry.name || basename(command);
    const argv0 = path || command;
    const params = (entry.params ?? '').trim();
    argv = [argv0, ...splitCommandLine(params)].filter((arg) => arg !== '');
    cmdline = params === '' ? argv0 : `${argv0} ${params}`;
  }
  return {
    pid,
    ppid,
    startTimeMs,
    name,
    path,
    argv,
    cmdline,
    username,
    uid: UNKNOWN_UID,
    exeDeleted: false,
    imagePath: '',
    pathError: path === '' ? 'no executable path reported' : '',
  };
}

export interface SystemInfoProcessSourceOptions {
  /** The process list (default: systeminformation's processes().list). */
  list?: () => Promise<SiProcessEntry[]>;
  /** Platform whose entry shape to expect (default process.platform). */
  platform?: NodeJS.Platform;
  /** A list younger than this answers lookups without a refresh, ms (default 2000). */
  maxAgeMs?: number;
  /** A pid missing from a list at least this old triggers one refresh, ms (default 500). */
  missRefreshMs?: number;
  now?: () => number;
}

/**
 * Process source for platforms without /proc. systeminformation lists every
 * process in one (slow: PowerShell on Windows) call, so a list is taken once
 * and shared by every lookup of a sampling pass.
 */
export class SystemInfoProcessSource implements ProcessSource {
  /**
   * Windows start times are exact to the second. macOS ones are now − etime
   * and move by a second between lists; pids are recycled far more slowly
   * there than two seconds.
   */
  readonly startTimeToleranceMs: number;
  readonly #list: () => Promise<SiProcessEntry[]>;
  readonly #platform: NodeJS.Platform;
  readonly #maxAgeMs: number;
  readonly #missRefreshMs: number;
  readonly #now: () => number;
  #byPid = new Map<number, SiProcessEntry>();
  #takenAtMs = Number.NEGATIVE_INFINITY;
  #refreshing: Promise<void> | null = null;

  constructor(options: SystemInfoProcessSourceOptions = {}) {
    this.#list = options.list ?? (async () => (await (await systemInformation()).processes()).list);
    this.#platform = options.platform ?? process.platform;
    this.#maxAgeMs = options.maxAgeMs ?? 2000;
    this.#missRefreshMs = options.missRefreshMs ?? 500;
    this.#now = options.now ?? Date.now;
    this.startTimeToleranceMs = this.#platform === 'win32' ? 0 : 2000;
  }

  async startTimeMs(pid: number): Promise<number | null> {
    const entry = await this.#find(pid);
    return entry === undefined ? null : parseSiStarted(entry.started);
  }

  async read(pid: number): Promise<ProcessSnapshot | null> {
    const entry = await this.#find(pid);
    return entry === undefined ? null : snapshotFromSiProcess(entry, this.#platform);
  }

  async #find(pid: number): Promise<SiProcessEntry | undefined> {
    if (this.#now() - this.#takenAtMs >= this.#maxAgeMs) await this.#refresh();
    let entry = this.#byPid.get(pid);
    if (entry === undefined && this.#now() - this.#takenAtMs >= this.#missRefreshMs) {
      await this.#refresh();
      entry = this.#byPid.get(pid);
    }
    return entry;
  }

  #refresh(): Promise<void> {
    this.#refreshing ??= (async () => {
      try {
        const byPid = new Map<number, SiProcessEntry>();
        for (const entry of await this.#list()) byPid.set(entry.pid, entry);
        this.#byPid = byPid;
      } catch {
        // Keep the previous list; a pid missing from it reads as gone.
      } finally {
        this.#takenAtMs = this.#now();
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }
}
