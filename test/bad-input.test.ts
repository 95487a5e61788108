import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CloseCode, encodeEnvelope, PROTOCOL_VERSION } from '@pushtrace/proto';
import { startAgent, type AgentHandle } from './helpers/agent.js';
import { startCollector, type CollectorHandle } from './helpers/collector.js';
import { storedSeqs } from './helpers/collector-db.js';
import { startDns, type DnsResponder } from './helpers/dns-responder.js';
import { RECONNECT_SCRIPT, startStandin, type Standin } from './helpers/standin.js';
import { startTcpServer, type LocalTcpServer } from './helpers/tcp-server.js';
import { waitFor } from './helpers/wait-for.js';

const MAX_FRAME = 64 * 1024;

/** Opens a raw connection to /agent, sends `frames`, resolves with the close code and ErrorNotice-bearing frames. */
function closeCodeFor(url: string, frames: Array<Uint8Array | string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}/agent`, { maxPayload: 1 << 20 });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('collector did not close the connection'));
    }, 10_000);
    ws.on('open', () => {
      for (const frame of frames) ws.send(frame);
    });
    ws.on('error', () => {});
    ws.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

const hello = (auth: { enrollSecret?: string; sensorToken?: string }, protocolVersion = PROTOCOL_VERSION) =>
  encodeEnvelope({ protocolVersion, hello: { ...auth, hostname: 'bad-peer', agentVersion: 'test' } });

// Bad input gets its coded close and affects nothing else: a good agent on
// the same collector keeps streaming through all of it.
describe('bad input at the agent gateway', () => {
  let dns: DnsResponder;
  let collector: CollectorHandle;
  let server: LocalTcpServer;
  let churn: Standin;
  let agent: AgentHandle;

  beforeAll(async () => {
    dns = await startDns('198.51.100.30');
    collector = await startCollector({ extraArgs: ['--max-frame-bytes', String(MAX_FRAME)] });
    server = await startTcpServer();
    churn = startStandin('churn', RECONNECT_SCRIPT, [String(server.port), '0', '200', '300']);
    agent = startAgent({ collectorUrl: collector.wsUrl, enrollSecret: collector.enrollSecret, resolver: dns.address });
    await waitFor('good agent storing data', () => storedSeqs(collector.dbPath, 1).length > 2 || undefined, { timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await agent?.stop();
    await churn?.stop();
    await collector?.stop();
    await server?.close();
    await dns?.stop();
  });

  it('closes each bad peer with its code', async () => {
    const url = collector.wsUrl;
    expect(await closeCodeFor(url, [new Uint8Array([0xff, 0xff, 0xff, 0x07, 0x01])])).toBe(CloseCode.UNDECODABLE);
    expect(await closeCodeFor(url, ['{"hello":"text frames are not protobuf"}'])).toBe(CloseCode.UNDECODABLE);
    expect(await closeCodeFor(url, [new Uint8Array(MAX_FRAME + 1024)])).toBe(CloseCode.MESSAGE_TOO_BIG);
    expect(await closeCodeFor(url, [hello({ enrollSecret: collector.enrollSecret }, PROTOCOL_VERSION + 41)])).toBe(CloseCode.UNSUPPORTED_VERSION);
    expect(await closeCodeFor(url, [hello({ sensorToken: 'not-a-token-anyone-issued' })])).toBe(CloseCode.BAD_SENSOR_TOKEN);
    expect(await closeCodeFor(url, [hello({ enrollSecret: 'wrong secret' })])).toBe(CloseCode.BAD_ENROLL_SECRET);
    expect(await closeCodeFor(url, [encodeEnvelope({ seq: 1, externalIp: { ip: '192.0.2.1' } })])).toBe(CloseCode.PROTOCOL_VIOLATION);
  });

  it('keeps serving the good agent throughout', async () => {
    const before = storedSeqs(collector.dbPath, 1);
    const high = before[before.length - 1]!;
    const after = await waitFor('good agent still storing', () => {
      const seqs = storedSeqs(collector.dbPath, 1);
      return seqs[seqs.length - 1]! > high ? seqs : undefined;
    }, { timeoutMs: 30_000 });
    expect(after.length).toBeGreaterThan(before.length);
    // Only one sensor exists: none of the bad peers enrolled.
    const disconnects = agent.logs.filter((l) => typeof l.retryInMs === 'number');
    expect(disconnects).toEqual([]);
  });
});
