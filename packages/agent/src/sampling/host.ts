import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { systemInformation, type Systeminformation } from './systeminformation-loader.js';
import { readBootTimeMs } from './boot-time.js';

/** One network interface, as proto NetInterface. */
export interface NetInterface {
  name: string;
  mac: string;
  /** CIDR strings ("10.1.2.3/24", "fe80::1/64"). */
  addresses: string[];
}

/** What the agent reports about its host, field for field proto HostInfo. */
export interface HostInfo {
  hostname: string;
  osPlatform: string;
  osVersion: string;
  osRelease: string;
  arch: string;
  agentVersion: string;
  bootTimeMs: number;
  interfaces: NetInterface[];
  loggedInUsers: string[];
  observedAtMs: number;
}

type InterfaceTable = NodeJS.Dict<os.NetworkInterfaceInfo[]>;

/** Everything host info reads from the machine, injectable for tests. */
export interface HostDeps {
  platform: NodeJS.Platform;
  hostname: () => string;
  release: () => string;
  arch: () => string;
  networkInterfaces: () => InterfaceTable;
  readText: (path: string) => Promise<string>;
  now: () => number;
  uptimeSeconds: () => number;
  /** stdout of `who`; rejects when who is missing or fails. */
  runWho: () => Promise<string>;
  siOsInfo: () => Promise<Pick<Systeminformation.OsData, 'distro' | 'release'>>;
  siUsers: () => Promise<Array<Pick<Systeminformation.UserData, 'user'>>>;
}

const defaultDeps: HostDeps = {
  platform: process.platform,
  hostname: os.hostname,
  release: os.release,
  arch: os.arch,
  networkInterfaces: os.networkInterfaces,
  readText: (path) => readFile(path, 'utf8'),
  now: Date.now,
  uptimeSeconds: os.uptime,
  runWho: () =>
    new Promise((resolve, reject) => {
      execFile('who', [], { timeout: 2000, env: { ...process.env, LC_ALL: 'C' } }, (err, stdout) => (err === null ? resolve(stdout) : reject(err)));
    }),
  siOsInfo: async () => (await systemInformation()).osInfo(),
  siUsers: async () => (await systemInformation()).users(),
};

/** os-release(5): KEY=value lines, values optionally quoted with shell escapes. */
export function parseOsRelease(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match === null) continue;
    let value = match[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\(["\\`$])/g, '$1');
    }
    fields.set(match[1]!, value);
  }
  return fields;
}

/** PRETTY_NAME, else "NAME VERSION", else "" */
export function osVersionFromOsRelease(text: string): string {
  const fields = parseOsRelease(text);
  const pretty = fields.get('PRETTY_NAME');
  if (pretty !== undefined && pretty !== '') return pretty;
  return [fields.get('NAME'), fields.get('VERSION') ?? fields.get('VERSION_ID')].filter((part) => part !== undefined && part !== '').join(' ');
}

/** User names from `who` output ("alice    pts/0        2024-05-01 09:12 (10.0.0.5)"), unique, sorted. */
export function parseWho(stdout: string): string[] {
  const users = new Set<string>();
  for (const line of stdout.split('\n')) {
    const user = line.trim().split(/\s+/)[0];
    if (user !== undefined && user !== '') users.add(user);
  }
  return [...users].sort();
}

/** os.networkInterfaces() → proto interfaces, in the order the OS lists them. Loopback is kept: it is cheap and honest. */
export function interfacesFrom(table: InterfaceTable): NetInterface[] {
  const result: NetInterface[] = [];
  for (const [name, entries] of Object.entries(table)) {
    if (entries === undefined || entries.length === 0) continue;
    result.push({
      name,
      mac: entries.find((entry) => entry.mac !== '00:00:00:00:00:00')?.mac ?? entries[0]!.mac,
      addresses: entries.map((entry) => entry.cidr ?? entry.address),
    });
  }
  return result;
}

/**
 * A short digest of every interface's name, MAC and addresses, order
 * independent. Cheap enough to call every sampling pass; when it changes the
 * agent re-runs the external-IP lookup and resends HostInfo.
 */
export function interfaceFingerprint(table: InterfaceTable = os.networkInterfaces()): string {
  const lines: string[] = [];
  for (const iface of interfacesFrom(table)) {
    for (const address of iface.addresses) lines.push(`${iface.name}|${iface.mac}|${address}`);
  }
  lines.sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

async function osVersion(d: HostDeps): Promise<string> {
  if (d.platform === 'linux') {
    for (const path of ['/etc/os-release', '/usr/lib/os-release']) {
      try {
        const version = osVersionFromOsRelease(await d.readText(path));
        if (version !== '') return version;
      } catch {
        // Try the next location, then fall back below.
      }
    }
    return 'Linux';
  }
  try {
    const info = await d.siOsInfo();
    const version = `${info.distro} ${info.release}`.trim();
    if (version !== '') return version;
  } catch {
    // Fall back below.
  }
  return typeof os.version === 'function' ? os.version() : d.platform;
}

async function loggedInUsers(d: HostDeps): Promise<string[]> {
  try {
    if (d.platform === 'linux') return parseWho(await d.runWho());
    return [...new Set((await d.siUsers()).map((u) => u.user).filter((u) => u !== ''))].sort();
  } catch {
    // No `who` (minimal images) or no session database: nobody we can name.
    return [];
  }
}

/** Collects HostInfo. Never throws: a part that cannot be read is empty. */
export async function collectHostInfo(options: { agentVersion: string; deps?: Partial<HostDeps> }): Promise<HostInfo> {
  const d: HostDeps = { ...defaultDeps, ...options.deps };
  const [version, bootTimeMs, users] = await Promise.all([
    osVersion(d),
    readBootTimeMs({ platform: d.platform, readText: d.readText, now: d.now, uptimeSeconds: d.uptimeSeconds }),
    loggedInUsers(d),
  ]);
  return {
    hostname: d.hostname(),
    osPlatform: d.platform,
    osVersion: version,
    osRelease: d.release(),
    arch: d.arch(),
    agentVersion: options.agentVersion,
    bootTimeMs,
    interfaces: interfacesFrom(d.networkInterfaces()),
    loggedInUsers: users,
    observedAtMs: d.now(),
  };
}
