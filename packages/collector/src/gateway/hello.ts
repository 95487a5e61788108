import { CloseCode, type Envelope, type Welcome } from '@pushtrace/proto';
import type { Store } from '../store/store.js';
import { violation, type Refusal } from './frame-rules.js';
import { hashToken, newSensorToken, secretsEqual } from './secrets.js';

export interface HelloContext {
  readonly store: Store;
  readonly enrollSecret: string;
  readonly checkinIntervalS: number;
  readonly now: () => number;
}

export type HelloOutcome =
  | { readonly refusal: Refusal; readonly knownSensorId: number | null }
  | { readonly sensorId: number; readonly welcome: Welcome; readonly enrolled: boolean };

/**
 * Answers a Hello: enrolls (enroll secret, compared in constant time; a new
 * sensor with a fresh token of which only the hash is stored) or recognises
 * a sensor by its token. Store failures propagate to the caller.
 */
export async function answerHello(envelope: Envelope, ctx: HelloContext): Promise<HelloOutcome> {
  const hello = envelope.hello!;
  if (hello.auth === 'enrollSecret') {
    if (!secretsEqual(hello.enrollSecret ?? '', ctx.enrollSecret)) {
      return { knownSensorId: null, refusal: { code: 'COLLECTOR_E_BAD_ENROLL_SECRET', closeCode: CloseCode.BAD_ENROLL_SECRET,
        message: 'the enroll secret does not match this deployment\'s' } };
    }
    const sensorToken = newSensorToken();
    const sensorId = await ctx.store.createSensor({
      tokenHash: hashToken(sensorToken),
      hostname: hello.hostname ?? '',
      agentVersion: hello.agentVersion ?? '',
      enrolledAtMs: ctx.now(),
    });
    return { sensorId, enrolled: true, welcome: { sensorId, sensorToken, lastStoredSeq: 0, checkinIntervalS: ctx.checkinIntervalS } };
  }
  if (hello.auth === 'sensorToken') {
    const row = await ctx.store.findSensorByTokenHash(hashToken(hello.sensorToken ?? ''));
    if (row === null || row.revokedAtMs !== null) {
      return { knownSensorId: row?.sensorId ?? null, refusal: { code: 'COLLECTOR_E_BAD_SENSOR_TOKEN', closeCode: CloseCode.BAD_SENSOR_TOKEN,
        message: 'the sensor token is unknown or revoked; the agent must be enrolled again' } };
    }
    if (envelope.sensorId !== 0 && envelope.sensorId !== row.sensorId) {
      return { knownSensorId: row.sensorId, refusal: { code: 'COLLECTOR_E_WRONG_SENSOR', closeCode: CloseCode.WRONG_SENSOR,
        message: `Hello names sensor ${envelope.sensorId} but the token belongs to sensor ${row.sensorId}` } };
    }
    const lastStoredSeq = await ctx.store.lastStoredSeq(row.sensorId);
    return { sensorId: row.sensorId, enrolled: false,
      welcome: { sensorId: row.sensorId, lastStoredSeq, checkinIntervalS: ctx.checkinIntervalS } };
  }
  return { knownSensorId: null, refusal: violation('Hello carries neither enroll_secret nor sensor_token') };
}
