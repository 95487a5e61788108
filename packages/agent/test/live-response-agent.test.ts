// The whole agent (startAgent) against the fake collector: a Command on the
// agent's WebSocket comes back as a CommandResult data message with a seq,
// through the disk spool, and survives the collector losing it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandStatus, type Envelope } from '@pushtrace/proto';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DnsResponder } from '../../../test/helpers/dns-responder.js';
import { startAgent, type RunningAgent } from '../src/agent.js';
import { agentConfigSchema } from '../src/config/schema.js';
import { FakeCollector, type FakeCollectorOptions } from './fixtures/fake-collector.js';
import { newOperator, signedCommand } from './fixtures/signed-command.js';

const alice = newOperator('alice');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function until(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function setup(collectorOptions: FakeCollectorOptions = {}): Promise<{ fake: FakeCollector; agent: RunningAgent; sensorId: number; dns: DnsResponder }> {
  const dns = new DnsResponder({ ip: '198.51.100.77' });
  await dns.start();
  cleanups.push(() => dns.stop());
  const fake = await FakeCollector.start(collectorOptions);
  cleanups.push(() => fake.close());
  const stateDir = mkdtempSync(join(tmpdir(), 'pushtrace-lr-agent-'));
  cleanups.push(() => rmSync(stateDir, { recursive: true, force: true }));
  const config = Object.freeze(agentConfigSchema.parse({
    collector: fake.url,
    enrollSecret: 'enroll-me',
    stateDir,
    interval: 60,
    checkinInterval: 60,
    externalIpInterval: 3600,
    resolvers: [dns.address],
    resolverTimeoutMs: 1000,
    spoolMaxBytes: 16 * 1024 * 1024,
    liveResponse: { trustedKeys: [{ name: 'alice', publicKey: alice.publicKey, verbs: ['myip'] }] },
  }));
  const agent = await startAgent(config, pino({ level: 'silent' }));
  cleanups.push(() => agent.stop());
  await until(() => fake.connections.length > 0, 'the agent to connect');
  return { fake, agent, sensorId: fake.connections[0]!.sensorId, dns };
}

function resultFor(fake: FakeCollector, sensorId: number, id: string): Envelope | undefined {
  return fake.storedOf(sensorId, 'commandResult').find((env) => env.commandResult?.id === id);
}

describe('live response through the whole agent', () => {
  it('answers a signed myip with a CommandResult data message (seq > 0) from the spool', async () => {
    const { fake, sensorId } = await setup();
    const command = signedCommand(alice, { sensorId, verb: 'myip' });
    expect(fake.sendCommand(sensorId, command)).toBe(true);
    await until(() => resultFor(fake, sensorId, command.id!) !== undefined, 'the command result');
    const env = resultFor(fake, sensorId, command.id!)!;
    expect(Number(env.seq)).toBeGreaterThan(0);
    expect(env.commandResult!.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(Buffer.from(env.commandResult!.stdout!).toString()).toContain('Address: 198.51.100.77');
    // It is ordinary data: acked and numbered in the same sequence as the telemetry.
    const seqs = [...fake.stored.get(sensorId)!.keys()].sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
  });

  it('answers a refused command too, as data', async () => {
    const { fake, sensorId } = await setup();
    expect(fake.sendCommand(sensorId, { id: 'unsigned-1', sensorId, verb: 'myip' })).toBe(true);
    const forged = signedCommand(alice, { sensorId, verb: 'ps' });
    expect(fake.sendCommand(sensorId, forged)).toBe(true);
    await until(() => resultFor(fake, sensorId, forged.id!) !== undefined && resultFor(fake, sensorId, 'unsigned-1') !== undefined, 'both refusals');
    expect(resultFor(fake, sensorId, 'unsigned-1')!.commandResult!.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_UNSIGNED);
    expect(resultFor(fake, sensorId, forged.id!)!.commandResult!.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_VERB_NOT_ALLOWED);
  });

  it('answers a command delivered twice (a collector resend after a reconnect) once, then REFUSED_REPLAYED after it', async () => {
    const { fake, sensorId } = await setup();
    const command = signedCommand(alice, { sensorId, verb: 'myip' });
    fake.sendCommand(sensorId, command);
    fake.sendCommand(sensorId, command);
    await until(() => fake.storedOf(sensorId, 'commandResult').length === 2, 'two results');
    const [first, second] = fake.storedOf(sensorId, 'commandResult');
    expect(first!.commandResult!.id).toBe(command.id);
    expect(second!.commandResult!.id).toBe(command.id);
    // The real answer comes first (lower seq): the collector keeps the first result per id.
    expect(Number(first!.seq)).toBeLessThan(Number(second!.seq));
    expect(first!.commandResult!.status).toBe(CommandStatus.COMMAND_STATUS_OK);
    expect(second!.commandResult!.status).toBe(CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED);
  });

  it('keeps the result in the spool when the collector loses it, and delivers it again under the same seq', async () => {
    let lost = 0;
    const { fake, sensorId } = await setup({
      // The collector "crashes" before committing the first result it sees.
      onData: (_conn, env) => (env.body === 'commandResult' && lost++ === 0 ? 'no-store-close' : undefined),
    });
    const command = signedCommand(alice, { sensorId, verb: 'myip' });
    fake.sendCommand(sensorId, command);
    await until(() => resultFor(fake, sensorId, command.id!) !== undefined, 'the result after the reconnect');
    expect(lost).toBeGreaterThanOrEqual(2);
    const seq = Number(resultFor(fake, sensorId, command.id!)!.seq);
    // Sent twice (once lost, once stored), stored once, under one seq.
    expect(fake.received.filter((r) => r.seq === seq)).toHaveLength(2);
    expect(fake.storedOf(sensorId, 'commandResult')).toHaveLength(1);
    expect(fake.connections.length).toBeGreaterThanOrEqual(2);
  });
});
