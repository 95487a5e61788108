import { CollectorError } from '../errors.js';

export interface SortSpec<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/**
 * Parses a sort parameter: a key, optionally prefixed with '-' (descending)
 * or '+' (ascending, the default). `what` names the flag or parameter in
 * the error (COLLECTOR_E_BAD_PARAM: a parameter, not part of the query).
 */
export function parseSort<K extends string>(text: string, keys: readonly K[], what: string): SortSpec<K> {
  const trimmed = text.trim();
  const descending = trimmed.startsWith('-');
  const name = trimmed.replace(/^[-+]/, '').toLowerCase();
  const key = keys.find((k) => k === name);
  if (key === undefined) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM',
      `${what}: "${text}" is not a sort key; use one of ${keys.join(', ')}, with '-' in front for descending (-start)`);
  }
  return { key, descending };
}

/** The text form parseSort reads back ("-start"). */
export function formatSort<K extends string>(sort: SortSpec<K>): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}
