/**
 * One MFA authentication event, normalised from whatever log it came from
 * (Duo first; Okta and Entra ID next). The detector sees only this shape.
 */
export interface MfaEvent {
  /** Which provider's log it came from. */
  source: MfaSource;
  /** The provider's id of the event (Duo txid, Okta uuid, Entra id); "" if the log has none. */
  eventId: string;
  /** When the provider logged it, Unix epoch ms (the provider's clock, i.e. real time). */
  timeMs: number;
  /** Account name as the provider knows it ("jdoe", "jdoe@example.com"). */
  user: string;
  /** The protected application ("api-prod", "Office 365"); "" if none. */
  application: string;
  /** Provider event type ("authentication", "user.authentication.auth_via_mfa"). */
  eventType: string;
  /** Second factor as the provider names it ("duo_push", "phone_call", "push", ...); "" if none. */
  factor: string;
  /** True when the factor is a push notification (what MFA fatigue abuses). */
  isPush: boolean;
  result: MfaResult;
  /** Provider reason, lower_snake_case ("no_response", "user_mistake", "user_marked_fraud", "user_approved"). */
  reason: string;
  /** IP of the device that asked to authenticate, port stripped; null if the log has none. */
  accessIp: string | null;
  /** Hostname of that device if the provider reports one. */
  accessHostname: string | null;
  /** The second-factor device ("iPhone 6", "Duo Push Apple - iPhone 6"). */
  authDevice: string | null;
}

export type MfaSource = 'duo' | 'okta' | 'entra';

/**
 * Outcome of the attempt. `success` = approved; `denied` = the user said no
 * or did not answer; `fraud` = the user reported it as fraud; `failure` /
 * `error` = the provider failed it for another reason (disabled user, ...).
 */
export type MfaResult = 'success' | 'denied' | 'fraud' | 'failure' | 'error';

/** A record of an input log that could not be turned into an MfaEvent. */
export interface RejectedRecord {
  /** Where in the input: "line 17" (CSV / JSON lines) or "record 4" (JSON array / envelope). */
  where: string;
  /** Why, in words an analyst can act on ("Timestamp: not a date: 'yesterday'"). */
  reason: string;
}

/** What a parser made of one input. Good records go in even when others are rejected. */
export interface ParseResult {
  events: MfaEvent[];
  rejected: RejectedRecord[];
}
