import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Spool } from '../src/spool/spool.js';
import { Backoff } from '../src/transport/backoff.js';
import { AgentConnection, type ConnectionEvents } from '../src/transport/connection.js';
import { FakeCollector } from './fixtures/fake-collector.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Certificates are made at test time with the openssl CLI (no key material in
// the repo); without it there is no way to make them, hence the skip.
describe.skipIf(!hasOpenssl())('AgentConnection over wss:// with a private CA', () => {
  let dir: string;
  let tls: { key: string; cert: string };
  let caFile: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pushtrace-tls-'));
    const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
    const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
    run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=pushtrace test CA');
    run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
    run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'ext.cnf');
    tls = { key: readFileSync(join(dir, 'server.key'), 'utf8'), cert: readFileSync(join(dir, 'server.pem'), 'utf8') };
    caFile = join(dir, 'ca.pem');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function attempt(ca: string | undefined): Promise<{ connected: boolean; reason?: ConnectionEvents['disconnected'][0] }> {
    const fake = await FakeCollector.start({ tls });
    const run = mkdtempSync(join(dir, 'run-'));
    const spool = Spool.open(join(run, 'spool'), { maxBytes: 1 << 20, maxRecordBytes: 64 * 1024 });
    const conn = new AgentConnection({
      collectorUrl: fake.url, stateDir: run, enrollSecret: 'enroll-me', spool, hostname: 'h', agentVersion: 't',
      backoff: new Backoff({ baseMs: 10_000, capMs: 10_000 }),
      ...(ca ? { caFile: ca } : {}),
    });
    try {
      return await new Promise((resolve) => {
        conn.once('connected', () => resolve({ connected: true }));
        conn.once('disconnected', (reason) => resolve({ connected: false, reason }));
        conn.start();
      });
    } finally {
      await conn.stop();
      spool.close();
      await fake.close();
    }
  }

  it('connects and enrolls when given the CA file', async () => {
    expect(await attempt(caFile)).toEqual({ connected: true });
  });

  it('refuses the collector certificate without it, and says why', async () => {
    const result = await attempt(undefined);
    expect(result.connected).toBe(false);
    expect(result.reason?.refused).toBe(false);
    expect(result.reason?.message).toMatch(/certificate/i);
  });

  it('names an unreadable CA file', () => {
    const spool = Spool.open(join(dir, 'spool-x'), { maxBytes: 1 << 20, maxRecordBytes: 64 * 1024 });
    try {
      expect(() => new AgentConnection({
        collectorUrl: 'wss://127.0.0.1:1', stateDir: dir, enrollSecret: 's', spool, hostname: 'h', agentVersion: 't',
        caFile: join(dir, 'missing.pem'),
      })).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('missing.pem') }));
    } finally {
      spool.close();
    }
  });
});
