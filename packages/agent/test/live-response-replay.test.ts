import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandStatus } from '@pushtrace/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { SEEN_COMMANDS_FILE } from '../src/live-response/command-runner.js';
import { ReplayGuard } from '../src/live-response/replay-guard.js';
import { SENSOR_ID, startRig, type Rig } from './fixtures/live-response-rig.js';
import { newOperator, signedCommand } from './fixtures/signed-command.js';

const alice = newOperator('alice');
const LIVE_RESPONSE = { trustedKeys: [{ name: 'alice', publicKey: alice.publicKey, verbs: ['procinfo'] }], clockSkewMs: 1000 };
const NOW = 1_795_000_000_000;
const dirs: string[] = [];
const rigs: Rig[] = [];
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close(false);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function stateDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'pushtrace-replay-'));
  dirs.push(d);
  return d;
}
function rig(dir: string, now = NOW, extra: { maxRememberedCommands?: number } = {}): Rig {
  const r = startRig({ liveResponse: LIVE_RESPONSE, now: () => now, stateDir: dir, ...extra });
  rigs.push(r);
  return r;
}
async function statusOf(r: Rig, command: ReturnType<typeof signedCommand>): Promise<number> {
  r.runner.submit(command);
  await r.runner.idle();
  const [only] = r.takeResults();
  return only!.result.status!;
}

describe('replay protection survives a restart', () => {
  it('refuses, after an agent restart, a command id accepted before it', async () => {
    const dir = stateDir();
    // A genuine command that ran (procinfo of this test process).
    const command = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: [String(process.pid)] }, NOW);
    const first = rig(dir);
    expect(await statusOf(first, command)).toBe(CommandStatus.COMMAND_STATUS_OK);
    await first.close(false);
    rigs.splice(rigs.indexOf(first), 1);

    const saved = JSON.parse(readFileSync(join(dir, SEEN_COMMANDS_FILE), 'utf8'));
    expect(saved.seen[command.id!]).toEqual([command.issuedAtMs, command.deadlineMs]);

    const second = rig(dir, NOW + 1000);
    expect(await statusOf(second, command)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED);
    // A new genuine command still runs.
    expect(await statusOf(second, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: [String(process.pid)] }, NOW + 1000)))
      .toBe(CommandStatus.COMMAND_STATUS_OK);
  });

  it('a corrupt memory file refuses every command issued before the restart (plus skew), not none', async () => {
    const dir = stateDir();
    const before = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['x'], issuedAtMs: NOW - 5000 }, NOW);
    const first = rig(dir);
    expect(await statusOf(first, before)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_BAD_ARGS);
    await first.close(false);
    rigs.splice(rigs.indexOf(first), 1);
    writeFileSync(join(dir, SEEN_COMMANDS_FILE), '{"version":1,"seen":{"tr');

    let now = NOW + 10_000;
    const second = startRig({ liveResponse: LIVE_RESPONSE, now: () => now, stateDir: dir });
    rigs.push(second);
    expect(await statusOf(second, before)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED);
    // Issued within the skew of the restart: could have been accepted before it → refused too.
    const edge = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['x'], issuedAtMs: NOW + 10_500 }, NOW + 10_000);
    expect(await statusOf(second, edge)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED);
    now = NOW + 12_000;
    const fresh = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['x'], issuedAtMs: NOW + 11_500 }, now);
    expect(await statusOf(second, fresh)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_BAD_ARGS);
  });
});

describe('ReplayGuard bounds', () => {
  it('forgets the earliest-issued id when full and raises the floor over it', () => {
    const dir = stateDir();
    const { guard } = ReplayGuard.open(join(dir, 'seen.json'), NOW, { clockSkewMs: 0, maxEntries: 3 });
    expect(guard.admit('b', NOW - 20, NOW + 100, NOW)).toEqual({ ok: true });
    expect(guard.admit('a', NOW - 30, NOW + 100, NOW)).toEqual({ ok: true });
    expect(guard.admit('c', NOW - 10, NOW + 100, NOW)).toEqual({ ok: true });
    expect(guard.admit('d', NOW, NOW + 100, NOW)).toEqual({ ok: true });
    expect(guard.size).toBe(3);
    expect(guard.floorIssuedAtMs).toBe(NOW - 30);
    // 'a' is forgotten, but still refused through the floor.
    expect(guard.admit('a', NOW - 30, NOW + 100, NOW)).toMatchObject({ ok: false, persisted: true });
    expect(guard.admit('b', NOW - 20, NOW + 100, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/already accepted/) });
    // And the floor is on disk.
    const reopened = ReplayGuard.open(join(dir, 'seen.json'), NOW, { clockSkewMs: 0, maxEntries: 3 });
    expect(reopened.recovered).toBeUndefined();
    expect(reopened.guard.floorIssuedAtMs).toBe(NOW - 30);
    expect(reopened.guard.admit('c', NOW - 10, NOW + 100, NOW).ok).toBe(false);
  });

  it('prunes ids well past their deadline without raising the floor', () => {
    const dir = stateDir();
    const { guard } = ReplayGuard.open(join(dir, 'seen.json'), NOW, { clockSkewMs: 1000, retainAfterDeadlineMs: 5000 });
    expect(guard.admit('old', NOW - 10, NOW, NOW).ok).toBe(true);
    expect(guard.admit('new', NOW + 6001 - 10, NOW + 6001 + 100, NOW + 6001).ok).toBe(true);
    expect(guard.size).toBe(1);
    expect(guard.floorIssuedAtMs).toBe(0);
  });

  it('a command runs only if its id could be written: an unwritable memory fails it', async () => {
    const dir = stateDir();
    const r = rig(dir);
    // A directory where the file's temp name should go makes the atomic write fail.
    mkdirSync(join(dir, `${SEEN_COMMANDS_FILE}.tmp`, 'blocker'), { recursive: true });
    const command = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: [String(process.pid)] }, NOW);
    r.runner.submit(command);
    await r.runner.idle();
    const [res] = r.takeResults();
    expect(res!.result.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res!.result.message).toMatch(/cannot record command id/);
    expect(res!.result.stdout).toHaveLength(0);
    // And it stays refused in this process even though it was never written.
    expect(await statusOf(r, command)).toBe(CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED);
  });
});
