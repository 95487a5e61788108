import type { z } from 'zod';
import { CollectorError } from '../errors.js';

/** Parses a JSON request body against `schema`; any problem is a 400 that names the field. */
export function parseJsonBody<T>(body: string, schema: z.ZodType<T>, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (cause) {
    throw new CollectorError('COLLECTOR_E_BAD_INPUT', `${what}: the request body is not JSON (${(cause as Error).message})`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const at = issue.path.length === 0 ? 'body' : issue.path.join('.');
    throw new CollectorError('COLLECTOR_E_BAD_INPUT', `${what}: ${at}: ${issue.message}`);
  }
  return parsed.data;
}
