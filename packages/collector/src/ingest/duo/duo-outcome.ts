import type { MfaResult } from '../mfa-event.js';
import { toReasonCode } from '../reason-code.js';

/** Result and reason of one Duo authentication, normalised. */
export interface DuoOutcome {
  result: MfaResult;
  reason: string;
}

const RESULTS: Readonly<Record<string, MfaResult>> = {
  success: 'success', denied: 'denied', fraud: 'fraud', failure: 'failure', error: 'error',
};

/** Admin Panel reason texts whose API name is not just the text in snake_case. */
const DISPLAY_REASONS: Readonly<Record<string, string>> = {
  fraud: 'user_marked_fraud',
  marked_fraud: 'user_marked_fraud',
  user_is_disabled: 'user_disabled',
  user_canceled: 'user_cancelled',
  user_locked_out: 'locked_out',
};

/**
 * Reasons for which Duo's policy, not the user, refused. Duo logs them as
 * `denied`; MfaResult keeps `denied` for "the user said no or did not
 * answer", so these become `failure`. Unknown reasons keep Duo's result.
 */
const POLICY_REASONS: ReadonlySet<string> = new Set([
  'user_disabled', 'locked_out', 'deny_unenrolled_user', 'anomalous_push', 'frequent_attempts',
  'denied_by_policy', 'restricted_offline_access', 'user_not_in_permitted_group',
  'location_restricted', 'factor_restricted', 'platform_restricted', 'version_restricted',
  'software_restricted', 'invalid_device', 'out_of_date', 'rooted_device', 'no_screen_lock',
  'touch_id_disabled', 'no_disk_encryption', 'endpoint_is_not_trusted',
  'endpoint_is_not_in_management_system', 'could_not_determine_if_endpoint_was_trusted',
  'no_activated_duo_mobile_account', 'no_duo_certificate_present',
  'invalid_management_certificate_collection_state', 'queued_inflight_auth_expired',
]);

/** Marks the Admin Panel puts before a result (✖ ✗ ! ✓ ✔ ...), and '?' where an export lost them. */
const LEADING_MARKS = /^[\s\u2716\u2717\u2718\u2715\u00d7\u274c!\u2757\u26a0\u2713\u2714\u2611\u2705\u2022\u00b7\ufe0f\u200b?]+/u;
const PANEL_RESULT = /^access\s+(granted|denied)\b[\s:\-–—]*(.*)$/is;
const API_RESULT = /^(success|denied|fraud|failure|error)\b[\s:\-–—]*(.*)$/is;

/** From the API's `result` and `reason` fields (any case); null if the result is not one Duo uses. */
export function duoApiOutcome(result: string, reason: string): DuoOutcome | null {
  const normalised = RESULTS[result.trim().toLowerCase()];
  return normalised === undefined ? null : settle(normalised, reasonCode(reason));
}

/**
 * From an Admin Panel result cell — "✖ Access Denied No response",
 * "! Access Denied Fraud", "✓ Access Granted User approved", marks optional —
 * or an API word ("denied"); `reasonCell` is a separate Reason column, used
 * when the result cell carries none. Null if the cell is neither.
 */
export function duoPanelOutcome(resultCell: string, reasonCell: string): DuoOutcome | null {
  const text = resultCell.replace(LEADING_MARKS, '').trim();
  const panel = PANEL_RESULT.exec(text);
  if (panel !== null) {
    const result: MfaResult = panel[1]!.toLowerCase() === 'granted' ? 'success' : 'denied';
    return settle(result, reasonCode(panel[2]!.trim() === '' ? reasonCell : panel[2]!));
  }
  const api = API_RESULT.exec(text);
  if (api !== null) {
    return settle(RESULTS[api[1]!.toLowerCase()]!, reasonCode(api[2]!.trim() === '' ? reasonCell : api[2]!));
  }
  return null;
}

function reasonCode(text: string): string {
  const code = toReasonCode(text);
  return DISPLAY_REASONS[code] ?? code;
}

function settle(result: MfaResult, reason: string): DuoOutcome {
  if (result === 'fraud') return { result, reason: reason === '' ? 'user_marked_fraud' : reason };
  // The Admin Panel shows a fraud report as "Access Denied Fraud".
  if (reason === 'user_marked_fraud') return { result: 'fraud', reason };
  if (result === 'denied' && POLICY_REASONS.has(reason)) return { result: 'failure', reason };
  return { result, reason };
}
