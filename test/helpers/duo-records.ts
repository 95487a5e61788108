import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuoAuthlogRecord } from '@pushtrace/collector';

let counter = 0;

/** A denied Duo push (Admin API v2 record) for `user` from `accessIp` at `atMs`. */
export function deniedPush(user: string, accessIp: string, atMs: number, reason = 'no_response'): DuoAuthlogRecord {
  counter += 1;
  return {
    timestamp: Math.floor(atMs / 1000),
    isotimestamp: new Date(atMs).toISOString(),
    txid: `e2e-${process.pid}-${counter}`,
    event_type: 'authentication',
    factor: 'duo_push',
    result: 'denied',
    reason,
    user: { name: user },
    application: { name: 'sftp.example.com' },
    access_device: { ip: accessIp, hostname: null },
    auth_device: { name: 'iPhone 6' },
  };
}

/** Writes records as a JSON-lines file, as `pushtrace ingest duo FILE` takes it. */
export function writeDuoFile(records: readonly DuoAuthlogRecord[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pushtrace-duo-')), 'authlog.jsonl');
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}
