import type { KeyObject } from 'node:crypto';
import { parseEd25519PublicKey } from '@pushtrace/proto';
import type { LiveResponseConfig } from '../config/live-response-schema.js';
import type { LiveResponseVerb } from './verbs.js';

/** One key the agent's config trusts, ready to verify with. */
export interface TrustedKey {
  name: string;
  publicKey: KeyObject;
  verbs: ReadonlySet<LiveResponseVerb>;
}

/**
 * The config's trusted keys by name. The schema has already parsed every
 * key once, so this cannot fail on a config that loaded.
 */
export function trustedKeysFrom(config: Pick<LiveResponseConfig, 'trustedKeys'>): ReadonlyMap<string, TrustedKey> {
  const keys = new Map<string, TrustedKey>();
  for (const key of config.trustedKeys) {
    keys.set(key.name, Object.freeze({
      name: key.name,
      publicKey: parseEd25519PublicKey(key.publicKey),
      verbs: new Set(key.verbs),
    }));
  }
  return keys;
}
