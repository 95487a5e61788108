import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEd25519PrivateKey, signCommand } from '@pushtrace/proto';
import { startAgent, type AgentHandle } from './helpers/agent.js';
import { cliJson, runCli } from './helpers/cli.js';
import { startCollector, type CollectorHandle } from './helpers/collector.js';
import { startDns, type DnsResponder } from './helpers/dns-responder.js';
import { deniedPush, writeDuoFile } from './helpers/duo-records.js';
import { startStandin, type Standin } from './helpers/standin.js';
import { COLLECTOR_BIN } from './helpers/paths.js';
import { waitFor } from './helpers/wait-for.js';

const LAPTOP_IP = '203.0.113.77';

interface CommandJson {
  id: string;
  state: string;
  verb: string;
  result: { status: string; exit_code: number; stdout: string; stderr: string; truncated: boolean; message: string; output_sha256: string } | null;
}

/** A process that just idles, for procinfo. */
const IDLE_SCRIPT = 'setInterval(() => {}, 1000)';

// Live response end to end: the real CLI signs with an operator key, the
// real collector stores and forwards, the real agent checks the signature
// against its own config and runs only what that config grants.
describe('live response (real agent, real collector, real CLI)', () => {
  let dns: DnsResponder;
  let collector: CollectorHandle;
  let agent: AgentHandle;
  let idle: Standin;
  let sensorId: number;
  let keyDir: string;
  let configPath: string;
  let stateDir: string;
  const tokens: Record<string, string> = {};

  const lr = (args: string[], token = tokens.responder!, key = 'ana') =>
    // --deadline 2m: within the 15 min lifetime this agent's config accepts.
    runCli(['lr', String(sensorId), ...args, '--key', key, '--json', '--deadline', '2m'], { url: collector.url, adminToken: token })
      .then((r) => ({ ...r, command: r.code === 0 || r.stdout.startsWith('{') ? JSON.parse(r.stdout) as CommandJson : null }));
  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${collector.url}/api/v1${path}`, {
      method, headers: { authorization: `Bearer ${tokens.responder}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: JSON.parse(await res.text()) as Record<string, any> };
  };
  /** A command signed with a key file but sent straight to the API: what a tampering collector or client could do. */
  const signedBody = (keyName: string, verb: string, args: string[], over: { lifetimeMs?: number; tamper?: boolean } = {}) => {
    const key = parseEd25519PrivateKey(readFileSync(join(keyDir, `${keyName}.key`), 'utf8'));
    const now = Date.now();
    const fields = { id: randomUUID(), sensorId, verb, args, issuedBy: keyName, keyId: keyName, issuedAtMs: now, deadlineMs: now + (over.lifetimeMs ?? 60_000) };
    const signature = signCommand(fields, key);
    return {
      id: fields.id, verb, args: over.tamper ? [...args, 'extra'] : args, issued_by: keyName, key_id: keyName, issued_at_ms: now,
      deadline_ms: fields.deadlineMs, signature: signature.toString('base64'),
    };
  };
  const waitDone = async (id: string) => (await api('GET', `/commands/${id}?wait=20000`)).body.command as CommandJson;
  const startTheAgent = () => startAgent({
    collectorUrl: collector.wsUrl, enrollSecret: collector.enrollSecret, resolver: dns.address, stateDir,
    extraArgs: ['--config', configPath],
  });

  beforeAll(async () => {
    dns = await startDns(LAPTOP_IP);
    collector = await startCollector();
    keyDir = mkdtempSync(join(tmpdir(), 'pushtrace-e2e-keys-'));
    const env = { url: collector.url, adminToken: collector.adminToken };
    const publicKeys: Record<string, string> = {};
    for (const name of ['ana', 'readonly']) {
      const made = await runCli(['keys', 'create', '--name', name, '--key-dir', keyDir], env);
      expect(made.code, made.stderr).toBe(0);
      publicKeys[name] = made.stdout.trim();
    }
    for (const role of ['viewer', 'responder']) {
      const made = await runCli(['token', 'create', '--role', role, '--name', `lr-${role}`], env);
      tokens[role] = made.stdout.trim();
    }
    const collectorKey = (await (await fetch(`${collector.url}/api/v1/collector-key`, {
      headers: { authorization: `Bearer ${collector.adminToken}` },
    })).json()) as { public_key: string };
    configPath = join(mkdtempSync(join(tmpdir(), 'pushtrace-e2e-agent-config-')), 'agent.json');
    writeFileSync(configPath, JSON.stringify({
      liveResponse: {
        trustedKeys: [
          { name: 'ana', publicKey: publicKeys.ana, verbs: ['myip', 'ps', 'netstat', 'procinfo', 'execfg'] },
          { name: 'readonly', publicKey: publicKeys.readonly, verbs: ['myip'] },
          { name: 'collector', publicKey: collectorKey.public_key, verbs: ['myip'] },
        ],
        execfg: {
          hello: [process.execPath, '-e', 'process.stdout.write("hello from execfg\\n")'],
          flood: [process.execPath, '-e', 'process.stdout.write("x".repeat(5 * 1024 * 1024))'],
        },
        outputCapBytes: 65_536,
        maxCommandLifetimeMs: 15 * 60_000,
      },
    }));
    stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-e2e-lr-state-'));
    idle = startStandin('idle-tool', IDLE_SCRIPT);
    agent = startTheAgent();
    sensorId = await waitFor('the agent to enroll', async () =>
      (await cliJson<Array<{ sensor_id: number; external_ip: string | null }>>(['sensors'], env)).find((s) => s.external_ip === LAPTOP_IP)?.sensor_id,
    { intervalMs: 300 });
    process.env.PUSHTRACE_KEY_DIR = keyDir;
  });

  afterAll(async () => {
    await agent?.stop();
    await idle?.stop();
    await collector?.stop();
    await dns?.stop();
  });

  it('myip answers with what the DNS responder says, like the write-up\'s nslookup', async () => {
    const { code, command, stderr } = await lr(['myip']);
    expect(code, stderr).toBe(0);
    expect(command).toMatchObject({ state: 'done', result: { status: 'ok', exit_code: 0, truncated: false } });
    expect(command!.result!.stdout).toMatch(new RegExp(`^Address: ${LAPTOP_IP.replaceAll('.', '\\.')}$`, 'm'));
    expect(dns.queries.length).toBeGreaterThan(0);
  });

  it('procinfo describes a stand-in process: path, hash, command line', async () => {
    const { code, command, stderr } = await lr(['procinfo', String(idle.proc.pid)]);
    expect(code, stderr).toBe(0);
    const info = JSON.parse(command!.result!.stdout) as Record<string, unknown>;
    expect(info).toMatchObject({ process: { pid: idle.proc.pid, path: idle.exePath, sha256: idle.sha256, name: 'idle-tool' }, connections: [] });
  });

  it('execfg runs an allowlisted program and refuses any other name', async () => {
    const ok = await lr(['execfg', 'hello']);
    expect(ok.command!.result).toMatchObject({ status: 'ok', exit_code: 0, stdout: 'hello from execfg\n' });
    const refused = await lr(['execfg', 'bash']);
    expect(refused.code).toBe(1);
    expect(refused.command!.result).toMatchObject({ status: 'refused_disabled' });
  });

  it('cuts output at the agent\'s cap and says so', async () => {
    const { command } = await lr(['execfg', 'flood']);
    expect(command!.result!.truncated).toBe(true);
    expect(command!.result!.stdout.length).toBe(65_536);
  });

  it('refuses what the signing key may not sign, a forged signature, a tampered command and an over-long deadline', async () => {
    const notAllowed = await lr(['ps'], tokens.responder, 'readonly');
    expect(notAllowed.command!.result).toMatchObject({ status: 'refused_verb_not_allowed' });
    expect(notAllowed.command!.result!.stdout).toBe('');

    const forged = signedBody('ana', 'ps', []);
    forged.signature = randomBytes(64).toString('base64');
    const tampered = signedBody('ana', 'procinfo', [String(idle.proc.pid)], { tamper: true });
    const tooLong = signedBody('ana', 'ps', [], { lifetimeMs: 60 * 60_000 });
    const outcomes: string[] = [];
    for (const body of [forged, tampered, tooLong]) {
      expect((await api('POST', `/sensors/${sensorId}/commands`, body)).status).toBe(200);
      outcomes.push((await waitDone(body.id)).result!.status);
    }
    expect(outcomes).toEqual(['refused_bad_signature', 'refused_bad_signature', 'refused_expired']);
    // Unsigned never gets past the collector.
    const unsigned = await api('POST', `/sensors/${sensorId}/commands`, { ...signedBody('ana', 'ps', []), signature: '' });
    expect(unsigned.status).toBe(400);
  });

  it('refuses a viewer token with 403 and records the attempt', async () => {
    const res = await runCli(['lr', String(sensorId), 'ps', '--key', 'ana'], { url: collector.url, adminToken: tokens.viewer! });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('403 COLLECTOR_E_FORBIDDEN');
  });

  it('a replay by a compromised collector is refused by the agent, even after it restarts', async () => {
    const { command } = await lr(['ps']);
    expect(command!.result!.status).toBe('ok');
    await agent.stop();
    // Behind the collector's back: the answered command made "pending" again, as a tampered database would.
    const db = new Database(collector.dbPath);
    db.prepare("UPDATE live_commands SET state = 'pending', status = NULL WHERE id = ?").run(command!.id);
    db.close();
    agent = startTheAgent();
    const again = await waitDone(command!.id);
    expect(again.result!.status).toBe('refused_replayed');
  });

  it('holds a command for an offline sensor until it reconnects, and expires one that waits too long', async () => {
    await agent.stop();
    const env = { url: collector.url, adminToken: tokens.responder! };
    const waiting = runCli(['lr', String(sensorId), 'myip', '--key', 'ana', '--json', '--deadline', '2m'], env);
    const expiring = runCli(['lr', String(sensorId), 'netstat', '--key', 'ana', '--json', '--deadline', '2s'], env);
    const expired = await expiring;
    expect(expired.code).toBe(1);
    expect(JSON.parse(expired.stdout)).toMatchObject({ state: 'expired', result: null });
    agent = startTheAgent();
    const delivered = await waiting;
    expect(delivered.code, delivered.stderr).toBe(0);
    expect(JSON.parse(delivered.stdout)).toMatchObject({ state: 'done', result: { status: 'ok' } });
    expect(delivered.stderr).toContain('is offline: myip waits until it reconnects');
  });

  it('runs an interactive session: one signed command per line until exit', async () => {
    const child = spawn(process.execPath, [COLLECTOR_BIN, 'lr', String(sensorId), '--key', 'ana', '--deadline', '2m'], {
      env: { ...process.env, PUSHTRACE_SERVER: collector.url, PUSHTRACE_TOKEN: tokens.responder, PUSHTRACE_KEY_DIR: keyDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdin.write('myip\n');
    child.stdin.write('execfg "not allowed"\n');
    child.stdin.write('exit\n');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stdout).toContain(`live response on sensor ${sensorId}, signing as "ana"`);
    expect(stdout).toMatch(new RegExp(`^Address: ${LAPTOP_IP.replaceAll('.', '\\.')}$`, 'm'));
    // The quotes kept "not allowed" one word, and the agent's allowlist said no.
    expect(stderr).toContain('execfg: refused_disabled (exit -1): execfg "not allowed" is not in this agent\'s allowlist');
    // One command failed, so the session as a whole did not succeed.
    expect(code).toBe(1);
  });

  it('confirms an alert that names the sensor with an automatic myip, signed by the collector\'s own key', async () => {
    const env = { url: collector.url, adminToken: collector.adminToken };
    const now = Date.now();
    const file = writeDuoFile([6_000, 4_000, 2_000].map((ago) => deniedPush('erin', LAPTOP_IP, now - ago)));
    const ingested = await runCli(['ingest', 'duo', file], env);
    expect(ingested.code, ingested.stderr).toBe(0);
    const alert = await waitFor('the alert to carry its confirmation', async () => {
      const [a] = (await cliJson<Array<{ user: string; sensor_id: number | null; confirmation: { state: string } | null }>>(['alerts'], env))
        .filter((x) => x.user === 'erin');
      return a?.confirmation?.state === 'done' ? a : undefined;
    }, { intervalMs: 300 });
    expect(alert).toMatchObject({
      sensor_id: sensorId,
      confirmation: { sensor_id: sensorId, status: 'ok', external_ip: LAPTOP_IP, matches_access_ip: true },
    });
    const shown = await runCli(['alerts', 'show', String((alert as unknown as { id: number }).id)], env);
    expect(shown.stdout).toContain(`Confirmation: sensor ${sensorId} says its public IP is ${LAPTOP_IP}, the pushes' access IP: it is this laptop.`);
    const audit = await cliJson<{ entries: Array<{ action: string; actor: string; verb: string | null }> }>(['audit', '--sensor', String(sensorId)], env);
    expect(audit.entries.some((e) => e.action === 'command.issued' && e.actor === 'collector (auto-confirm)' && e.verb === 'myip')).toBe(true);
  });

  it('keeps an audit entry for every command and refusal, in an intact hash chain', async () => {
    const audit = await cliJson<{ chain: { intact: boolean }; entries: Array<{ action: string; verb: string | null; outcome: string; actor: string }> }>(
      ['audit', '--sensor', String(sensorId)], { url: collector.url, adminToken: collector.adminToken });
    expect(audit.chain.intact).toBe(true);
    const results = audit.entries.filter((e) => e.action === 'command.result').map((e) => `${e.verb}:${e.outcome}`);
    for (const expected of ['myip:ok', 'procinfo:ok', 'execfg:ok', 'execfg:refused_disabled', 'ps:refused_verb_not_allowed', 'ps:refused_bad_signature',
      'procinfo:refused_bad_signature', 'ps:refused_expired', 'ps:ok', 'ps:refused_replayed']) {
      expect(results).toContain(expected);
    }
    expect(audit.entries.some((e) => e.action === 'command.expired' && e.verb === 'netstat')).toBe(true);
    expect(audit.entries.some((e) => e.action === 'command.denied' && e.actor === 'lr-viewer')).toBe(true);
  });
});
