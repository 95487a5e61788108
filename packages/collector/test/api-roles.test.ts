import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '../src/api/api-handler.js';
import { ADMIN_TOKEN, startTestCollector, type TestCollector } from './gateway-harness.js';

/**
 * The role each endpoint needs, written out independently of ROUTES: a route
 * whose role changes, or a new route, fails here until this table agrees.
 */
const EXPECTED: Record<string, 'viewer' | 'responder' | 'admin'> = {
  'GET /sensors': 'viewer',
  'GET /processes': 'viewer',
  'POST /ingest/:source': 'responder',
  'GET /alerts': 'viewer',
  'GET /alerts/:id': 'viewer',
  'POST /alerts/:id/triage': 'responder',
  'GET /alerts/:id/bundle': 'viewer',
  'GET /loops': 'viewer',
  'GET /tokens': 'admin',
  'POST /tokens/create': 'admin',
  'POST /tokens/revoke': 'admin',
  'GET /whoami': 'viewer',
  'POST /sensors/:id/commands': 'responder',
  'GET /commands': 'responder',
  'GET /commands/:id': 'responder',
  'GET /audit': 'admin',
  'GET /collector-key': 'viewer',
};

const RANK = { viewer: 0, responder: 1, admin: 2 } as const;

async function call(c: TestCollector, method: string, path: string, token: string | null, body?: unknown) {
  const res = await fetch(`${c.url}/api/v1${path}`, {
    method,
    headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, any> };
}

describe('API roles', () => {
  let c: TestCollector;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    c = await startTestCollector();
    for (const role of ['viewer', 'responder', 'admin'] as const) {
      const res = await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: `${role}-1`, role });
      expect(res.status).toBe(200);
      expect(res.body.token).toMatch(/^ptk_[A-Za-z0-9_-]{43}$/);
      tokens[role] = res.body.token as string;
    }
  });
  afterAll(async () => { await c.stop(); });

  it('has a role written down for every endpoint', () => {
    const actual = Object.fromEntries(Object.entries(ROUTES).map(([path, r]) => [`${r.method} ${path}`, r.role]));
    expect(actual).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED))('%s: 403 below %s, never 401/403 at or above it', async (key, needed) => {
    const [method, pattern] = key.split(' ') as [string, string];
    const path = pattern.replace(':source', 'duo').replace(':id', '1');
    for (const role of ['viewer', 'responder', 'admin'] as const) {
      // A body that is wrong on purpose: a refused call must be refused before the body is even read.
      const res = await call(c, method, path, tokens[role]!, method === 'POST' ? {} : undefined);
      if (RANK[role] < RANK[needed]) {
        expect(res.status, `${role} on ${key}`).toBe(403);
        expect(res.body.error.code).toBe('COLLECTOR_E_FORBIDDEN');
        expect(res.body.error.message).toContain(`needs role ${needed}`);
      } else {
        expect([401, 403], `${role} on ${key}: ${JSON.stringify(res.body)}`).not.toContain(res.status);
      }
    }
    expect((await call(c, method, path, null)).status).toBe(401);
  });

  it('refuses a revoked token with 401 and names who is calling on /whoami', async () => {
    const made = await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: 'short-lived', role: 'viewer' });
    const token = made.body.token as string;
    expect((await call(c, 'GET', '/whoami', token)).body).toEqual({ name: 'short-lived', role: 'viewer', kind: 'api-token' });
    expect((await call(c, 'POST', '/tokens/revoke', ADMIN_TOKEN, { name: 'short-lived' })).status).toBe(200);
    const after = await call(c, 'GET', '/whoami', token);
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('COLLECTOR_E_UNAUTHENTICATED');
    expect((await call(c, 'POST', '/tokens/revoke', ADMIN_TOKEN, { name: 'short-lived' })).status).toBe(404);
  });

  it('refuses bad token requests with coded 400/409 and lists tokens without their secrets', async () => {
    const dup = await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: 'viewer-1', role: 'viewer' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('COLLECTOR_E_CONFLICT');
    const badRole = await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: 'x', role: 'root' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error.message).toMatch(/^create token: role: /);
    const badName = await call(c, 'POST', '/tokens/create', ADMIN_TOKEN, { name: 'has space', role: 'viewer' });
    expect(badName.body.error.message).toMatch(/^create token: name: /);
    const list = await call(c, 'GET', '/tokens', ADMIN_TOKEN);
    expect(list.body.tokens.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['viewer-1', 'responder-1', 'admin-1']));
    expect(JSON.stringify(list.body)).not.toContain(tokens.viewer);
    const audit = await call(c, 'GET', '/audit', tokens.admin!);
    expect(audit.body.chain.intact).toBe(true);
    expect(audit.body.entries.filter((e: { action: string }) => e.action === 'token.created').length).toBeGreaterThanOrEqual(3);
  });

  it('audits a viewer trying to issue a live-response command', async () => {
    const res = await call(c, 'POST', '/sensors/7/commands', tokens.viewer!, {});
    expect(res.status).toBe(403);
    const audit = await call(c, 'GET', '/audit', ADMIN_TOKEN);
    const denied = audit.body.entries.filter((e: { action: string }) => e.action === 'command.denied');
    expect(denied.at(-1)).toMatchObject({ actor: 'viewer-1', sensor_id: 7, outcome: 'forbidden', detail: { role: 'viewer' } });
  });
});
