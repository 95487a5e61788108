import { CollectorError } from '../errors.js';
import type { StoredAlert } from '../store/store.js';

/**
 * What leaves the collector when an alert opens, changes or is merged into another: the same
 * object is the webhook's POST body and one line of the JSON-lines file.
 * Documented field by field in docs/alert-forwarding.md; a change that
 * removes or retypes a field bumps the version, new fields do not.
 */
export const ALERT_EVENT_SCHEMA_VERSION = 1;

export const ALERT_EVENT_KINDS = ['alert.opened', 'alert.updated', 'alert.triaged', 'alert.merged'] as const;
export type AlertEventKind = (typeof ALERT_EVENT_KINDS)[number];

/**
 * What the collector hands the forwarder. `alert` is the alert as the API
 * shows it (GET /api/v1/alerts/:id), whatever fields it has grown since —
 * triage state included; it is serialised as given.
 */
export interface AlertEventOffer {
  kind: AlertEventKind;
  alert: StoredAlert;
  /** When it happened (the save or the triage step), collector clock, epoch ms. */
  at_ms: number;
  /** alert.merged only: the alert folded into `alert` and gone since (a later push joined the two bursts). */
  merged_alert_id?: number;
}

export interface AlertEvent {
  schema_version: typeof ALERT_EVENT_SCHEMA_VERSION;
  /** Unique per event; retries of the same event carry the same id, so receivers dedupe on it. */
  delivery_id: string;
  kind: AlertEventKind;
  /** at_ms as an ISO-8601 UTC text, for readers that want one. */
  at: string;
  at_ms: number;
  alert: StoredAlert;
  /** alert.merged only: the id that no longer exists; its triage notes now sit on `alert`. */
  merged_alert_id?: number;
}

const KINDS: ReadonlySet<string> = new Set(ALERT_EVENT_KINDS);

/**
 * Checks an offer and wraps it with the schema version and a delivery id.
 * Throws CollectorError COLLECTOR_E_INTERNAL for an offer the caller built
 * wrongly (the forwarder logs it; it never reaches ingestion).
 */
export function toAlertEvent(offer: AlertEventOffer, deliveryId: string): AlertEvent {
  const bad = (why: string) => new CollectorError('COLLECTOR_E_INTERNAL', `alert event offered to the forwarder: ${why}`);
  if (typeof offer !== 'object' || offer === null) throw bad('not an object');
  if (!KINDS.has(offer.kind)) throw bad(`kind must be one of ${ALERT_EVENT_KINDS.join(', ')}, got ${JSON.stringify(offer.kind)}`);
  if (!Number.isSafeInteger(offer.at_ms) || offer.at_ms < 0) throw bad(`at_ms must be epoch milliseconds, got ${JSON.stringify(offer.at_ms)}`);
  const alert = offer.alert as unknown;
  if (typeof alert !== 'object' || alert === null) throw bad('alert is not an object');
  const id = (alert as { id?: unknown }).id;
  if (!Number.isSafeInteger(id) || (id as number) <= 0) throw bad(`alert.id must be a positive integer, got ${JSON.stringify(id)}`);
  const merged = offer.merged_alert_id;
  if (offer.kind === 'alert.merged') {
    if (!Number.isSafeInteger(merged) || (merged as number) <= 0 || merged === id) {
      throw bad(`alert.merged needs merged_alert_id, a positive integer other than alert.id, got ${JSON.stringify(merged)}`);
    }
  } else if (merged !== undefined) {
    throw bad(`merged_alert_id belongs to alert.merged only, not ${offer.kind}`);
  }
  return {
    schema_version: ALERT_EVENT_SCHEMA_VERSION,
    delivery_id: deliveryId,
    kind: offer.kind,
    at: new Date(offer.at_ms).toISOString(),
    at_ms: offer.at_ms,
    alert: offer.alert,
    ...(merged === undefined ? {} : { merged_alert_id: merged }),
  };
}
