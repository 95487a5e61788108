/**
 * Where the Duo pull stands, persisted after every delivered page so a
 * restart resumes without gaps or repeats.
 */

/** Key/value persistence the poller needs; Store.getState / Store.setState have this shape. */
export interface CheckpointStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
}

/** Duo's authlog cursor, metadata.next_offset: [timestamp in ms, txid], both strings. */
export type NextOffset = readonly [string, string];

/**
 * Either "everything before mintime is delivered" (window null), or
 * "inside the window [mintime, window.maxtime], everything up to the
 * cursor is delivered". A window is finished with the same maxtime it
 * started with, so its pages stay one consistent listing.
 */
export interface AuthLogCheckpoint {
  /** Epoch ms: the next request's mintime. */
  readonly mintime: number;
  readonly window: { readonly maxtime: number; readonly nextOffset: NextOffset } | null;
}

const FORMAT = 1;

/** The state key: per account and integration, so pointing the collector at another Duo account never reuses a cursor. */
export function checkpointKey(apiHost: string, integrationKey: string): string {
  return `duo-pull:authlog:${integrationKey}@${apiHost}`;
}

export function encodeCheckpoint(cp: AuthLogCheckpoint): string {
  return JSON.stringify({ v: FORMAT, mintime: cp.mintime, maxtime: cp.window?.maxtime ?? null, next_offset: cp.window?.nextOffset ?? null });
}

const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** The stored text back as a checkpoint, or a reason it is not one. */
export function decodeCheckpoint(text: string): AuthLogCheckpoint | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof raw !== 'object' || raw === null) return { error: 'not an object' };
  const o = raw as Record<string, unknown>;
  if (o.v !== FORMAT) return { error: `unknown format version ${JSON.stringify(o.v)}` };
  if (!isTime(o.mintime)) return { error: `mintime: expected epoch ms, got ${JSON.stringify(o.mintime)}` };
  if (o.next_offset === null && o.maxtime === null) return { mintime: o.mintime, window: null };
  const off = o.next_offset;
  if (!Array.isArray(off) || off.length !== 2 || typeof off[0] !== 'string' || typeof off[1] !== 'string') {
    return { error: `next_offset: expected [timestamp, txid], got ${JSON.stringify(off)}` };
  }
  if (!isTime(o.maxtime) || o.maxtime <= o.mintime) return { error: `maxtime: expected epoch ms after mintime, got ${JSON.stringify(o.maxtime)}` };
  return { mintime: o.mintime, window: { maxtime: o.maxtime, nextOffset: [off[0], off[1]] } };
}
