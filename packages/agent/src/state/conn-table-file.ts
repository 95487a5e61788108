import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { z } from 'zod';
import { writeFileAtomic } from '../spool/atomic-write.js';
import type { ConnTable, TrackedConn } from '../sampling/types.js';

/**
 * The open connections a stopping agent was tracking, kept in the state dir
 * for the next start. Without it a restarted agent reported every
 * connection that was still open as a new one (a new conn id, an OPEN at the
 * restart), and the collector's rows for the old ids were never closed: a
 * long-lived session turned into two, one of them open forever, and a
 * session "opening" at each agent restart could line up with a push.
 *
 * Written at a clean stop only, and consumed (deleted) when read, so an
 * agent that is killed later does not bring back a table that its next
 * start has already settled. A file that does not read is ignored, with a
 * warning: the agent then starts afresh, as it did before this file existed.
 */
export interface SavedConnTable {
  table: ConnTable;
  /** Which process GUID each open connection was reported under, by conn id. */
  ownerOf: Map<string, string>;
  /** Boot time (epoch ms) of the run that saved it. */
  bootTimeMs: number;
  savedAtMs: number;
}

const FILE = 'open-connections.json';
const FORMAT = 1;

const connSchema = z.strictObject({
  key: z.string().min(1),
  connId: z.string().min(1),
  protocol: z.enum(['tcp', 'udp']),
  direction: z.enum(['inbound', 'outbound']),
  pid: z.number().int().nonnegative(),
  localIp: z.string(),
  localPort: z.number().int().min(0).max(65535),
  remoteIp: z.string(),
  remotePort: z.number().int().min(0).max(65535),
  state: z.string(),
  inode: z.number().int().nonnegative(),
  firstSeenMs: z.number().int().nonnegative(),
  lastSeenMs: z.number().int().nonnegative(),
  processGuid: z.string(),
});
const fileSchema = z.strictObject({
  format: z.literal(FORMAT),
  bootTimeMs: z.number().int(),
  savedAtMs: z.number().int().nonnegative(),
  listeningTcpPorts: z.array(z.number().int().min(0).max(65535)),
  listeningUdpPorts: z.array(z.number().int().min(0).max(65535)),
  conns: z.array(connSchema),
});

export function saveConnTable(stateDir: string, saved: SavedConnTable): void {
  const conns = [...saved.table.conns].map(([key, c]) => ({ key, ...c, processGuid: saved.ownerOf.get(c.connId) ?? '' }));
  writeFileAtomic(join(stateDir, FILE), JSON.stringify({
    format: FORMAT,
    bootTimeMs: saved.bootTimeMs,
    savedAtMs: saved.savedAtMs,
    listeningTcpPorts: [...saved.table.listeningTcpPorts],
    listeningUdpPorts: [...saved.table.listeningUdpPorts],
    conns,
  }));
}

/** Reads and deletes the saved table; undefined when there is none or it does not read (warned). */
export function takeConnTable(stateDir: string, log: Logger): SavedConnTable | undefined {
  const path = join(stateDir, FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log.warn({ err, path }, 'cannot read the saved open connections; starting afresh');
    return undefined;
  }
  rmSync(path, { force: true });
  let parsed: z.infer<typeof fileSchema>;
  try {
    parsed = fileSchema.parse(JSON.parse(text));
  } catch (err) {
    log.warn({ path, reason: (err as Error).message.slice(0, 500) }, 'the saved open connections do not read; starting afresh');
    return undefined;
  }
  const conns = new Map<string, TrackedConn>();
  const ownerOf = new Map<string, string>();
  for (const { key, processGuid, ...conn } of parsed.conns) {
    conns.set(key, conn);
    ownerOf.set(conn.connId, processGuid);
  }
  return {
    table: { conns, listeningTcpPorts: new Set(parsed.listeningTcpPorts), listeningUdpPorts: new Set(parsed.listeningUdpPorts) },
    ownerOf,
    bootTimeMs: parsed.bootTimeMs,
    savedAtMs: parsed.savedAtMs,
  };
}
