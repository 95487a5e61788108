import type { Envelope } from '@pushtrace/proto';

/**
 * A 64-bit field as a plain number. @pushtrace/proto decodes set 64-bit
 * fields as numbers, but a field absent on the wire (proto3's 0) currently
 * comes back as the generated prototype default, a Long object: the
 * generated code picks its defaults before the codec switches Long off.
 */
export function wireNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return 0;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'object' && typeof (value as { toNumber?: unknown }).toNumber === 'function') {
    return (value as { toNumber(): number }).toNumber();
  }
  return Number(value);
}

/** The 64-bit fields of pushtrace.proto, per message, as the generated code names them. */
const LONG_FIELDS = {
  envelope: ['seq', 'sentAtMs'],
  hello: ['nextSeq'],
  checkin: ['nextCheckinAtMs', 'agentUptimeS', 'spoolQueuedMessages', 'spoolQueuedBytes'],
  hostInfo: ['bootTimeMs', 'observedAtMs'],
  processInfo: ['startTimeMs', 'observedAtMs'],
  netconnBatch: ['sampledAtMs'],
  netconnEvent: ['firstSeenMs', 'lastSeenMs'],
  externalIp: ['observedAtMs'],
  spoolDrops: ['droppedMessages', 'droppedBytes', 'lastDroppedSeq'],
  ack: ['throughSeq'],
  welcome: ['lastStoredSeq'],
} as const;

function fix(message: object | null | undefined, fields: readonly string[]): void {
  if (message === null || message === undefined) return;
  const record = message as Record<string, unknown>;
  for (const field of fields) {
    const value = record[field];
    if (typeof value !== 'number') record[field] = wireNumber(value);
  }
}

/**
 * Makes every 64-bit field of a decoded envelope (and of its body) an own
 * plain number, so the gateway and the store can compare with `===` and do
 * arithmetic. Done once where frames enter the collector. Harmless, and
 * removable, once the codec no longer leaks Long defaults.
 */
export function normaliseLongs(envelope: Envelope): Envelope {
  fix(envelope, LONG_FIELDS.envelope);
  switch (envelope.body) {
    case 'netconnBatch':
      fix(envelope.netconnBatch, LONG_FIELDS.netconnBatch);
      for (const event of envelope.netconnBatch?.events ?? []) fix(event, LONG_FIELDS.netconnEvent);
      break;
    case 'hello': case 'checkin': case 'hostInfo': case 'processInfo':
    case 'externalIp': case 'spoolDrops': case 'ack': case 'welcome':
      fix(envelope[envelope.body], LONG_FIELDS[envelope.body]);
      break;
    default:
      break;
  }
  return envelope;
}
