import { readFileSync } from 'node:fs';
import { CommandStatus, type CommandResult } from '@pushtrace/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { childProcessEnv } from '../src/config/load.js';
import { SENSOR_ID, startRig, type Rig } from './fixtures/live-response-rig.js';
import { newOperator, signedCommand } from './fixtures/signed-command.js';

const alice = newOperator('alice');
const node = process.execPath;
const MiB = 1024 * 1024;

const ALLOWLIST = {
  // Prints its argv as JSON: shows each argument arrived as one string, no shell in between.
  'echo-args': [node, '-e', 'process.stdout.write(JSON.stringify(process.argv.slice(1)))', 'a b', '$(id)', ';ls', '*'],
  'exit-3': [node, '-e', 'process.stderr.write("bad thing\\n"); process.exit(3)'],
  'read-stdin': [node, '-e', 'let n=0; process.stdin.on("data",(c)=>n+=c.length).on("end",()=>process.stdout.write("eof after "+n))'],
  'print-env': [node, '-e', 'process.stdout.write(JSON.stringify(Object.keys(process.env)))'],
  // Prints its pid, then writes 5 MiB.
  'flood': [node, '-e', 'process.stderr.write(process.pid+"\\n"); process.stdout.write(Buffer.alloc(5*1024*1024, 120))'],
  // Starts a grandchild, prints both pids, then sleeps.
  'sleeper': [node, '-e', [
    'const c = require("node:child_process").spawn(process.execPath, ["-e", "setTimeout(()=>{}, 60000)"], { stdio: "ignore" });',
    'process.stdout.write(process.pid + " " + c.pid + "\\n");',
    'setTimeout(() => {}, 60000);',
  ].join(' ')],
  'missing': ['/nonexistent/pushtrace-test-program'],
};

const rigs: Rig[] = [];
function rig(liveResponse: Record<string, unknown> = {}, childEnv?: Record<string, string>): Rig {
  const r = startRig({
    liveResponse: { trustedKeys: [{ name: 'alice', publicKey: alice.publicKey, verbs: ['execfg'] }], execfg: ALLOWLIST, ...liveResponse },
    ...(childEnv ? { childEnv } : {}),
  });
  rigs.push(r);
  return r;
}
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});

async function execfg(r: Rig, name: string, extra: string[] = []): Promise<CommandResult> {
  r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: [name, ...extra] }));
  await r.runner.idle();
  const [only] = r.takeResults();
  return only!.result;
}
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

/** Gone, or a zombie nobody has reaped yet: either way no longer running. */
function running(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}
async function eventuallyNotRunning(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && running(pid); i++) await new Promise((r) => setTimeout(r, 20));
  return !running(pid);
}

describe('execfg runs only what the agent allowlists, exactly', () => {
  it('runs the allowlisted argv as given, without a shell', async () => {
    const res = await execfg(rig(), 'echo-args');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(res.exitCode).toBe(0);
    expect(JSON.parse(text(res.stdout))).toEqual(['a b', '$(id)', ';ls', '*']);
    expect(res.truncated).toBe(false);
    expect(res.finishedAtMs!).toBeGreaterThanOrEqual(res.startedAtMs!);
  });

  it('passes the program\'s exit code and stderr through (OK: it ran to its end)', async () => {
    const res = await execfg(rig(), 'exit-3');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(res.exitCode).toBe(3);
    expect(text(res.stderr)).toBe('bad thing\n');
  });

  it('refuses a name that is not allowlisted, and any argument beyond the name', async () => {
    const r = rig();
    const unknown = await execfg(r, 'sh');
    expect(unknown.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_DISABLED);
    expect(unknown.stdout).toHaveLength(0);
    const extra = await execfg(r, 'echo-args', ['--evil']);
    expect(extra.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_BAD_ARGS);
    expect(extra.stdout).toHaveLength(0);
  });

  it('gives the program a closed stdin', async () => {
    const res = await execfg(rig(), 'read-stdin');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(text(res.stdout)).toBe('eof after 0');
  });

  it('keeps PUSHTRACE_* (the enroll secret) out of the program\'s environment', async () => {
    const env = childProcessEnv({ PATH: '/usr/bin:/bin', PUSHTRACE_ENROLL_SECRET: 'hunter2', pushtrace_agent_state_dir: '/x', LANG: 'C' });
    expect(env).toEqual({ PATH: '/usr/bin:/bin', LANG: 'C' });
    const res = await execfg(rig({}, env), 'print-env');
    const keys: string[] = JSON.parse(text(res.stdout));
    expect(keys).toContain('PATH');
    expect(keys.filter((k) => k.toUpperCase().startsWith('PUSHTRACE_'))).toEqual([]);
  });

  it('fails plainly when the program cannot start', async () => {
    const res = await execfg(rig(), 'missing');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res.exitCode).toBe(-1);
    expect(res.message).toMatch(/cannot start \/nonexistent\/pushtrace-test-program: .*ENOENT/);
  });
});

describe('execfg limits', () => {
  it('cuts output at the cap, marks it truncated and kills a child writing 5 MiB', async () => {
    const res = await execfg(rig({ outputCapBytes: 1 * MiB }), 'flood');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res.truncated).toBe(true);
    expect(res.stdout!.length).toBe(1 * MiB);
    expect(Buffer.from(res.stdout!).every((b) => b === 120)).toBe(true);
    expect(res.message).toMatch(/more than 1048576 bytes; killed/);
    expect(res.exitCode).toBe(-1);
    const pid = Number(text(res.stderr).trim());
    expect(pid).toBeGreaterThan(1);
    if (process.platform === 'linux') expect(await eventuallyNotRunning(pid)).toBe(true);
  });

  it('times out a child that sleeps, killing it and what it started', async () => {
    const res = await execfg(rig({ timeoutMs: 300 }), 'sleeper');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_TIMED_OUT);
    expect(res.exitCode).toBe(-1);
    expect(res.message).toMatch(/within 300 ms; killed/);
    const [child, grandchild] = text(res.stdout).trim().split(' ').map(Number);
    expect(child).toBeGreaterThan(1);
    expect(grandchild).toBeGreaterThan(1);
    if (process.platform === 'linux') {
      expect(await eventuallyNotRunning(child!)).toBe(true);
      expect(await eventuallyNotRunning(grandchild!)).toBe(true);
    }
  });

  it('runs at most maxConcurrent at a time; the rest wait their turn and still run', async () => {
    const r = rig({ timeoutMs: 300, maxConcurrent: 1 });
    for (let i = 0; i < 3; i++) r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['sleeper'] }));
    expect(r.runner.busy).toBe(3);
    await r.runner.idle();
    const results = r.takeResults().map((x) => x.result);
    expect(results.map((x) => x.status)).toEqual(Array(3).fill(CommandStatus.COMMAND_STATUS_TIMED_OUT));
    // One at a time: each started after the previous finished.
    for (let i = 1; i < results.length; i++) expect(results[i]!.startedAtMs!).toBeGreaterThanOrEqual(results[i - 1]!.finishedAtMs!);
  });

  it('stop() kills a running program and still spools its result', async () => {
    const r = rig({ timeoutMs: 30_000 });
    r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['sleeper'] }));
    r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['sleeper'] }));
    r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb: 'execfg', args: ['sleeper'] }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await r.runner.stop();
    const results = r.takeResults().map((x) => x.result);
    expect(results).toHaveLength(3);
    expect(results.map((x) => x.status)).toEqual(Array(3).fill(CommandStatus.COMMAND_STATUS_FAILED));
    expect(results.filter((x) => /agent stopp/.test(x.message ?? ''))).toHaveLength(3);
  });
});
