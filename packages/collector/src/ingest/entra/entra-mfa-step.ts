import type { MfaResult } from '../mfa-event.js';
import { toReasonCode } from '../reason-code.js';

/**
 * What Entra ID's MFA result texts mean (authenticationStepResultDetail,
 * status.additionalDetails, mfaDetail.authDetail): "MFA denied; user
 * declined the authentication", "MFA successfully completed", ...
 *
 * | text (after "MFA denied; ")                              | result  | reason                |
 * |-----------------------------------------------------------|---------|-----------------------|
 * | … fraud … / suspicious activity                           | fraud   | user_marked_fraud     |
 * | user declined the authentication                          | denied  | user_declined         |
 * | user did not respond to mobile app notification           | denied  | no_response           |
 * | user never entered the verification code, went to voicemail | denied | no_response          |
 * | user hung up the phone call …                             | denied  | user_hung_up          |
 * | user is blocked                                           | failure | user_blocked          |
 * | service error, misconfiguration, unable to reach/send …   | error   | the text, snake_case  |
 * | other denials (incorrect code, duplicate attempt, …)      | failure | the text, snake_case  |
 * | MFA successfully completed / completed in Azure AD        | success | mfa_completed         |
 * | MFA required …, satisfied by claim / token, skipped …     | none: no prompt was answered in this sign-in |
 */
export type StepMeaning =
  | { kind: 'outcome'; result: MfaResult; reason: string }
  /** No MFA prompt was answered here (interrupt, claim in token, skipped). */
  | { kind: 'no-prompt' }
  | { kind: 'unknown' };

const DENIED_PREFIX = /^(?:azure\s+)?(?:mfa|multi-factor authentication)\s+denied\s*;?\s*/i;

export function readMfaText(raw: string): StepMeaning {
  const text = raw.trim().replace(/\.$/, '');
  if (text === '') return { kind: 'unknown' };
  const lower = text.toLowerCase();
  if (/fraud|suspicious activity/.test(lower)) return outcome('fraud', 'user_marked_fraud');
  if (/successfully completed|completed in azure ad|mfa completed/.test(lower)) return outcome('success', 'mfa_completed');
  if (/^mfa required|satisfied by (?:claim|token|strong)|previously satisfied|skipped|requirement satisfied/.test(lower)) {
    return { kind: 'no-prompt' };
  }
  const detail = lower.replace(DENIED_PREFIX, '');
  const denied = DENIED_PREFIX.test(lower);
  if (/declined/.test(detail)) return outcome('denied', 'user_declined');
  if (/did not respond|never entered|went to voicemail|no response|timed? ?out/.test(detail)) return outcome('denied', 'no_response');
  if (/hung up/.test(detail)) return outcome('denied', 'user_hung_up');
  if (/user is blocked/.test(detail)) return outcome('failure', 'user_blocked');
  if (/service error|misconfiguration|unable to (?:reach|send)|invalid format/.test(detail)) return outcome('error', toReasonCode(detail));
  if (denied) return outcome('failure', toReasonCode(detail) || 'mfa_denied');
  return { kind: 'unknown' };
}

function outcome(result: MfaResult, reason: string): StepMeaning {
  return { kind: 'outcome', result, reason };
}
