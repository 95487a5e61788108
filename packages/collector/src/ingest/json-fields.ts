import { isObject } from './json-records.js';

/** The value at a path of nested objects (`at(rec, 'access_device', 'ip')`), undefined if any step is missing. */
export function at(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) {
    if (!isObject(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/** A trimmed non-empty string, or undefined (null, numbers, "" and "  " are no text). */
export function textAt(value: unknown, ...path: string[]): string | undefined {
  const found = at(value, ...path);
  if (typeof found !== 'string') return undefined;
  const trimmed = found.trim();
  return trimmed === '' ? undefined : trimmed;
}
