import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CollectorError } from '../errors.js';
import { ROLES, type ApiTokenRow } from '../store/analyst-store.js';
import type { RouteInput } from './api-handler.js';
import { hashToken } from '../gateway/secrets.js';
import { parseJsonBody } from './json-body.js';

/** Names show up in audit entries and triage notes; keep them plain. */
export const TOKEN_NAME = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_", "@" or "-", starting with a letter or digit');

const createBody = z.strictObject({ name: TOKEN_NAME, role: z.enum(ROLES as [string, ...string[]]) });
const revokeBody = z.strictObject({ name: TOKEN_NAME });

/** POST /tokens/create — the token text is in this answer and nowhere else, ever. */
export async function createTokenRoute({ ctx, principal, body }: RouteInput): Promise<unknown> {
  const input = parseJsonBody(body, createBody, 'create token');
  const token = `ptk_${randomBytes(32).toString('base64url')}`;
  const nowMs = ctx.now();
  const row = await ctx.store.createApiToken({
    name: input.name, role: input.role as ApiTokenRow['role'], tokenHash: hashToken(token), createdBy: principal.name, nowMs,
  });
  await ctx.store.appendAudit({ atMs: nowMs, actor: principal.name, action: 'token.created', outcome: 'ok', detail: { name: row.name, role: row.role } });
  ctx.log.info({ name: row.name, role: row.role, by: principal.name }, 'API token created');
  return { token, ...toTokenView(row) };
}

export async function listTokensRoute({ ctx }: RouteInput): Promise<unknown> {
  return { tokens: (await ctx.store.listApiTokens()).map(toTokenView) };
}

export async function revokeTokenRoute({ ctx, principal, body }: RouteInput): Promise<unknown> {
  const { name } = parseJsonBody(body, revokeBody, 'revoke token');
  const nowMs = ctx.now();
  if (!(await ctx.store.revokeApiToken(name, nowMs))) {
    throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no live API token named "${name}"`);
  }
  await ctx.store.appendAudit({ atMs: nowMs, actor: principal.name, action: 'token.revoked', outcome: 'ok', detail: { name } });
  ctx.log.info({ name, by: principal.name }, 'API token revoked');
  return { revoked: name };
}

/** GET /whoami — lets the CLI say which token and role it is using. */
export async function whoAmI({ principal }: RouteInput): Promise<unknown> {
  return { name: principal.name, role: principal.role, kind: principal.kind };
}

function toTokenView(row: ApiTokenRow) {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    name: row.name, role: row.role, created_at: iso(row.createdAtMs), created_by: row.createdBy,
    last_used_at: iso(row.lastUsedAtMs), revoked_at: iso(row.revokedAtMs),
  };
}
