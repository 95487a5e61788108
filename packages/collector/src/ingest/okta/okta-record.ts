import { normaliseAccessIp } from '../access-ip.js';
import { at, textAt } from '../json-fields.js';
import { isObject } from '../json-records.js';
import { parseLogTime } from '../log-time.js';
import type { MfaResult } from '../mfa-event.js';
import type { MfaParseOptions } from '../parse-options.js';
import { toReasonCode } from '../reason-code.js';

/**
 * What one Okta System Log event says about MFA, before pushes are paired
 * with their outcomes (okta-json.ts). Okta logs a push in two or three events
 * — the push sent, then the user's answer (or nothing, when they ignore it),
 * then possibly a report of suspicious activity — so each event is read as
 * one of these roles:
 *
 * | eventType                                          | outcome                         | role         | result / reason                      |
 * |----------------------------------------------------|---------------------------------|--------------|--------------------------------------|
 * | system.push.send_factor_verify_push                | SUCCESS                         | push-sent    | (from its answer; none: no_response) |
 * | system.push.send_factor_verify_push                | FAILURE / DENY                  | standalone   | error / push_not_sent                |
 * | user.authentication.auth_via_mfa                   | SUCCESS / ALLOW                 | push-answer¹ | success / user_approved              |
 * | user.authentication.auth_via_mfa                   | pushOnlyResponseType …DENY      | push-answer  | denied / user_denied                 |
 * | user.authentication.auth_via_mfa                   | reason says timeout / expired   | push-answer¹ | denied / no_response                 |
 * | user.authentication.auth_via_mfa                   | other FAILURE / DENY            | push-answer¹ | failure / outcome.reason             |
 * | user.mfa.okta_verify.deny_push                     | any                             | push-answer  | denied / user_denied                 |
 * | user.mfa.okta_verify.deny_push_upgrade_needed      | any                             | push-answer  | denied / user_denied_upgrade_needed  |
 * | user.account.report_suspicious_activity_by_enduser | any                             | fraud-report | fraud / user_marked_fraud            |
 * | user.mfa.attempt_bypass                            | SUCCESS / ALLOW; else           | standalone   | success; else failure / attempt_bypass |
 * | anything else                                      |                                 | ignored (not an MFA event; a full System Log export is mostly these) |
 *
 * ¹ Only when the factor is a push (debugData.factor …PUSH, a
 * pushOnlyResponseType, an enrollment "methodTypeUsed" naming a push), or
 * unknown and a push was sent just before; a TOTP or SMS answer stands alone
 * with isPush false.
 */
export type OktaRole = 'push-sent' | 'push-answer' | 'fraud-report' | 'standalone';

export interface OktaItem {
  role: OktaRole;
  /** Position in the input, to keep equal times in file order. */
  order: number;
  uuid: string;
  timeMs: number;
  user: string;
  application: string;
  eventType: string;
  factor: string;
  /** yes / no, or unknown when the event does not say (decided by pairing). */
  push: 'yes' | 'no' | 'unknown';
  result: MfaResult;
  reason: string;
  accessIp: string | null;
  authDevice: string | null;
  /** authenticationContext.externalSessionId: a push and its answer share it. */
  sessionId: string | null;
}

const PUSH_FACTOR = 'okta_verify_push';
const MFA_TYPES: ReadonlySet<string> = new Set([
  'system.push.send_factor_verify_push',
  'user.authentication.auth_via_mfa',
  'user.mfa.okta_verify.deny_push',
  'user.mfa.okta_verify.deny_push_upgrade_needed',
  'user.account.report_suspicious_activity_by_enduser',
  'user.mfa.attempt_bypass',
]);

/**
 * One event → its MFA reading; null if it is not an MFA event (ignored, not
 * rejected); a string if it is one but unusable. `publishedMs` is set for
 * every event with a valid time, so the caller knows how far the log reaches.
 */
export function readOktaRecord(value: unknown, order: number, options: MfaParseOptions,
  seen: { publishedMs: number | null }): OktaItem | string | null {
  seen.publishedMs = null;
  if (!isObject(value)) return `not a JSON object but ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const eventType = textAt(value, 'eventType');
  const published = textAt(value, 'published');
  const time = published === undefined ? null : parseLogTime(published, {
    offsetMinutes: options.timeZoneOffsetMinutes, zoneLessIsUtc: true,
  });
  if (time !== null && time.ok) seen.publishedMs = time.ms;
  if (eventType === undefined) return 'eventType: missing';
  if (!MFA_TYPES.has(eventType)) return null;

  const problems: string[] = [];
  if (time === null) problems.push('published: missing');
  else if (!time.ok) problems.push(`published: ${time.why}`);
  const user = textAt(value, 'actor', 'alternateId');
  if (user === undefined) problems.push('actor.alternateId: missing');
  if (problems.length > 0 || time === null || !time.ok || user === undefined) return problems.join('; ');

  const outcome = (textAt(value, 'outcome', 'result') ?? '').toUpperCase();
  const outcomeReason = textAt(value, 'outcome', 'reason') ?? '';
  const debug = at(value, 'debugContext', 'debugData');
  const debugFactor = textAt(debug, 'factor');
  const pushResponse = textAt(debug, 'pushOnlyResponseType');
  const targets = Array.isArray(value.target) ? value.target.filter(isObject) : [];
  const enrollment = targets.find((t) => t.type === 'AuthenticatorEnrollment');
  const methodUsed = textAt(enrollment, 'detailEntry', 'methodTypeUsed');
  const app = targets.find((t) => t.type === 'AppInstance');
  const session = textAt(value, 'authenticationContext', 'externalSessionId');

  const item: OktaItem = {
    role: 'standalone',
    order,
    uuid: textAt(value, 'uuid') ?? '',
    timeMs: time.ms,
    user,
    application: textAt(app, 'displayName') ?? '',
    eventType,
    factor: debugFactor === undefined ? '' : toReasonCode(debugFactor),
    push: 'unknown',
    result: 'failure',
    reason: '',
    accessIp: normaliseAccessIp(at(value, 'client', 'ipAddress')),
    authDevice: textAt(enrollment, 'displayName') ?? null,
    sessionId: session === undefined || session.toLowerCase() === 'unknown' ? null : session,
  };
  const succeeded = outcome === 'SUCCESS' || outcome === 'ALLOW';

  switch (eventType) {
    case 'system.push.send_factor_verify_push':
      return succeeded
        ? { ...item, role: 'push-sent', factor: PUSH_FACTOR, push: 'yes', result: 'denied', reason: 'no_response' }
        : { ...item, factor: PUSH_FACTOR, push: 'yes', result: 'error', reason: 'push_not_sent' };
    case 'user.mfa.okta_verify.deny_push':
      return { ...item, role: 'push-answer', factor: PUSH_FACTOR, push: 'yes', result: 'denied', reason: 'user_denied' };
    case 'user.mfa.okta_verify.deny_push_upgrade_needed':
      return { ...item, role: 'push-answer', factor: PUSH_FACTOR, push: 'yes', result: 'denied', reason: 'user_denied_upgrade_needed' };
    case 'user.account.report_suspicious_activity_by_enduser':
      return { ...item, role: 'fraud-report', push: 'no', result: 'fraud', reason: 'user_marked_fraud' };
    case 'user.mfa.attempt_bypass':
      return { ...item, push: 'no', result: succeeded ? 'success' : 'failure', reason: 'attempt_bypass' };
    default: // user.authentication.auth_via_mfa
      return authViaMfa(item, succeeded, outcomeReason, debugFactor, pushResponse, methodUsed);
  }
}

function authViaMfa(item: OktaItem, succeeded: boolean, outcomeReason: string,
  debugFactor: string | undefined, pushResponse: string | undefined, methodUsed: string | undefined): OktaItem {
  const pushNamed = /push/i.test(debugFactor ?? '') || pushResponse !== undefined || /push/i.test(methodUsed ?? '');
  const push = pushNamed ? 'yes' : debugFactor === undefined && methodUsed === undefined ? 'unknown' : 'no';
  const factor = item.factor !== '' ? item.factor : push === 'yes' ? PUSH_FACTOR : '';
  const answer: OktaItem = { ...item, role: push === 'no' ? 'standalone' : 'push-answer', factor, push };
  if (succeeded) return { ...answer, result: 'success', reason: toReasonCode(outcomeReason) || (push === 'no' ? '' : 'user_approved') };
  if (pushResponse !== undefined && /deny|reject/i.test(pushResponse)) return { ...answer, result: 'denied', reason: 'user_denied' };
  if (/time\s*out|timed\s*out|expired|no response/i.test(`${outcomeReason} ${pushResponse ?? ''}`)) {
    return { ...answer, result: 'denied', reason: 'no_response' };
  }
  return { ...answer, result: 'failure', reason: toReasonCode(outcomeReason) || 'verification_failed' };
}
