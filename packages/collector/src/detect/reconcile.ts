import { CollectorError } from '../errors.js';
import { compareText } from './event-order.js';
import type { AlertDraft, AlertMerge, AlertReconciliation, AlertSave, ExistingAlert } from './types.js';

/**
 * Keys the store adds to an alert — identity, times, and the analyst's
 * triage (status, assignee, tags) — none of them the detector's content:
 * an alert whose verdict is unchanged is not saved again because someone
 * assigned it.
 */
const STORE_KEYS = new Set(['id', 'created_at', 'updated_at', 'status', 'assignee', 'tags']);

/**
 * One alert per burst, updated — never duplicated — as data arrives late.
 *
 * Each draft (taken oldest first) takes the id of the lowest-numbered
 * stored alert of the same user whose push span, widened by `marginMs` on
 * both sides, overlaps the draft's span and that no earlier draft took. A
 * stored alert that overlaps a draft but was not taken was merged into it (a
 * late push joined two bursts) and is removed: the merged burst keeps the
 * lowest id. Stored alerts that overlap no draft are left alone — the caller
 * may have passed only the drafts of the span it recomputed.
 *
 * A draft whose content equals its stored alert's (every field, whatever the
 * key order) is not saved, so running detection again on the same data
 * changes nothing. Because bursts only grow as data arrives (bursts.ts), an
 * alert made from part of the data always overlaps the draft made from all of
 * it; a margin of M (burstWindowMs) is safe — two distinct bursts of a user
 * are more than M apart, so it never joins them.
 *
 * Pure; `remove` comes sorted by id, each with the id of the alert that
 * takes it in, `save` in the drafts' time order.
 */
export function reconcileAlerts(existing: readonly ExistingAlert[], drafts: readonly AlertDraft[], marginMs: number): AlertReconciliation {
  if (!(Number.isFinite(marginMs) && marginMs >= 0)) {
    throw new CollectorError('COLLECTOR_E_INTERNAL', `reconcileAlerts: marginMs must be a number ≥ 0, got ${String(marginMs)}`);
  }
  const stored = existing
    .map((alert, i) => ({ alert, ...span(alert, `existing[${i}] (alert ${alert.id})`) }))
    .sort((a, b) => a.alert.id - b.alert.id);
  const fresh = drafts
    .map((draft, i) => ({ draft, ...span(draft, `drafts[${i}]`) }))
    .sort((a, b) => a.first - b.first || compareText(a.draft.user, b.draft.user) || a.last - b.last);

  const taken = new Set<number>();
  // Each overlapped alert, with the id that the first draft to overlap it took. A draft that took
  // none found every alert it overlaps taken already, so an alert that ends up removed has one.
  const touched = new Map<number, number | null>();
  const save: AlertSave[] = [];
  for (const d of fresh) {
    const overlapping = stored.filter((s) => s.alert.user === d.draft.user && s.first - marginMs <= d.last && d.first <= s.last + marginMs);
    const mine = overlapping.find((s) => !taken.has(s.alert.id));
    for (const s of overlapping) {
      if (!touched.has(s.alert.id)) touched.set(s.alert.id, mine?.alert.id ?? null);
    }
    if (mine === undefined) {
      save.push({ id: null, draft: d.draft });
      continue;
    }
    taken.add(mine.alert.id);
    if (!sameContent(mine.alert, d.draft)) save.push({ id: mine.alert.id, draft: d.draft });
  }
  const remove: AlertMerge[] = [...touched]
    .filter(([id]) => !taken.has(id))
    .sort(([a], [b]) => a - b)
    .map(([id, intoId]) => {
      if (intoId === null) throw new CollectorError('COLLECTOR_E_INTERNAL', `reconcileAlerts: alert ${id} is to go, but into no alert`);
      return { id, intoId };
    });
  return { save, remove };
}

function span(alert: AlertDraft, where: string): { first: number; last: number } {
  const first = Date.parse(alert.first_push);
  const last = Date.parse(alert.last_push);
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    throw new CollectorError('COLLECTOR_E_INTERNAL',
      `reconcileAlerts: ${where}: first_push/last_push are not dates (${JSON.stringify(alert.first_push)}, ${JSON.stringify(alert.last_push)})`);
  }
  return { first, last };
}

function sameContent(stored: ExistingAlert, draft: AlertDraft): boolean {
  const content = (o: object) => Object.fromEntries(Object.entries(o).filter(([k, v]) => !STORE_KEYS.has(k) && v !== undefined));
  return canonicalJson(content(stored)) === canonicalJson(content(draft));
}

/** JSON with object keys sorted at every level: equal content, equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareText(a, b)))
      : v);
}
