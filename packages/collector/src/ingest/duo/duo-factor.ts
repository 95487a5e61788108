import { toReasonCode } from '../reason-code.js';

/** A Duo second factor, read from an API value or an Admin Panel label. */
export interface DuoFactor {
  /** API v2 name: "duo_push", "phone_call", ...; "" if none. */
  factor: string;
  isPush: boolean;
  /** The device text that followed the label ("Apple - iPhone 6 (...)"), if any. */
  device: string | null;
}

/** Factors that put a push notification on the user's phone: what MFA fatigue abuses. */
const PUSH_FACTORS: ReadonlySet<string> = new Set(['duo_push', 'verified_duo_push']);

/**
 * Admin Panel labels (CSV "Second Factor", and the v1 API's `factor`) and the
 * v2 names they stand for. Longer labels first: "SMS Passcode" before "Passcode".
 */
const LABELS: readonly (readonly [label: string, factor: string])[] = [
  ['verified duo push', 'verified_duo_push'],
  ['duo push', 'duo_push'],
  ['phone call', 'phone_call'],
  ['sms passcode', 'sms_passcode'],
  ['sms refresh', 'sms_refresh'],
  ['duo mobile passcode', 'duo_mobile_passcode'],
  ['yubikey passcode', 'yubikey_code'],
  ['bypass code', 'bypass_code'],
  ['hardware token', 'hardware_token'],
  ['remembered device', 'remembered_device'],
  ['trusted network', 'trusted_network'],
  ['security key', 'webauthn_security_key'],
  ['passcode', 'passcode'],
];

const NONE: DuoFactor = Object.freeze({ factor: '', isPush: false, device: null });

export function readDuoFactor(raw: string): DuoFactor {
  const text = raw.trim();
  if (text === '') return NONE;
  const lower = text.toLowerCase();
  if (/^[a-z0-9_]+$/.test(lower)) return { factor: lower, isPush: PUSH_FACTORS.has(lower), device: null };
  for (const [label, factor] of LABELS) {
    if (!lower.startsWith(label)) continue;
    const next = lower.charAt(label.length);
    if (next !== '' && !/[\s(:\-–]/.test(next)) continue;
    const device = text.slice(label.length).replace(/^[\s:\-–]+/, '').trim();
    return { factor, isPush: PUSH_FACTORS.has(factor), device: device === '' ? null : device };
  }
  // A label we do not know: keep it, spelt like the others, and claim no push.
  return { factor: toReasonCode(text), isPush: false, device: null };
}
