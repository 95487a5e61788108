import { CollectorError } from '../errors.js';

/**
 * Runs a strict node:util parseArgs call and turns its complaints (unknown
 * flag, missing value, stray argument) into COLLECTOR_E_USAGE naming the
 * command; the dispatcher then prints usage and exits 2.
 */
export function withUsageErrors<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (err instanceof CollectorError) throw err;
    throw new CollectorError('COLLECTOR_E_USAGE', `pushtrace ${command}: ${(err as Error).message}`, { cause: err });
  }
}

/** The flags every API-client command takes. */
export const CLIENT_FLAGS = {
  server: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
