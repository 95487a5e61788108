import { afterEach, describe, expect, test } from 'vitest';
import { DnsResponder } from '../../../test/helpers/dns-responder.js';
import { AgentError } from '../src/errors.js';
import { lookupExternalIp } from '../src/sampling/external-ip.js';

const started: DnsResponder[] = [];
async function responder(options: ConstructorParameters<typeof DnsResponder>[0] = {}): Promise<DnsResponder> {
  const r = new DnsResponder(options);
  await r.start();
  started.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((r) => r.stop()));
});

async function rejection(promise: Promise<unknown>): Promise<AgentError> {
  try {
    await promise;
  } catch (err) {
    return err as AgentError;
  }
  throw new Error('expected a rejection');
}

describe('lookupExternalIp against a local DNS responder', () => {
  test('returns the A answer for myip.opendns.com and which resolver gave it', async () => {
    const dns = await responder({ ip: '198.51.100.23' });
    expect(await lookupExternalIp({ resolvers: [dns.address], timeoutMs: 1000 })).toEqual({ ip: '198.51.100.23', resolver: dns.address });
    expect(dns.queries.map((q) => [q.name, q.type])).toEqual([['myip.opendns.com', 'A']]);
  });

  test('sees the address change when the network does', async () => {
    const dns = await responder({ ip: '198.51.100.23' });
    expect((await lookupExternalIp({ resolvers: [dns.address], timeoutMs: 1000 })).ip).toBe('198.51.100.23');
    dns.setIp('203.0.113.99');
    expect((await lookupExternalIp({ resolvers: [dns.address], timeoutMs: 1000 })).ip).toBe('203.0.113.99');
  });

  test('falls back to the second resolver when the first never answers, within our deadline', async () => {
    const silent = await responder({ drop: true });
    const good = await responder({ ip: '198.51.100.7' });
    const timeoutMs = 400;
    const t0 = performance.now();
    const result = await lookupExternalIp({ resolvers: [silent.address, good.address], timeoutMs });
    const elapsed = performance.now() - t0;
    expect(result).toEqual({ ip: '198.51.100.7', resolver: good.address });
    expect(silent.queryCount).toBeGreaterThanOrEqual(1);
    // Loose on purpose: proves the per-resolver deadline, not the scheduler.
    expect(elapsed).toBeLessThan(3 * timeoutMs);
  });

  test('every resolver failing is AGENT_E_EXTERNAL_IP naming each one and why', async () => {
    const silent = await responder({ drop: true });
    const nx = await responder();
    const err = await rejection(lookupExternalIp({ resolvers: [silent.address, nx.address], timeoutMs: 300, hostname: 'not-myip.example' }));
    expect(err).toBeInstanceOf(AgentError);
    expect(err.code).toBe('AGENT_E_EXTERNAL_IP');
    expect(err.message).toContain(`${silent.address}: timed out after 300 ms`);
    expect(err.message).toContain(`${nx.address}: NXDOMAIN for not-myip.example`);
    expect((err.cause as AggregateError).errors).toHaveLength(2);
  });

  test('a resolver with nobody listening fails fast or by deadline, never hangs', async () => {
    const dns = await responder();
    const deadAddress = dns.address;
    await dns.stop();
    const err = await rejection(lookupExternalIp({ resolvers: [deadAddress], timeoutMs: 300 }));
    expect(err.code).toBe('AGENT_E_EXTERNAL_IP');
    expect(err.message).toMatch(new RegExp(`${deadAddress}: (connection refused|timed out after 300 ms)`));
  });

  test('an IPv6 resolver ([::1]:port)', async (ctx) => {
    let dns: DnsResponder;
    try {
      dns = await responder({ host: '::1', ip: '198.51.100.61' });
    } catch {
      ctx.skip('no IPv6 loopback on this machine');
      return;
    }
    expect(await lookupExternalIp({ resolvers: [dns.address], timeoutMs: 1000 })).toEqual({ ip: '198.51.100.61', resolver: dns.address });
  });

  test('a resolver given by name is looked up first, then queried by address', async () => {
    const dns = await responder({ ip: '198.51.100.88' });
    const asked: string[] = [];
    const result = await lookupExternalIp({
      resolvers: [`resolver.pushtrace.test:${dns.port}`],
      timeoutMs: 1000,
      lookupHost: async (host) => (asked.push(host), '127.0.0.1'),
    });
    expect(asked).toEqual(['resolver.pushtrace.test']);
    expect(result).toEqual({ ip: '198.51.100.88', resolver: dns.address });

    const err = await rejection(
      lookupExternalIp({ resolvers: ['nowhere.pushtrace.test'], timeoutMs: 300, lookupHost: () => Promise.reject(Object.assign(new Error('x'), { code: 'ENOTFOUND' })) }),
    );
    expect(err.message).toContain("nowhere.pushtrace.test:53: cannot look up the resolver's own name: ENOTFOUND");
  });

  test('an abort stops the lookup with the abort reason, not as a resolver failure', async () => {
    const silent = await responder({ drop: true });
    const controller = new AbortController();
    const pending = lookupExternalIp({ resolvers: [silent.address], timeoutMs: 10_000, signal: controller.signal });
    controller.abort(new Error('agent stopping'));
    await expect(pending).rejects.toThrowError('agent stopping');
  });

  test('bad input is AGENT_E_CONFIG before any query', async () => {
    expect((await rejection(lookupExternalIp({ resolvers: ['1.2.3.4:99999'] }))).code).toBe('AGENT_E_CONFIG');
    expect((await rejection(lookupExternalIp({ resolvers: [] }))).code).toBe('AGENT_E_CONFIG');
    expect((await rejection(lookupExternalIp({ resolvers: ['127.0.0.1'], timeoutMs: 0 }))).code).toBe('AGENT_E_CONFIG');
  });
});

describe('DnsResponder', () => {
  test('counts dropped queries and refuses a non-IPv4 answer', async () => {
    const dns = await responder({ drop: true });
    await rejection(lookupExternalIp({ resolvers: [dns.address], timeoutMs: 200 }));
    expect(dns.queryCount).toBe(1);
    dns.setDrop(false);
    expect((await lookupExternalIp({ resolvers: [dns.address], timeoutMs: 1000 })).ip).toBe(dns.ip);
    expect(() => dns.setIp('not-an-ip')).toThrowError(/not an IPv4 address/);
  });
});
