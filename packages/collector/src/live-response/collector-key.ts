import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { formatEd25519PublicKey, parseEd25519PrivateKey } from '@pushtrace/proto';
import { CollectorError } from '../errors.js';

/** The key id agents must give the collector's key in liveResponse.trustedKeys. */
export const COLLECTOR_KEY_ID = 'collector';

export interface CollectorKey {
  readonly keyId: string;
  readonly privateKey: KeyObject;
  /** `ed25519:<base64>`, the one-line form agents' configs take. */
  readonly publicKeyText: string;
  readonly file: string;
  readonly created: boolean;
}

export function collectorKeyFile(dbPath: string): string {
  return `${dbPath}.collector-key.pem`;
}

/**
 * The collector's own signing key, for the commands it issues itself
 * (automatic `myip` confirmation). Created 0600 beside the database at
 * first start. Agents decide what it may sign: trusting it for `myip` only
 * means a stolen database or a compromised collector can do no more.
 */
export async function loadOrCreateCollectorKey(dbPath: string): Promise<CollectorKey> {
  const file = collectorKeyFile(dbPath);
  let pem: string | null = null;
  try {
    pem = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new CollectorError('COLLECTOR_E_CONFIG', `collector key ${file}: ${(err as Error).message}`, { cause: err });
    }
  }
  if (pem !== null) {
    let privateKey: KeyObject;
    try {
      privateKey = parseEd25519PrivateKey(pem);
    } catch (err) {
      throw new CollectorError('COLLECTOR_E_CONFIG', `collector key ${file}: not an ed25519 private key (${(err as Error).message}); delete it to make a new one`);
    }
    return { keyId: COLLECTOR_KEY_ID, privateKey, publicKeyText: formatEd25519PublicKey(privateKey), file, created: false };
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_CONFIG', `collector key ${file}: cannot create: ${(err as Error).message}`, { cause: err });
  }
  return { keyId: COLLECTOR_KEY_ID, privateKey, publicKeyText: formatEd25519PublicKey(privateKey), file, created: true };
}
