import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { CommandStatus, type CommandResult } from '@pushtrace/proto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DnsResponder } from '../../../test/helpers/dns-responder.js';
import { SENSOR_ID, startRig, type Rig, type RigOptions } from './fixtures/live-response-rig.js';
import { newOperator, signedCommand } from './fixtures/signed-command.js';
import { NodeCopies, exited, md5Of, sha256Of } from './node-copy.js';

const alice = newOperator('alice');
const ALL_VERBS = ['myip', 'ps', 'netstat', 'procinfo', 'kill', 'execfg'];
const onLinux = process.platform === 'linux';

const rigs: Rig[] = [];
function rig(liveResponse: Record<string, unknown> = {}, options: RigOptions = {}): Rig {
  const r = startRig({
    liveResponse: { trustedKeys: [{ name: 'alice', publicKey: alice.publicKey, verbs: ALL_VERBS }], ...liveResponse },
    ...options,
  });
  rigs.push(r);
  return r;
}
afterEach(async () => {
  for (const r of rigs.splice(0)) await r.close();
});

async function run(r: Rig, verb: string, args: string[] = []): Promise<CommandResult> {
  r.runner.submit(signedCommand(alice, { sensorId: SENSOR_ID, verb, args }));
  await r.runner.idle();
  const results = r.takeResults();
  expect(results).toHaveLength(1);
  return results[0]!.result;
}
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

// A stand-in: a copy of node under its own name that listens on loopback
// and prints its port, so procinfo, ps, netstat and kill have a real target.
const STANDIN_SCRIPT = `
const s = require('node:net').createServer(() => {});
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
setTimeout(() => {}, 60000);`;
let copies: NodeCopies;
let standinPath: string;
async function startStandin(): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(standinPath, ['-e', STANDIN_SCRIPT, 'lr-marker-arg'], { stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    child.once('error', reject);
  });
  standins.push(child);
  return { child, port };
}
const standins: ChildProcess[] = [];
beforeAll(async () => {
  copies = await NodeCopies.create();
  standinPath = await copies.copy('lr-standin');
});
afterAll(async () => {
  for (const c of standins) c.kill('SIGKILL');
  await copies.cleanup();
});

describe('myip', () => {
  let dns: DnsResponder;
  let silent: DnsResponder;
  beforeAll(async () => {
    dns = new DnsResponder({ ip: '198.51.100.23' });
    await dns.start();
    silent = new DnsResponder({ drop: true });
    await silent.start();
  });
  afterAll(async () => {
    await dns.stop();
    await silent.stop();
  });

  it('answers with what the configured resolver says, and which resolver said it', async () => {
    const r = rig({}, { resolvers: [dns.address] });
    const res = await run(r, 'myip');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(res.exitCode).toBe(0);
    expect(text(res.stdout)).toBe(`Server:  ${dns.address}\nName:    myip.opendns.com\nAddress: 198.51.100.23\n`);
    expect(dns.queries.at(-1)).toMatchObject({ name: 'myip.opendns.com', type: 'A' });
  });

  it('fails plainly, naming the resolver, when none answers', async () => {
    const r = rig({}, { resolvers: ['127.0.0.1:9'] });
    const res = await run(r, 'myip');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res.exitCode).toBe(1);
    expect(res.message).toMatch(/127\.0\.0\.1:9/);
    expect(text(res.stderr)).toContain(res.message!);
  });

  it('is TIMED_OUT when the lookup outlasts the command time limit', async () => {
    const r = rig({ timeoutMs: 200 }, { resolvers: [silent.address] });
    const res = await run(r, 'myip');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_TIMED_OUT);
    expect(res.exitCode).toBe(-1);
    expect(res.message).toMatch(/within 200 ms/);
  });
});

// Skipped off Linux: the stand-in's expectations (uid, exact start time,
// /proc/PID/stat) are the /proc reader's; elsewhere the systeminformation
// source is covered by its own tests with recorded lists.
describe.skipIf(!onLinux)('process verbs on a stand-in process (Linux /proc path)', () => {
  it('procinfo: path, command line, user, start, hashes of the image, and its listening socket', async () => {
    const { child, port } = await startStandin();
    const r = rig();
    const res = await run(r, 'procinfo', [String(child.pid)]);
    expect(res.status, res.message ?? '').toBe(CommandStatus.COMMAND_STATUS_OK);
    const info = JSON.parse(text(res.stdout));
    expect(info.process).toMatchObject({
      pid: child.pid,
      ppid: process.pid,
      name: 'lr-standin',
      path: standinPath,
      sha256: sha256Of(standinPath),
      md5: md5Of(standinPath),
      hashError: '',
      exeDeleted: false,
    });
    expect(info.process.argv).toEqual([standinPath, '-e', STANDIN_SCRIPT, 'lr-marker-arg']);
    expect(info.process.uid).toBe(process.getuid!());
    expect(info.process.startTimeMs).toBeGreaterThan(0);
    expect(new Date(info.process.start).getTime()).toBe(info.process.startTimeMs);
    expect(info.process.processGuid).toMatch(/\S/);
    expect(info.connections).toContainEqual(expect.objectContaining({
      protocol: 'tcp', localIp: '127.0.0.1', localPort: port, state: 'LISTEN', pid: child.pid, process: 'lr-standin',
    }));
  });

  it('procinfo of a pid that does not exist fails plainly', async () => {
    const { child } = await startStandin();
    child.kill('SIGKILL');
    await exited(child);
    const res = await run(rig(), 'procinfo', [String(child.pid)]);
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res.message).toBe(`no process with pid ${child.pid}`);
  });

  it('ps lists the stand-in with pid, ppid, user, name, path and start', async () => {
    const { child } = await startStandin();
    const res = await run(rig(), 'ps');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    const { processes } = JSON.parse(text(res.stdout));
    const line = processes.find((p: { pid: number }) => p.pid === child.pid);
    expect(line).toMatchObject({ pid: child.pid, ppid: process.pid, name: 'lr-standin', path: standinPath });
    expect(line.start).toBe(new Date(line.startTimeMs).toISOString());
    expect(processes.find((p: { pid: number }) => p.pid === process.pid)).toBeDefined();
    const pids = processes.map((p: { pid: number }) => p.pid);
    expect(pids).toEqual([...pids].sort((a: number, b: number) => a - b));
  });

  it('ps output is cut at the output cap, marked truncated, on a character boundary', async () => {
    const res = await run(rig({ outputCapBytes: 1024 }), 'ps');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(res.truncated).toBe(true);
    expect(res.stdout!.length).toBeLessThanOrEqual(1024);
    expect(res.stdout!.length).toBeGreaterThan(1000);
    expect(text(res.stdout).startsWith('{"processes":[')).toBe(true);
  });

  it('netstat shows the stand-in\'s socket with its owner', async () => {
    const { child, port } = await startStandin();
    const res = await run(rig(), 'netstat');
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    const { sockets } = JSON.parse(text(res.stdout));
    expect(sockets).toContainEqual(expect.objectContaining({ protocol: 'tcp', localPort: port, state: 'LISTEN', pid: child.pid, process: 'lr-standin' }));
  });

  it('kill ends the stand-in when the agent allows kill, and says what it killed', async () => {
    const { child } = await startStandin();
    const gone = exited(child);
    const res = await run(rig({ allowKill: true }), 'kill', [String(child.pid)]);
    expect(res.status, res.message ?? '').toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(text(res.stdout)).toBe(`killed pid ${child.pid} (lr-standin, ${standinPath})\n`);
    await gone;
    expect(child.signalCode).toBe('SIGKILL');
  });

  it('kill without allowKill leaves the stand-in running', async () => {
    const { child } = await startStandin();
    const res = await run(rig(), 'kill', [String(child.pid)]);
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_DISABLED);
    expect(child.exitCode).toBeNull();
    expect(readFileSync(`/proc/${child.pid}/stat`, 'utf8')).toContain('(lr-standin)');
  });

  it('kill of a pid that is gone fails plainly', async () => {
    const { child } = await startStandin();
    child.kill('SIGKILL');
    await exited(child);
    const res = await run(rig({ allowKill: true }), 'kill', [String(child.pid)]);
    expect(res.status).toBe(CommandStatus.COMMAND_STATUS_FAILED);
    expect(res.message).toBe(`no process with pid ${child.pid}`);
  });
});
