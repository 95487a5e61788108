import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatEd25519PublicKey, parseEd25519PrivateKey, parseEd25519PublicKey } from '../src/index.js';

describe('ed25519 public key text', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');

  it('reads the one-line form and the PEM form to the same key', () => {
    const oneLine = `ed25519:${raw.toString('base64')}`;
    expect(formatEd25519PublicKey(publicKey)).toBe(oneLine);
    expect(formatEd25519PublicKey(privateKey)).toBe(oneLine);
    const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    for (const text of [oneLine, `  ${oneLine}\n`, pem]) {
      const parsed = parseEd25519PublicKey(text);
      expect(parsed.equals(publicKey)).toBe(true);
    }
  });

  it('names what is wrong with a bad key', () => {
    expect(() => parseEd25519PublicKey('ed25519:AAAA')).toThrow(/32 bytes/);
    expect(() => parseEd25519PublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5')).toThrow(/ed25519:<base64>/);
    const rsaPem = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(() => parseEd25519PublicKey(rsaPem)).toThrow(expect.objectContaining({ code: 'PROTO_E_BAD_KEY', message: expect.stringMatching(/rsa, not ed25519/) }));
    expect(() => parseEd25519PublicKey('-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----'))
      .toThrow(expect.objectContaining({ code: 'PROTO_E_BAD_KEY' }));
  });

  it('reads a PEM PKCS#8 private key', () => {
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(parseEd25519PrivateKey(pem).equals(privateKey)).toBe(true);
    expect(() => parseEd25519PrivateKey('nope')).toThrow(expect.objectContaining({ code: 'PROTO_E_BAD_KEY' }));
  });
});
