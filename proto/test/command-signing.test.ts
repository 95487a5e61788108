import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CommandStatus,
  commandSigningBytes,
  commandSigningFields,
  decodeEnvelope,
  encodeEnvelope,
  formatEd25519PublicKey,
  parseEd25519PublicKey,
  signCommand,
  verifyCommandSignature,
  type CommandSigningFields,
} from '../src/index.js';

// RFC 8032 section 7.1, TEST 1: a published ed25519 key pair, so the vector
// below can be checked by any other implementation.
const RFC8032_SEED = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const RFC8032_PUBLIC = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const PKCS8_ED25519_PREFIX = '302e020100300506032b657004220420';

function rfcPrivateKey(): KeyObject {
  return createPrivateKey({ key: Buffer.from(PKCS8_ED25519_PREFIX + RFC8032_SEED, 'hex'), format: 'der', type: 'pkcs8' });
}

// FIELDS signed with the RFC key, computed once with node:crypto.
const KNOWN_SIGNATURE_HEX = '70bb3cd738caaec4290f086808be4acb756bc0e0f230c2ab8606ce385498756062ae2bea935ca4e36e8bda9f7d99b2a425cca73480cb86e0e2b7e75d2304f100';

const FIELDS: CommandSigningFields = {
  id: '6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  sensorId: 54341,
  verb: 'procinfo',
  args: ['4242'],
  issuedBy: 'alice',
  keyId: 'alice-2025',
  issuedAtMs: 1_795_000_000_000,
  deadlineMs: 1_795_000_300_000,
};

describe('commandSigningBytes', () => {
  it('is the documented JSON array with the domain tag', () => {
    expect(commandSigningBytes(FIELDS).toString('utf8')).toBe(
      '["pushtrace-command-v1","6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",54341,"procinfo",["4242"],'
      + '"alice","alice-2025",1795000000000,1795000300000]');
  });

  it('keeps field boundaries unambiguous', () => {
    // Moving a character between neighbouring fields must change the bytes.
    const a = commandSigningBytes({ ...FIELDS, args: ['a', 'b'] });
    const b = commandSigningBytes({ ...FIELDS, args: ['a","b'] });
    const c = commandSigningBytes({ ...FIELDS, args: ['ab'] });
    expect(new Set([a.toString('hex'), b.toString('hex'), c.toString('hex')]).size).toBe(3);
    const d = commandSigningBytes({ ...FIELDS, issuedBy: 'al', keyId: 'icealice-2025' });
    expect(d.equals(commandSigningBytes(FIELDS))).toBe(false);
  });

  it('refuses values no peer could reproduce', () => {
    for (const bad of [
      { sensorId: -1 }, { sensorId: 2 ** 32 }, { sensorId: 1.5 },
      { issuedAtMs: 2 ** 53 }, { deadlineMs: Number.NaN }, { args: [7] as unknown as string[] },
      { id: undefined as unknown as string },
    ]) {
      expect(() => commandSigningBytes({ ...FIELDS, ...bad }))
        .toThrow(expect.objectContaining({ code: 'PROTO_E_BAD_COMMAND_FIELDS' }));
    }
  });
});

describe('known vector (RFC 8032 TEST 1 key)', () => {
  it('derives the published public key and signs the empty message as published', async () => {
    const key = rfcPrivateKey();
    expect(formatEd25519PublicKey(key)).toBe('ed25519:' + Buffer.from(RFC8032_PUBLIC, 'hex').toString('base64'));
    const { sign } = await import('node:crypto');
    expect(sign(null, Buffer.alloc(0), key).toString('hex')).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b');
  });

  it('signs FIELDS to a fixed signature that verifies', () => {
    const signature = signCommand(FIELDS, rfcPrivateKey());
    // ed25519 is deterministic: this pins the whole encoding. Another
    // implementation that signs FIELDS with the RFC key must get these bytes.
    expect(signature.toString('hex')).toBe(KNOWN_SIGNATURE_HEX);
    const publicKey = parseEd25519PublicKey('ed25519:' + Buffer.from(RFC8032_PUBLIC, 'hex').toString('base64'));
    expect(verifyCommandSignature(FIELDS, signature, publicKey)).toBe(true);
  });
});

describe('verifyCommandSignature', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signature = signCommand(FIELDS, privateKey);

  it('accepts the signed fields', () => {
    expect(verifyCommandSignature(FIELDS, signature, publicKey)).toBe(true);
  });

  it('rejects a change to any single field', () => {
    const changes: Partial<CommandSigningFields>[] = [
      { id: FIELDS.id.replace('6f', '6e') },
      { sensorId: FIELDS.sensorId ^ 1 },
      { verb: 'kill' },
      { args: ['4243'] },
      { args: ['4242', 'x'] },
      { args: [] },
      { issuedBy: 'mallory' },
      { keyId: 'alice-2026' },
      { issuedAtMs: FIELDS.issuedAtMs + 1 },
      { deadlineMs: FIELDS.deadlineMs ^ 1 },
    ];
    for (const change of changes) {
      expect(verifyCommandSignature({ ...FIELDS, ...change }, signature, publicKey), JSON.stringify(change)).toBe(false);
    }
  });

  it('rejects every single flipped bit of the signature', () => {
    for (let bit = 0; bit < signature.length * 8; bit++) {
      const flipped = Buffer.from(signature);
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expect(verifyCommandSignature(FIELDS, flipped, publicKey)).toBe(false);
    }
  });

  it('rejects another key, a short signature and a non-ed25519 key', () => {
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyCommandSignature(FIELDS, signature, other)).toBe(false);
    expect(verifyCommandSignature(FIELDS, signature.subarray(0, 63), publicKey)).toBe(false);
    expect(verifyCommandSignature(FIELDS, new Uint8Array(0), publicKey)).toBe(false);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(verifyCommandSignature(FIELDS, signature, rsa)).toBe(false);
  });

  it('refuses to sign with anything but an ed25519 private key', () => {
    expect(() => signCommand(FIELDS, publicKey)).toThrow(expect.objectContaining({ code: 'PROTO_E_BAD_KEY' }));
  });

  it('survives a protobuf round trip of the Command', () => {
    const bytes = encodeEnvelope({ sensorId: 0, seq: 0, command: { ...FIELDS, args: [...FIELDS.args], signature } });
    const envelope = decodeEnvelope(bytes);
    expect(envelope.body).toBe('command');
    const c = envelope.command!;
    expect(commandSigningFields(c)).toEqual(FIELDS);
    expect(verifyCommandSignature(commandSigningFields(c), c.signature!, publicKey)).toBe(true);
  });
});

describe('CommandResult', () => {
  it('round-trips as a data message with bytes output and a status code', () => {
    const stdout = Buffer.from([0xff, 0x00, 0x41]);
    const bytes = encodeEnvelope({
      sensorId: 9, seq: 12, sentAtMs: 5,
      commandResult: {
        id: FIELDS.id, status: CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED, exitCode: -1, stdout,
        stderr: Buffer.from('e'), truncated: true, startedAtMs: 1_795_000_000_001, finishedAtMs: 1_795_000_000_002,
        message: 'seen before',
      },
    });
    const envelope = decodeEnvelope(bytes);
    expect(envelope.body).toBe('commandResult');
    expect(envelope.seq).toBe(12);
    const r = envelope.commandResult!;
    expect(r.status).toBe(15);
    expect(r.exitCode).toBe(-1);
    expect(Buffer.from(r.stdout!).equals(stdout)).toBe(true);
    expect(r.truncated).toBe(true);
    expect(r.finishedAtMs).toBe(1_795_000_000_002);
    expect(r.message).toBe('seen before');
  });
});
