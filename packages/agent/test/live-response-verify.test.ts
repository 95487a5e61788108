import { CommandStatus, type Command } from '@pushtrace/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { SENSOR_ID, startRig, type Rig, type RigOptions } from './fixtures/live-response-rig.js';
import { newOperator, signedCommand } from './fixtures/signed-command.js';

const alice = newOperator('alice');
const collectorKey = newOperator('collector-auto');
const mallory = newOperator('mallory');

const LIVE_RESPONSE = {
  trustedKeys: [
    { name: 'alice', publicKey: alice.publicKey, verbs: ['myip', 'ps', 'netstat', 'procinfo', 'kill', 'execfg'] },
    { name: 'collector-auto', publicKey: collectorKey.publicKey, verbs: ['myip'] },
  ],
  execfg: { 'node-version': [process.execPath, '--version'] },
  maxCommandLifetimeMs: 3_600_000,
  clockSkewMs: 30_000,
};

const NOW = 1_795_000_000_000;
const rigs: Rig[] = [];
function rig(options: RigOptions = {}): Rig {
  const r = startRig({ liveResponse: LIVE_RESPONSE, now: () => NOW, ...options });
  rigs.push(r);
  return r;
}
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});

/** Submits one command and returns the single result it spooled. */
async function answer(r: Rig, command: Command) {
  r.runner.submit(command);
  await r.runner.idle();
  const results = r.takeResults();
  expect(results).toHaveLength(1);
  expect(results[0]!.result.id).toBe(command.id);
  return results[0]!.result;
}

const S = CommandStatus;

describe('live-response refusals, each with its coded status', () => {
  it('refuses everything when the config trusts no key (the default)', async () => {
    const r = rig({ liveResponse: {} });
    const res = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'myip' }, NOW));
    expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_UNKNOWN_KEY);
    expect(res.message).toMatch(/trusts no live-response keys/);
    expect(res.exitCode).toBe(-1);
    expect((await answer(r, { id: 'u1', sensorId: SENSOR_ID, verb: 'ps' })).status).toBe(S.COMMAND_STATUS_REFUSED_UNSIGNED);
  });

  it('refuses an unsigned command', async () => {
    const r = rig();
    const { signature: _dropped, ...unsigned } = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'ps' }, NOW);
    const res = await answer(r, unsigned);
    expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_UNSIGNED);
    expect(res.stdout).toHaveLength(0);
  });

  it('refuses a command for another sensor, before looking at the key', async () => {
    const r = rig();
    expect((await answer(r, signedCommand(alice, { sensorId: SENSOR_ID + 1, verb: 'ps' }, NOW))).status)
      .toBe(S.COMMAND_STATUS_REFUSED_WRONG_SENSOR);
    expect((await answer(r, signedCommand(mallory, { sensorId: SENSOR_ID + 1, verb: 'ps' }, NOW))).status)
      .toBe(S.COMMAND_STATUS_REFUSED_WRONG_SENSOR);
  });

  it('refuses a key the config does not know', async () => {
    const r = rig();
    const res = await answer(r, signedCommand(mallory, { sensorId: SENSOR_ID, verb: 'ps' }, NOW));
    expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_UNKNOWN_KEY);
    expect(res.message).toContain('"mallory"');
  });

  it('refuses a forged signature: another key claiming to be alice', async () => {
    const r = rig();
    const res = await answer(r, signedCommand(mallory, { sensorId: SENSOR_ID, verb: 'ps', keyId: 'alice' }, NOW));
    expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_BAD_SIGNATURE);
  });

  it('refuses a genuine command altered in transit: redirected, re-verbed, re-argued, re-dated', async () => {
    const r = rig();
    const alterations: Partial<Command>[] = [
      { sensorId: SENSOR_ID }, // a compromised collector redirecting a command to this laptop
      { sensorId: SENSOR_ID, verb: 'kill' },
      { sensorId: SENSOR_ID, args: ['2'] },
      { sensorId: SENSOR_ID, deadlineMs: NOW + 6 * 60_000 },
      { sensorId: SENSOR_ID, issuedBy: 'bob' },
    ];
    for (const change of alterations) {
      // Each signed afresh (own id), then only `change` applied.
      const base = signedCommand(alice, { sensorId: SENSOR_ID - 1, verb: 'procinfo', args: ['1'] }, NOW);
      const res = await answer(r, { ...base, ...change });
      expect(res.status, JSON.stringify(change)).toBe(S.COMMAND_STATUS_REFUSED_BAD_SIGNATURE);
    }
    const genuine = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['x'] }, NOW);
    expect((await answer(r, { ...genuine, id: `${genuine.id}-2` })).status).toBe(S.COMMAND_STATUS_REFUSED_BAD_SIGNATURE);
    expect((await answer(r, genuine)).status).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
  });

  it('refuses a verb the key may not sign (the read-only collector key asking for kill)', async () => {
    const r = rig();
    const res = await answer(r, signedCommand(collectorKey, { sensorId: SENSOR_ID, verb: 'kill', args: ['4242'] }, NOW));
    expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED);
    expect(res.message).toMatch(/may sign: myip/);
    const unknownVerb = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'shell', args: ['rm -rf /'] }, NOW));
    expect(unknownVerb.status).toBe(S.COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED);
  });

  it('refuses expired, future-dated and over-long commands', async () => {
    const r = rig();
    const cases = [
      { issuedAtMs: NOW - 120_000, deadlineMs: NOW - 31_000, why: /has passed/ },
      { issuedAtMs: NOW + 31_000, deadlineMs: NOW + 120_000, why: /in the future/ },
      { issuedAtMs: NOW - 1000, deadlineMs: NOW - 1000 + 3_600_001, why: /exceeds this agent's maximum/ },
      { issuedAtMs: NOW, deadlineMs: NOW, why: /is not after issue time/ },
    ];
    for (const c of cases) {
      const res = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'myip', issuedAtMs: c.issuedAtMs, deadlineMs: c.deadlineMs }, NOW));
      expect(res.status).toBe(S.COMMAND_STATUS_REFUSED_EXPIRED);
      expect(res.message).toMatch(c.why);
    }
    // Within the skew allowance on both ends: accepted (and refused later only for its args).
    const edge = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'myip', args: ['x'], issuedAtMs: NOW + 29_000, deadlineMs: NOW + 60_000 }, NOW));
    expect(edge.status).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
    const late = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'myip', args: ['x'], issuedAtMs: NOW - 60_000, deadlineMs: NOW - 29_000 }, NOW));
    expect(late.status).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
  });

  it('refuses a replayed command id', async () => {
    const r = rig();
    const command = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['nope'] }, NOW);
    expect((await answer(r, command)).status).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
    const replay = await answer(r, command);
    expect(replay.status).toBe(S.COMMAND_STATUS_REFUSED_REPLAYED);
    expect(replay.message).toContain(command.id!);
  });

  it('answers a replay after the deadline as expired', async () => {
    let now = NOW;
    const r = rig({ now: () => now });
    const command = signedCommand(alice, { sensorId: SENSOR_ID, verb: 'procinfo', args: ['nope'], deadlineMs: NOW + 60_000 }, NOW);
    expect((await answer(r, command)).status).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
    now = NOW + 60_000 + 30_001;
    expect((await answer(r, command)).status).toBe(S.COMMAND_STATUS_REFUSED_EXPIRED);
  });

  it('refuses what this agent has switched off: kill without allowKill, execfg names not allowlisted', async () => {
    const r = rig();
    const kill = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'kill', args: ['4242'] }, NOW));
    expect(kill.status).toBe(S.COMMAND_STATUS_REFUSED_DISABLED);
    expect(kill.message).toMatch(/allowKill/);
    const exec = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['nslookup'] }, NOW));
    expect(exec.status).toBe(S.COMMAND_STATUS_REFUSED_DISABLED);
    expect(exec.message).toContain('node-version');
    const proto = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['__proto__'] }, NOW));
    expect(proto.status).toBe(S.COMMAND_STATUS_REFUSED_DISABLED);
  });

  it('refuses arguments that do not fit the verb', async () => {
    const r = rig({ liveResponse: { ...LIVE_RESPONSE, allowKill: true } });
    const cases: Array<[string, string[], RegExp]> = [
      ['ps', ['-ef'], /takes no arguments/],
      ['procinfo', [], /exactly one PID/],
      ['procinfo', ['12a'], /positive integer/],
      ['procinfo', ['-1'], /positive integer/],
      ['kill', ['1'], /refusing to kill pid 1/],
      ['kill', [String(process.pid)], /agent itself/],
      // The write-up's command line is exactly what execfg refuses: no arguments beyond NAME.
      ['execfg', ['node-version', 'myip.opendns.com', 'resolver1.opendns.com'], /exactly one NAME/],
    ];
    for (const [verb, args, why] of cases) {
      const res = await answer(r, signedCommand(alice, { sensorId: SENSOR_ID, verb, args }, NOW));
      expect(res.status, `${verb} ${args.join(' ')}`).toBe(S.COMMAND_STATUS_REFUSED_BAD_ARGS);
      expect(res.message).toMatch(why);
    }
  });

  it('checks in order: an unsigned command for another sensor is "unsigned"; a forged, unallowed verb is "bad signature"', async () => {
    const r = rig();
    expect((await answer(r, { id: 'x1', sensorId: SENSOR_ID + 9, verb: 'kill' })).status).toBe(S.COMMAND_STATUS_REFUSED_UNSIGNED);
    const forged = signedCommand(mallory, { sensorId: SENSOR_ID, verb: 'kill', args: ['4242'], keyId: 'collector-auto' }, NOW);
    expect((await answer(r, forged)).status).toBe(S.COMMAND_STATUS_REFUSED_BAD_SIGNATURE);
    const notAllowedAndExpired = signedCommand(collectorKey, { sensorId: SENSOR_ID, verb: 'ps', issuedAtMs: NOW - 100_000, deadlineMs: NOW - 90_000 }, NOW);
    expect((await answer(r, notAllowedAndExpired)).status).toBe(S.COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED);
  });

  it('gives every result its own increasing seq in the spool', async () => {
    const r = rig();
    for (let i = 0; i < 3; i++) r.runner.submit(signedCommand(mallory, { sensorId: SENSOR_ID, verb: 'ps' }, NOW));
    const results = r.takeResults();
    expect(results.map((x) => x.seq)).toEqual([1, 2, 3]);
    for (const { result } of results) {
      expect(result.startedAtMs).toBe(NOW);
      expect(result.finishedAtMs).toBe(NOW);
    }
  });
});
