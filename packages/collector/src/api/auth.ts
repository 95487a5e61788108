import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Who is calling. Roles arrive with API tokens; the bootstrap admin token is `admin`. */
export interface Principal {
  readonly kind: 'admin-token';
  readonly role: 'admin';
}

/** Decides who a request comes from; null means unauthenticated. */
export type Authenticator = (req: IncomingMessage) => Principal | null;

/**
 * Accepts `Authorization: Bearer <token>` where the token's SHA-256 (hex) is
 * `adminTokenHash`. Only the hash is held, and compared in constant time.
 */
export function adminTokenAuthenticator(adminTokenHash: string): Authenticator {
  const expected = Buffer.from(adminTokenHash, 'hex');
  return (req) => {
    const header = req.headers.authorization;
    if (header === undefined) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) return null;
    const presented = createHash('sha256').update(match[1]!, 'utf8').digest();
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
    return { kind: 'admin-token', role: 'admin' };
  };
}
