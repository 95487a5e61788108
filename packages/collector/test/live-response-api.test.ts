// The collector's side of live response, against a protocol-level agent:
// what it stores, sends, resends, expires and audits. The real agent's side
// is in test/live-response.test.ts.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pb, signCommand, verifyCommandSignature } from '@pushtrace/proto';
import { ADMIN_TOKEN, TestAgent, startTestCollector, type TestCollector } from './gateway-harness.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');

async function call(c: TestCollector, method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${c.url}/api/v1${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: JSON.parse(await res.text()) as Record<string, any> };
}

function signed(sensorId: number, verb: string, args: string[], lifetimeMs = 60_000) {
  const now = Date.now();
  const fields = { id: randomUUID(), sensorId, verb, args, issuedBy: 'ana', keyId: 'ana', issuedAtMs: now, deadlineMs: now + lifetimeMs };
  return {
    fields,
    body: {
      id: fields.id, verb, args, issued_by: 'ana', key_id: 'ana', issued_at_ms: now, deadline_ms: fields.deadlineMs,
      signature: signCommand(fields, privateKey).toString('base64'),
    },
  };
}

describe('live response: collector side', () => {
  let c: TestCollector;
  let responder: string;
  beforeAll(async () => {
    c = await startTestCollector();
    responder = (await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: 'resp', role: 'responder' })).body.token as string;
  });
  afterAll(async () => { await c.stop(); });

  it('forwards a signed command unchanged, records the agent\'s result once, and audits every step', async () => {
    const { agent, sensorId } = await TestAgent.enroll(c.agentUrl, 'lr-host');
    const { fields, body } = signed(sensorId, 'procinfo', ['4242']);
    const issued = await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, body);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ connected: true, command: { id: fields.id, state: 'sent', requested_by: 'resp', verb: 'procinfo' } });

    const frame = await agent.nextWhere((e) => e.body === 'command');
    expect(frame.seq).toBe(0);
    const cmd = frame.command!;
    expect({ id: cmd.id, sensorId: cmd.sensorId, verb: cmd.verb, args: cmd.args, keyId: cmd.keyId, deadlineMs: cmd.deadlineMs })
      .toEqual({ id: fields.id, sensorId, verb: 'procinfo', args: ['4242'], keyId: 'ana', deadlineMs: fields.deadlineMs });
    // What reached the agent still verifies against the operator's key: the collector changed nothing.
    expect(verifyCommandSignature({ ...fields, args: cmd.args! }, cmd.signature!, publicKey)).toBe(true);

    const waiting = call(c, 'GET', `/commands/${fields.id}?wait=10000`, responder);
    agent.send({ sensorId, seq: 1, commandResult: {
      id: fields.id, status: pb.CommandStatus.COMMAND_STATUS_OK, exitCode: 0, stdout: Buffer.from('{"pid":4242}\n'), stderr: Buffer.alloc(0),
      truncated: false, startedAtMs: Date.now(), finishedAtMs: Date.now(),
    } });
    await agent.ackedThrough(1);
    const done = await waiting;
    expect(done.body.command).toMatchObject({ state: 'done', result: { status: 'ok', stdout: '{"pid":4242}\n', exit_code: 0 } });

    const audit = await call(c, 'GET', `/audit?command=${fields.id}`, ADMIN_TOKEN);
    expect(audit.body.chain.intact).toBe(true);
    expect(audit.body.entries.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['command.issued', 'resp'], ['command.sent', 'collector'], ['command.result', `sensor ${sensorId}`],
    ]);
    expect(audit.body.entries[2]).toMatchObject({ verb: 'procinfo', args: ['4242'], outcome: 'ok', output_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    agent.ws.close();
  });

  it('holds a command for an offline sensor, delivers it on reconnect, and resends an unanswered one', async () => {
    const { agent, sensorId, token } = await TestAgent.enroll(c.agentUrl, 'sleepy');
    agent.ws.close();
    await agent.closed;
    const { fields, body } = signed(sensorId, 'myip', []);
    const issued = await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, body);
    expect(issued.body).toMatchObject({ connected: false, command: { state: 'pending', sent_at: null } });

    const back = await TestAgent.reconnect(c.agentUrl, token);
    const first = await back.agent.nextWhere((e) => e.body === 'command');
    expect(first.command!.id).toBe(fields.id);
    // Dropped before answering: the next connection gets it again.
    back.agent.ws.close();
    await back.agent.closed;
    const again = await TestAgent.reconnect(c.agentUrl, token);
    expect((await again.agent.nextWhere((e) => e.body === 'command')).command!.id).toBe(fields.id);
    const audit = await call(c, 'GET', `/audit?command=${fields.id}`, ADMIN_TOKEN);
    expect(audit.body.entries.map((e: { outcome: string }) => e.outcome)).toEqual(['pending', 'sent', 'resent']);
    again.agent.ws.close();
  });

  it('expires a command whose sensor never came back, and says so', async () => {
    const { agent, sensorId } = await TestAgent.enroll(c.agentUrl, 'gone');
    agent.ws.close();
    await agent.closed;
    const { fields, body } = signed(sensorId, 'ps', [], 1500);
    await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, body);
    const settled = await call(c, 'GET', `/commands/${fields.id}?wait=10000`, responder);
    expect(settled.body.command).toMatchObject({ state: 'expired', result: null, sent_at: null });
    const audit = await call(c, 'GET', `/audit?command=${fields.id}`, ADMIN_TOKEN);
    expect(audit.body.entries.at(-1)).toMatchObject({ action: 'command.expired', outcome: 'expired', detail: { was_sent: false } });
  });

  it('refuses bad command requests with a coded 400/404 naming the field', async () => {
    const { sensorId } = await TestAgent.enroll(c.agentUrl, 'strict');
    const { body } = signed(sensorId, 'ps', []);
    const cases: Array<[unknown, number, RegExp]> = [
      [{ ...body, signature: 'AAAA' }, 400, /signature: must be a 64-byte ed25519 signature/],
      [{ ...body, id: 'not-a-uuid' }, 400, /id: /],
      [{ ...body, verb: 'rm -rf /' }, 400, /verb: must be a verb name/],
      [{ ...body, deadline_ms: Date.now() - 1000 }, 400, /has already passed/],
      [{ ...body, extra: 1 }, 400, /extra|unrecognized/i],
    ];
    for (const [payload, status, message] of cases) {
      const res = await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, payload);
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body.error.message).toMatch(message);
    }
    const unknown = await call(c, 'POST', '/sensors/999999/commands', responder, signed(999_999, 'ps', []).body);
    expect(unknown.status).toBe(404);
    const replay = await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, body);
    expect(replay.status).toBe(200);
    expect((await call(c, 'POST', `/sensors/${sensorId}/commands`, responder, body)).status).toBe(409);
  });
});
