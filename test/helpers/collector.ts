import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTracked, type Spawned } from './child-process.js';
import { COLLECTOR_BIN } from './paths.js';

export interface CollectorHandle extends Spawned {
  /** http://127.0.0.1:PORT */
  url: string;
  /** ws://127.0.0.1:PORT — what agents get as --collector */
  wsUrl: string;
  port: number;
  dbPath: string;
  adminToken: string;
  enrollSecret: string;
}

export interface CollectorOptions {
  dbPath?: string;
  /** Reuse a port (to restart a killed collector where its agents expect it). */
  port?: number;
  enrollSecret?: string;
  adminToken?: string;
  extraArgs?: string[];
  /** Extra environment (secrets that are never flags). */
  env?: NodeJS.ProcessEnv;
}

/** Starts a real `pushtrace collector` process on 127.0.0.1 and waits until it listens. */
export async function startCollector(options: CollectorOptions = {}): Promise<CollectorHandle> {
  const dbPath = options.dbPath ?? join(mkdtempSync(join(tmpdir(), 'pushtrace-e2e-db-')), 'collector.db');
  const enrollSecret = options.enrollSecret ?? 'e2e-enroll-secret';
  const adminToken = options.adminToken ?? 'e2e-admin-token';
  const spawned = spawnTracked(process.execPath, [
    COLLECTOR_BIN, 'collector',
    '--listen', `127.0.0.1:${options.port ?? 0}`,
    '--db', dbPath,
    '--enroll-secret', enrollSecret,
    '--admin-token', adminToken,
    ...(options.extraArgs ?? []),
  ], options.env);
  const line = await spawned.waitForLog('collector listening');
  const url = String(line.url);
  const port = Number(new URL(url).port);
  return Object.assign(spawned, { url, wsUrl: `ws://127.0.0.1:${port}`, port, dbPath, adminToken, enrollSecret });
}
