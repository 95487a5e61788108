import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CommandSigningError } from './command-signing.js';

/** Prefix of the one-line public key form. */
export const ED25519_ONE_LINE_PREFIX = 'ed25519:';

/**
 * Reads an operator's ed25519 public key in either form `pushtrace keys
 * create` prints, so a config file can hold whichever is handier:
 *
 * - one line: `ed25519:<standard base64 of the 32 raw key bytes>`
 *   (fits a YAML/JSON string and an environment variable), or
 * - PEM SPKI: `-----BEGIN PUBLIC KEY----- ... -----END PUBLIC KEY-----`
 *   (what openssl and node:crypto export).
 *
 * Surrounding whitespace is ignored. Throws CommandSigningError
 * (PROTO_E_BAD_KEY) naming what is wrong for anything else, including a PEM
 * key of another algorithm.
 */
export function parseEd25519PublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  if (trimmed.startsWith(ED25519_ONE_LINE_PREFIX)) {
    const b64 = trimmed.slice(ED25519_ONE_LINE_PREFIX.length);
    if (!/^[A-Za-z0-9+/]{43}=$/.test(b64)) {
      throw new CommandSigningError('PROTO_E_BAD_KEY',
        `"${ED25519_ONE_LINE_PREFIX}" key must be followed by the base64 of exactly 32 bytes (44 characters ending in "=")`);
    }
    const raw = Buffer.from(b64, 'base64');
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  }
  if (trimmed.startsWith('-----BEGIN PUBLIC KEY-----')) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: trimmed, format: 'pem' });
    } catch (cause) {
      throw new CommandSigningError('PROTO_E_BAD_KEY', `PEM public key does not parse: ${(cause as Error).message}`, { cause });
    }
    if (key.asymmetricKeyType !== 'ed25519') {
      throw new CommandSigningError('PROTO_E_BAD_KEY',
        `PEM public key is ${key.asymmetricKeyType ?? 'of no known type'}, not ed25519`);
    }
    return key;
  }
  throw new CommandSigningError('PROTO_E_BAD_KEY',
    `public key must be "${ED25519_ONE_LINE_PREFIX}<base64>" or a PEM "-----BEGIN PUBLIC KEY-----" block`);
}

/** The one-line form of an ed25519 public key: `ed25519:<base64 of 32 bytes>`. */
export function formatEd25519PublicKey(key: KeyObject): string {
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CommandSigningError('PROTO_E_BAD_KEY', `key is ${key.asymmetricKeyType ?? 'symmetric'}, not ed25519`);
  }
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const jwk = publicKey.export({ format: 'jwk' });
  return ED25519_ONE_LINE_PREFIX + Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

/**
 * Reads an operator's ed25519 private key from PEM PKCS#8 (`-----BEGIN
 * PRIVATE KEY-----`, what `pushtrace keys create` writes). Throws
 * CommandSigningError (PROTO_E_BAD_KEY) for anything else.
 */
export function parseEd25519PrivateKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: text.trim(), format: 'pem' });
  } catch (cause) {
    throw new CommandSigningError('PROTO_E_BAD_KEY', `private key does not parse as PEM PKCS#8: ${(cause as Error).message}`, { cause });
  }
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new CommandSigningError('PROTO_E_BAD_KEY', `private key is ${key.asymmetricKeyType ?? 'of no known type'}, not ed25519`);
  }
  return key;
}
