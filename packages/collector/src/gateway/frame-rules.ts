import { CloseCode, PROTOCOL_VERSION, type CloseCodeValue, type Envelope } from '@pushtrace/proto';
import type { CollectorErrorCode } from '../errors.js';
import { AGENT_CONTROL_BODIES, DATA_BODIES } from './body-kinds.js';

/** Why a connection is being closed: the code for the ErrorNotice and the close code. */
export interface Refusal {
  readonly code: CollectorErrorCode;
  readonly closeCode: CloseCodeValue;
  readonly message: string;
}

export const violation = (message: string): Refusal =>
  ({ code: 'COLLECTOR_E_PROTOCOL_VIOLATION', closeCode: CloseCode.PROTOCOL_VIOLATION, message });

/**
 * Why this decoded frame may not come now, or null if it may. `sensorId` is
 * the sensor the connection authenticated as, null while it awaits its
 * Hello. Pure: the session applies the answer.
 */
export function checkFrame(envelope: Envelope, sensorId: number | null): Refusal | null {
  const body = envelope.body!;
  if (envelope.protocolVersion !== PROTOCOL_VERSION) {
    return { code: 'COLLECTOR_E_UNSUPPORTED_VERSION', closeCode: CloseCode.UNSUPPORTED_VERSION,
      message: `protocol_version ${envelope.protocolVersion} is not spoken here (this collector speaks ${PROTOCOL_VERSION})` };
  }
  if (sensorId === null) {
    return body === 'hello' ? null : violation(`the first frame must be a Hello, got ${body}`);
  }
  if (envelope.sensorId !== 0 && envelope.sensorId !== sensorId) {
    return { code: 'COLLECTOR_E_WRONG_SENSOR', closeCode: CloseCode.WRONG_SENSOR,
      message: `frame names sensor ${envelope.sensorId} but this connection is sensor ${sensorId}` };
  }
  if (body === 'hello') return violation('a second Hello on one connection');
  if (DATA_BODIES.has(body)) {
    return envelope.seq > 0 ? null : violation(`${body} is a data message and needs seq > 0, got seq ${envelope.seq}`);
  }
  if (AGENT_CONTROL_BODIES.has(body)) {
    return envelope.seq === 0 ? null : violation(`${body} is a control message and needs seq 0, got seq ${envelope.seq}`);
  }
  return violation(`${body} is sent by the collector, never by an agent`);
}
