import { z } from 'zod';
import { CollectorError } from '../errors.js';
import { ALERT_STATUSES, type TriageStep } from '../store/analyst-store.js';
import { buildEvidenceBundle } from '../triage/evidence-bundle.js';
import { positiveInteger, type RouteInput } from './api-handler.js';
import { parseJsonBody } from './json-body.js';

const TAG = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/, 'must be 1-64 letters, digits, ".", "_", ":", "/" or "-"');
const NOTE = z.string().max(4000, 'at most 4000 characters').default('');

const triageBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('status'), status: z.enum(ALERT_STATUSES as [string, ...string[]]), note: NOTE }),
  z.strictObject({ action: z.literal('tag'), tag: TAG, note: NOTE }),
  z.strictObject({ action: z.literal('untag'), tag: TAG, note: NOTE }),
  z.strictObject({ action: z.literal('assign'), assignee: z.string().max(128), note: NOTE }),
  z.strictObject({ action: z.literal('note'), note: z.string().min(1, 'a note needs text').max(4000, 'at most 4000 characters') }),
]);

/** POST /alerts/:id/triage — one step (status, tag, untag, assign, note); the alert with its triage after it. */
export async function triageAlertRoute({ ctx, principal, path, body }: RouteInput): Promise<unknown> {
  const id = positiveInteger('alert id', path[0] ?? '', Number.MAX_SAFE_INTEGER);
  const input = parseJsonBody(body, triageBody, `triage alert ${id}`);
  const nowMs = ctx.now();
  const step = { ...input, author: principal.name, nowMs } as TriageStep;
  const triage = await ctx.store.triageAlert(id, step);
  await ctx.store.appendAudit({
    atMs: nowMs, actor: principal.name, action: `alert.${input.action}`, outcome: 'ok',
    detail: { alert_id: id, ...input },
  });
  const alert = await ctx.store.getAlert(id);
  if (alert === null) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no alert ${id}`);
  ctx.alertChanged?.('alert.triaged', alert);
  return { alert, triage };
}

/** GET /alerts/:id/bundle — the evidence bundle's files with their sha256, for the CLI to write. */
export async function alertBundleRoute({ ctx, principal, path }: RouteInput): Promise<unknown> {
  const id = positiveInteger('alert id', path[0] ?? '', Number.MAX_SAFE_INTEGER);
  await ctx.detection.idle();
  const alert = await ctx.store.getAlert(id);
  const triage = await ctx.store.getAlertTriage(id);
  if (alert === null || triage === null) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no alert ${id}`);
  const nowMs = ctx.now();
  const bundle = await buildEvidenceBundle(ctx.store, alert, triage, ctx.detectionConfig, nowMs);
  const manifest = bundle.files.find((f) => f.name === 'manifest.json')!;
  await ctx.store.appendAudit({
    atMs: nowMs, actor: principal.name, action: 'alert.exported', outcome: 'ok', detail: { alert_id: id, manifest_sha256: manifest.sha256 },
  });
  return bundle;
}
