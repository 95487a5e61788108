/**
 * A provider's reason text as MfaEvent.reason wants it, lower_snake_case:
 * "User mistake" → "user_mistake", "INVALID_CREDENTIALS" → "invalid_credentials".
 * The wording is the provider's; only the spelling is made uniform so the
 * detector and the console can compare reasons across sources.
 */
export function toReasonCode(text: string): string {
  return text.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}
