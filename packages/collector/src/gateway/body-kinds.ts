import type { BodyKind } from '@pushtrace/proto';

/**
 * Data messages are sequenced (seq > 0), spooled by the agent and acked once
 * committed; control messages (seq 0) describe the present and are never
 * replayed. The gateway refuses a body on the wrong side of that line.
 */
export const DATA_BODIES: ReadonlySet<BodyKind> = new Set<BodyKind>(['hostInfo', 'processInfo', 'netconnBatch', 'externalIp', 'commandResult']);

/** Control bodies an agent may send after Hello. */
export const AGENT_CONTROL_BODIES: ReadonlySet<BodyKind> = new Set<BodyKind>(['checkin', 'spoolDrops', 'error']);
