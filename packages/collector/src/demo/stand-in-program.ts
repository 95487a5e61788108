import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A copy of the node binary under another name, and the hash the agent must report for it. */
export interface StandInExecutable {
  exePath: string;
  sha256: string;
}

/**
 * Makes a stand-in for a real program (e.g. "WinSCP.exe"): a copy of the
 * running node binary under that name in a fresh temp folder, so the kernel
 * reports that name and path for the process that runs it.
 */
export function makeStandInExecutable(name: string): StandInExecutable {
  const dir = mkdtempSync(join(tmpdir(), 'pushtrace-standin-'));
  const exePath = join(dir, name);
  copyFileSync(process.execPath, exePath);
  chmodSync(exePath, 0o755);
  const sha256 = createHash('sha256').update(readFileSync(exePath)).digest('hex');
  return { exePath, sha256 };
}

/**
 * Script (for `node -e`) of a program that opens one TCP session to
 * 127.0.0.1:PORT, holds it, closes it, waits gapMs and reconnects, `count`
 * sessions in all (0 = forever): the WinSCP auto-reconnect signature. The
 * first session is held FIRST_HOLD_MS (default HOLD_MS), like a session that
 * sat idle before it went stale. Arguments: PORT COUNT HOLD_MS GAP_MS
 * [FIRST_HOLD_MS]. Prints one JSON line per session.
 */
export const RECONNECT_SCRIPT = `
const net = require('node:net');
const [port, count, holdMs, gapMs, firstHold] = process.argv.slice(1).map(Number);
let n = 0;
function session() {
  const socket = net.connect(port, '127.0.0.1', () => {
    console.log(JSON.stringify({ session: ++n, localPort: socket.localPort, at: Date.now() }));
    setTimeout(() => socket.end(), n === 1 && firstHold > 0 ? firstHold : holdMs);
  });
  socket.on('error', () => {});
  socket.on('close', () => {
    if (count === 0 || n < count) setTimeout(session, gapMs);
  });
}
session();
setInterval(() => {}, 1 << 30);
`;
