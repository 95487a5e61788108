import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new sensor token: 32 random bytes, base64url (43 characters). */
export function newSensorToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the store keeps instead of a token: lower-case hex SHA-256. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Compares two secrets in time independent of where they differ. Both sides
 * are hashed first so that the lengths match and the length of the
 * configured secret does not leak either.
 */
export function secretsEqual(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(expected, 'utf8').digest();
  return timingSafeEqual(a, b);
}
