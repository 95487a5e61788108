import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliJson, runCli } from './helpers/cli.js';
import { startCollector, type CollectorHandle } from './helpers/collector.js';
import { deniedPush, writeDuoFile } from './helpers/duo-records.js';
import { waitFor } from './helpers/wait-for.js';

const run = promisify(execFile);

const WEBHOOK_SECRET = 'e2e-webhook-secret-0123456789abcdef';

interface Delivered { kind: string; delivery_id: string; alert: { id: number; status: string; verdict: string } }

/** A SOC's webhook receiver on loopback, checking each request as docs/alert-forwarding.md tells receivers to. */
async function startReceiver(): Promise<{ server: Server; url: string; events: Delivered[]; rejected: number }> {
  const state = { events: [] as Delivered[], rejected: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ts = String(req.headers['x-pushtrace-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(`${ts}.${body}`).digest('hex')}`;
      const fresh = /^\d+$/.test(ts) && Math.abs(Date.now() / 1000 - Number(ts)) < 300;
      if (!fresh || req.headers['x-pushtrace-signature'] !== expected) {
        state.rejected++;
        res.writeHead(401).end();
        return;
      }
      state.events.push(JSON.parse(body) as Delivered);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(state, { server, url: `http://127.0.0.1:${port}/pushtrace` });
}

/** Only ever a string in a Duo record: nothing is sent to it. */
const OUTSIDE_IP = '198.51.100.23';

// Flag it, tag it, bag it: triage and the evidence bundle through the real
// CLI against a real collector process, with tokens of each role.
describe('triage and evidence bundles (real collector, real CLI)', () => {
  let collector: CollectorHandle;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let jsonlPath: string;
  let alertId: number;
  const as = (token: string) => ({ url: collector.url, adminToken: token });
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    receiver = await startReceiver();
    jsonlPath = join(mkdtempSync(join(tmpdir(), 'pushtrace-forward-')), 'alerts.jsonl');
    collector = await startCollector({
      extraArgs: ['--forward-webhook-url', receiver.url, '--forward-jsonl', jsonlPath],
      env: { PUSHTRACE_FORWARD_WEBHOOK_SECRET: WEBHOOK_SECRET },
    });
    const t0 = Date.now() - 5 * 60_000;
    const file = writeDuoFile([0, 40_000, 80_000].map((d) => deniedPush('carol', OUTSIDE_IP, t0 + d)));
    const ingested = await runCli(['ingest', 'duo', file], collector);
    expect(ingested.code, ingested.stderr).toBe(0);
    const alerts = await cliJson<Array<{ id: number; verdict: string }>>(['alerts'], collector);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.verdict).toBe('unattributed');
    alertId = alerts[0]!.id;
    for (const role of ['viewer', 'responder']) {
      const made = await runCli(['token', 'create', '--role', role, '--name', `${role}-e2e`], collector);
      expect(made.code, made.stderr).toBe(0);
      tokens[role] = made.stdout.trim();
      expect(made.stderr).toContain('shown only now');
    }
  });
  afterAll(async () => {
    await collector?.stop();
    await new Promise((resolve) => receiver?.server.close(resolve));
  });

  it('lets a responder tag, assign, note and close an alert, each step kept with its author', async () => {
    const r = as(tokens.responder!);
    expect((await runCli(['alerts', 'tag', String(alertId), 'password-spray'], r)).code).toBe(0);
    expect((await runCli(['alerts', 'assign', String(alertId), 'dana'], r)).code).toBe(0);
    expect((await runCli(['alerts', 'note', String(alertId), 'called the user: not her'], r)).code).toBe(0);
    const closed = await runCli(['alerts', 'close', String(alertId), '--as', 'malicious', '--note', 'password reset'], r);
    expect(closed.code, closed.stderr).toBe(0);
    expect(closed.stdout).toContain('status closed-malicious, tags [password-spray], assignee dana');
    const shown = await cliJson<{ status: string; tags: string[]; assignee: string; notes: Array<{ author: string; action: string; note: string }> }>(
      ['alerts', 'show', String(alertId)], as(tokens.viewer!));
    expect(shown).toMatchObject({ status: 'closed-malicious', tags: ['password-spray'], assignee: 'dana' });
    expect(shown.notes.map((n) => [n.author, n.action])).toEqual([
      ['responder-e2e', 'tag'], ['responder-e2e', 'assign'], ['responder-e2e', 'note'], ['responder-e2e', 'status'],
    ]);
    expect(shown.notes.at(-1)!.note).toBe('password reset');
  });

  it('refuses triage to a viewer (403, exit 1) and a bad status with a clear message', async () => {
    const denied = await runCli(['alerts', 'tag', String(alertId), 'nope'], as(tokens.viewer!));
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/403 COLLECTOR_E_FORBIDDEN: .*needs role responder.*"viewer-e2e" has role viewer/);
    const bad = await runCli(['alerts', 'status', String(alertId), 'done'], as(tokens.responder!));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/400 COLLECTOR_E_BAD_INPUT: triage alert \d+: status: /);
    const usage = await runCli(['alerts', 'close', String(alertId), '--as', 'meh'], as(tokens.responder!));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--as must be benign or malicious');
  });

  it('exports a bundle a viewer can make and anyone can check with sha256sum, and catches a changed file', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pushtrace-bundle-')), 'alert');
    const exported = await runCli(['alerts', 'export', String(alertId), '--out', dir], as(tokens.viewer!));
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['SHA256SUMS', 'alert.json', 'audit.json', 'ip-history.json', 'live-response.json', 'manifest.json',
      'processes.json', 'pushes.json', 'sensors.json', 'sessions.json']);
    // Without pushtrace: coreutils alone.
    const sums = await run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(sums.stdout.trim().split('\n')).toHaveLength(9);
    const alert = JSON.parse(readFileSync(join(dir, 'alert.json'), 'utf8')) as { id: number; verdict: string; triage: { status: string } };
    expect(alert).toMatchObject({ id: alertId, verdict: 'unattributed', triage: { status: 'closed-malicious' } });
    const pushes = JSON.parse(readFileSync(join(dir, 'pushes.json'), 'utf8')) as Array<{ accessIp: string }>;
    expect(pushes.map((p) => p.accessIp)).toEqual([OUTSIDE_IP, OUTSIDE_IP, OUTSIDE_IP]);
    expect((await runCli(['alerts', 'verify', dir], collector)).code).toBe(0);

    writeFileSync(join(dir, 'pushes.json'), '[]\n');
    const tampered = await runCli(['alerts', 'verify', dir], collector);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('pushes.json: ');
    await expect(run('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir })).rejects.toMatchObject({ stdout: expect.stringContaining('pushes.json: FAILED') });

    const audit = await cliJson<{ entries: Array<{ action: string; actor: string }> }>(['audit'], collector);
    expect(audit.entries.filter((e) => e.action === 'alert.exported').map((e) => e.actor)).toEqual(['viewer-e2e']);
  });

  it('forwarded the alert as it opened and at each triage step, signed, and to the JSON-lines file', async () => {
    await waitFor('the triage events at the webhook', () => receiver.events.filter((e) => e.kind === 'alert.triaged').length >= 4 || undefined);
    expect(receiver.rejected).toBe(0);
    expect(receiver.events[0]).toMatchObject({ kind: 'alert.opened', alert: { id: alertId, verdict: 'unattributed', status: 'new' } });
    expect(receiver.events.filter((e) => e.kind === 'alert.triaged').at(-1)!.alert.status).toBe('closed-malicious');
    expect(new Set(receiver.events.map((e) => e.delivery_id)).size).toBe(receiver.events.length);
    await waitFor('the JSON-lines file', () => {
      try {
        return readFileSync(jsonlPath, 'utf8').trim().split('\n').length >= receiver.events.length || undefined;
      } catch {
        return undefined;
      }
    });
    const lines = readFileSync(jsonlPath, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Delivered);
    expect(lines.map((l) => l.delivery_id)).toEqual(receiver.events.map((e) => e.delivery_id));
  });

  it('refuses to export into a directory that is not empty', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pushtrace-bundle-full-'));
    writeFileSync(join(dir, 'something'), 'x');
    const res = await runCli(['alerts', 'export', String(alertId), '--out', dir], collector);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('is not empty');
  });
});
