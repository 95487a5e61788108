import { CollectorError } from '../errors.js';
import type { AlertDraft, Severity, Verdict } from '../detect/types.js';
import type { AlertStatus } from './analyst-store.js';
import type { StoredAlert } from './store.js';

/**
 * How an alert is kept, whatever the backend: the whole draft as JSON (the
 * contract gains fields without a migration) beside the few columns that
 * queries select and order by, derived from the draft so the two cannot
 * disagree.
 */
export interface AlertColumns {
  user: string;
  firstPushMs: number;
  lastPushMs: number;
  verdict: Verdict;
  severity: Severity;
  body: string;
}

const VERDICTS: ReadonlySet<string> = new Set<Verdict>(['reconnect-loop', 'unattributed', 'sensor-no-process', 'ambiguous']);
const SEVERITIES: ReadonlySet<string> = new Set<Severity>(['low', 'medium', 'high']);

/** Keys the store assigns; a StoredAlert passed back as a draft must not carry stale ones into the body. */
const STORE_KEYS = new Set(['id', 'created_at', 'updated_at', 'status', 'assignee', 'tags']);

export function alertColumns(draft: AlertDraft, doing: string): AlertColumns {
  const reject = (why: string) => new CollectorError('COLLECTOR_E_STORE_REJECTED', `${doing}: ${why}`);
  if (typeof draft !== 'object' || draft === null) throw reject('the alert is not an object');
  if (typeof draft.user !== 'string') throw reject('user must be a string');
  if (!VERDICTS.has(draft.verdict)) throw reject(`verdict must be one of ${[...VERDICTS].join(', ')}, got ${JSON.stringify(draft.verdict)}`);
  if (!SEVERITIES.has(draft.severity)) throw reject(`severity must be one of ${[...SEVERITIES].join(', ')}, got ${JSON.stringify(draft.severity)}`);
  const firstPushMs = Date.parse(draft.first_push);
  const lastPushMs = Date.parse(draft.last_push);
  if (!Number.isFinite(firstPushMs)) throw reject(`first_push is not a date: ${JSON.stringify(draft.first_push)}`);
  if (!Number.isFinite(lastPushMs)) throw reject(`last_push is not a date: ${JSON.stringify(draft.last_push)}`);
  if (lastPushMs < firstPushMs) throw reject(`last_push ${draft.last_push} is before first_push ${draft.first_push}`);
  const body = Object.fromEntries(Object.entries(draft).filter(([k]) => !STORE_KEYS.has(k)));
  return { user: draft.user, firstPushMs, lastPushMs, verdict: draft.verdict, severity: draft.severity, body: JSON.stringify(body) };
}

export function toStoredAlert(row: {
  id: number; body: string; created_at_ms: number; updated_at_ms: number; status: string; assignee: string; tags: string;
}): StoredAlert {
  let draft: AlertDraft;
  try {
    draft = JSON.parse(row.body) as AlertDraft;
  } catch (cause) {
    throw new CollectorError('COLLECTOR_E_STORE_FAILED', `alert ${row.id}: stored body is not JSON: ${(cause as Error).message}`, { cause });
  }
  return {
    id: row.id,
    ...draft,
    created_at: new Date(row.created_at_ms).toISOString(),
    updated_at: new Date(row.updated_at_ms).toISOString(),
    status: row.status as AlertStatus,
    assignee: row.assignee,
    tags: JSON.parse(row.tags) as string[],
  };
}
