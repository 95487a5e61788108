import { createHmac } from 'node:crypto';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, keyed with the webhook secret. */
export const SIGNATURE_HEADER = 'X-Pushtrace-Signature';
/** Unix seconds when this attempt was signed; part of the signed text. */
export const TIMESTAMP_HEADER = 'X-Pushtrace-Timestamp';
/** The event's delivery_id: the same on every retry, so receivers dedupe on it. */
export const DELIVERY_HEADER = 'X-Pushtrace-Delivery';
/** The event's kind (alert.opened, ...), so a receiver can route before parsing. */
export const EVENT_HEADER = 'X-Pushtrace-Event';

/**
 * Signs one attempt. The timestamp is inside the MAC so a receiver that
 * rejects old timestamps also rejects a captured request replayed later:
 * the body alone would verify forever. Each retry is signed afresh with its
 * own time, so a delivery that waited out an outage is not refused as stale.
 */
export function signWebhook(secret: string, timestampS: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampS}.${body}`, 'utf8').digest('hex')}`;
}
