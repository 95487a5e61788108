import { copyFileSync, chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { spawnTracked, type Spawned } from './child-process.js';

export interface Standin extends Spawned {
  exePath: string;
  sha256: string;
}

/**
 * A stand-in for a real program: a copy of the node binary under the given
 * name (e.g. "WinSCP.exe"), so the kernel reports that name and path, running
 * a script. The hash is of the copy, which is what the agent must report.
 */
export function startStandin(name: string, script: string, args: string[] = []): Standin {
  const dir = mkdtempSync(join(tmpdir(), 'pushtrace-standin-'));
  const exePath = join(dir, name);
  copyFileSync(process.execPath, exePath);
  chmodSync(exePath, 0o755);
  const sha256 = createHash('sha256').update(readFileSync(exePath)).digest('hex');
  const spawned = spawnTracked(exePath, ['-e', script, '--', ...args]);
  return Object.assign(spawned, { exePath, sha256 });
}

/**
 * Script for a stand-in that opens one TCP session to 127.0.0.1:PORT, holds
 * it for holdMs, closes it, waits gapMs and reconnects — `count` times
 * (0 = forever). It prints one JSON line per session with its local port.
 */
export const RECONNECT_SCRIPT = `
const net = require('node:net');
const [port, count, holdMs, gapMs] = process.argv.slice(1).map(Number);
let n = 0;
function session() {
  const socket = net.connect(port, '127.0.0.1', () => {
    console.log(JSON.stringify({ session: ++n, localPort: socket.localPort, at: Date.now() }));
    setTimeout(() => socket.end(), holdMs);
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    if (count === 0 || n < count) setTimeout(session, gapMs);
  });
}
session();
setInterval(() => {}, 1 << 30);
`;
