import { isObject } from './json-records.js';

/**
 * The value at `key`, or at `key` then `inner` in nested objects
 * (`at(rec, 'access_device', 'ip')`), undefined if any step is missing.
 * Two fixed steps rather than a rest parameter: a Duo record is read with a
 * dozen of these, 200,000 records a file.
 */
export function at(value: unknown, key: string, inner?: string): unknown {
  if (!isObject(value)) return undefined;
  const found = value[key];
  if (inner === undefined) return found;
  return isObject(found) ? found[inner] : undefined;
}

/** A trimmed non-empty string, or undefined (null, numbers, "" and "  " are no text). */
export function textAt(value: unknown, key: string, inner?: string): string | undefined {
  const found = at(value, key, inner);
  if (typeof found !== 'string') return undefined;
  const trimmed = found.trim();
  return trimmed === '' ? undefined : trimmed;
}
