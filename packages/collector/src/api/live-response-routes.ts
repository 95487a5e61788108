import { z } from 'zod';
import { CollectorError } from '../errors.js';
import { toCommandView } from '../live-response/command-wire.js';
import type { ApiContext, RouteInput } from './api-handler.js';
import { positiveInteger } from './api-handler.js';
import type { Principal } from './auth.js';
import { parseJsonBody } from './json-body.js';

/** Longest a GET /commands/:id?wait= holds the request open, ms. */
const MAX_WAIT_MS = 30_000;

const commandBody = z.strictObject({
  id: z.uuid(),
  verb: z.string().regex(/^[a-z][a-z0-9_-]{0,31}$/, 'must be a verb name such as myip, ps, procinfo'),
  args: z.array(z.string().max(1024, 'an argument is at most 1024 characters')).max(16, 'at most 16 arguments').default([]),
  issued_by: z.string().min(1).max(128),
  key_id: z.string().min(1).max(128),
  issued_at_ms: z.number().int().positive(),
  deadline_ms: z.number().int().positive(),
  signature: z.base64().refine((s) => Buffer.from(s, 'base64').length === 64, 'must be a 64-byte ed25519 signature, base64'),
  alert_id: z.number().int().positive().nullable().default(null),
});

/**
 * POST /sensors/:id/commands — a signed command for one sensor. The
 * collector stores and forwards it; whether it runs is the agent's call.
 */
export async function issueCommandRoute({ ctx, principal, path, body }: RouteInput): Promise<unknown> {
  const sensorId = positiveInteger('sensor id', path[0] ?? '', 0xffffffff);
  const c = parseJsonBody(body, commandBody, `command for sensor ${sensorId}`);
  const row = await ctx.liveResponse.issue({
    id: c.id, sensorId, verb: c.verb, args: c.args, issuedBy: c.issued_by, keyId: c.key_id, issuedAtMs: c.issued_at_ms,
    deadlineMs: c.deadline_ms, signature: c.signature,
  }, principal.name, c.alert_id);
  return { command: toCommandView(row), connected: ctx.isConnected(sensorId) };
}

/** Audits a refused attempt to issue a command (a viewer token, say). */
export async function onCommandForbidden(ctx: ApiContext, principal: Principal, path: readonly string[]): Promise<void> {
  await ctx.liveResponse.denied(principal.name, principal.role, path[0] ?? '');
}

/** GET /commands/:id[?wait=MS] — one command and its result; with wait, holds until it settles or the wait ends. */
export async function getCommandRoute({ ctx, path, query }: RouteInput): Promise<unknown> {
  const id = path[0] ?? '';
  const waitText = query.get('wait');
  const waitMs = waitText === null ? 0 : positiveInteger('wait', waitText, MAX_WAIT_MS);
  const row = waitMs > 0 ? await ctx.liveResponse.waitFor(id, waitMs) : await ctx.store.getCommand(id);
  if (row === null) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no command ${id}`);
  return { command: toCommandView(row), connected: ctx.isConnected(row.sensorId) };
}

/** GET /commands[?sensor=ID][&alert=ID][&limit=N] — newest first. */
export async function listCommandsRoute({ ctx, query }: RouteInput): Promise<unknown> {
  const sensor = query.get('sensor');
  const alert = query.get('alert');
  const limit = query.get('limit');
  const rows = await ctx.store.listCommands({
    ...(sensor === null ? {} : { sensorId: positiveInteger('sensor', sensor, 0xffffffff) }),
    ...(alert === null ? {} : { alertId: positiveInteger('alert', alert, Number.MAX_SAFE_INTEGER) }),
    limit: limit === null ? 200 : positiveInteger('limit', limit, 10_000),
  });
  return { commands: rows.map(toCommandView) };
}

/** GET /audit[?limit=N][&sensor=ID][&command=ID] — oldest first, with whether the hash chain holds. */
export async function listAuditRoute({ ctx, query }: RouteInput): Promise<unknown> {
  const sensor = query.get('sensor');
  const command = query.get('command');
  const limit = query.get('limit');
  const entries = await ctx.store.listAudit({
    limit: limit === null ? 1000 : positiveInteger('limit', limit, 100_000),
    ...(sensor === null ? {} : { sensorId: positiveInteger('sensor', sensor, 0xffffffff) }),
    ...(command === null ? {} : { commandId: command }),
  });
  const chain = await ctx.store.verifyAuditChain();
  return {
    chain: { entries: chain.entries, intact: chain.brokenAt === null, broken_at: chain.brokenAt },
    entries: entries.map((e) => ({
      id: e.id, at: new Date(e.atMs).toISOString(), actor: e.actor, action: e.action, sensor_id: e.sensorId, command_id: e.commandId,
      verb: e.verb, args: e.args, outcome: e.outcome, output_sha256: e.outputSha256, detail: e.detail, entry_hash: e.entryHash,
    })),
  };
}

/** GET /collector-key — the public key agents trust (for myip only) so the collector can confirm alerts itself. */
export async function collectorKeyRoute({ ctx }: RouteInput): Promise<unknown> {
  const key = ctx.collectorPublicKey;
  return {
    auto_confirm: key !== null,
    key_id: key === null ? null : 'collector',
    public_key: key,
    agent_config: key === null ? null : { liveResponse: { trustedKeys: [{ name: 'collector', publicKey: key, verbs: ['myip'] }] } },
  };
}
