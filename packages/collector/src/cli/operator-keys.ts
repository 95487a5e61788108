import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatEd25519PublicKey, parseEd25519PrivateKey } from '@pushtrace/proto';
import { CollectorError } from '../errors.js';

/** An operator's signing key, as `pushtrace lr` uses it. */
export interface OperatorKey {
  /** The name agents' configs know the key by (liveResponse.trustedKeys[].name). */
  readonly name: string;
  readonly privateKey: KeyObject;
  readonly publicKeyText: string;
  readonly file: string;
}

export const KEY_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** Creates NAME.key (PKCS#8 PEM, 0600) and NAME.pub (one line) in `dir`; never overwrites. */
export async function createOperatorKey(dir: string, name: string): Promise<OperatorKey> {
  if (!KEY_NAME.test(name)) {
    throw new CollectorError('COLLECTOR_E_USAGE', `key name "${name}": use 1-64 letters, digits, ".", "_", "@" or "-"`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${name}.key`);
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKeyText = formatEd25519PublicKey(privateKey);
  try {
    await writeFile(file, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'EEXIST' ? 'already exists (keys are never overwritten)' : (err as Error).message;
    throw new CollectorError('COLLECTOR_E_USAGE', `key file ${file}: ${why}`);
  }
  await writeFile(path.join(dir, `${name}.pub`), `${publicKeyText}\n`, { mode: 0o644 });
  return { name, privateKey, publicKeyText, file };
}

/** Loads a key by name (from `dir`) or by path to a .key file; the name is the file's base name. */
export async function loadOperatorKey(dir: string, choice: string): Promise<OperatorKey> {
  const isPath = choice.includes('/') || choice.includes(path.sep) || choice.endsWith('.key');
  const file = isPath ? path.resolve(choice) : path.join(dir, `${choice}.key`);
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_USAGE',
      `signing key ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found (create one with "pushtrace keys create --name NAME")' : (err as Error).message}`);
  }
  let privateKey: KeyObject;
  try {
    privateKey = parseEd25519PrivateKey(pem);
  } catch (err) {
    throw new CollectorError('COLLECTOR_E_USAGE', `signing key ${file}: not an ed25519 private key (${(err as Error).message})`);
  }
  return { name: path.basename(file).replace(/\.key$/, ''), privateKey, publicKeyText: formatEd25519PublicKey(privateKey), file };
}

/** The agent config fragment that trusts this key for `verbs`. */
export function agentTrustSnippet(key: { name: string; publicKeyText: string }, verbs: readonly string[]): string {
  return JSON.stringify({ liveResponse: { trustedKeys: [{ name: key.name, publicKey: key.publicKeyText, verbs }] } }, null, 2);
}
