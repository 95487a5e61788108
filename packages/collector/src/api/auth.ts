import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { hashToken } from '../gateway/secrets.js';
import type { Role } from '../store/analyst-store.js';

/** Who is calling: the bootstrap admin token, or a named API token with its role. */
export interface Principal {
  readonly kind: 'admin-token' | 'api-token';
  /** What audit entries and triage notes record as the actor. */
  readonly name: string;
  readonly role: Role;
}

/** Decides who a request comes from; null means unauthenticated. */
export type Authenticator = (req: IncomingMessage) => Promise<Principal | null>;

/** Looks up a live API token by the SHA-256 (hex) of its text. */
export type TokenLookup = (tokenHash: string) => Promise<{ name: string; role: Role } | null>;

/** The name audit entries give the bootstrap admin token. */
export const ADMIN_TOKEN_NAME = 'admin (bootstrap token)';

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };

/** Whether `held` includes everything `needed` may do (admin ⊇ responder ⊇ viewer). */
export function roleAllows(held: Role, needed: Role): boolean {
  return RANK[held] >= RANK[needed];
}

/**
 * Accepts `Authorization: Bearer <token>`: the bootstrap admin token (its
 * SHA-256 is `adminTokenHash`, compared in constant time), else a live API
 * token found by its hash. Only hashes are held anywhere.
 */
export function tokenAuthenticator(adminTokenHash: string, lookup: TokenLookup): Authenticator {
  const expected = Buffer.from(adminTokenHash, 'hex');
  return async (req) => {
    const header = req.headers.authorization;
    if (header === undefined) return null;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match === null) return null;
    const presentedHex = hashToken(match[1]!);
    const presented = Buffer.from(presentedHex, 'hex');
    if (presented.length === expected.length && timingSafeEqual(presented, expected)) {
      return { kind: 'admin-token', name: ADMIN_TOKEN_NAME, role: 'admin' };
    }
    // A database lookup by hash leaks nothing usable through timing: the
    // attacker would need a preimage of the hash to exploit it.
    const token = await lookup(presentedHex);
    return token === null ? null : { kind: 'api-token', name: token.name, role: token.role };
  };
}
