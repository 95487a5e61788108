import { DEFAULT_MAX_FRAME_BYTES } from '@pushtrace/proto';
import { pino, type Logger } from 'pino';
import { AgentError } from '../errors.js';
import { recordSize, SEGMENT_MAGIC } from './record-format.js';

const MiB = 1024 * 1024;

export interface SpoolOptions {
  /** Bound on the spool's segment files on disk, bytes. Default 256 MiB. */
  maxBytes?: number;
  /** Size at which a segment is closed and a new one started. Default min(8 MiB, maxBytes / 4). */
  segmentBytes?: number;
  /**
   * Largest encoded message accepted. Default DEFAULT_MAX_FRAME_BYTES: the
   * collector closes on a bigger frame, so such a record would be replayed
   * and refused forever, blocking everything behind it.
   */
  maxRecordBytes?: number;
  /** fsync period for written records and state, ms; 0 = fsync on every enqueue. Default 1000. */
  syncIntervalMs?: number;
  /** Default: silent. */
  log?: Logger;
  /** Clock for Envelope.sent_at_ms. Default Date.now. */
  now?: () => number;
}

export type ResolvedSpoolOptions = Readonly<Required<SpoolOptions>>;

/** Defaults first, then the invariants the spool relies on; errors name the option. */
export function resolveSpoolOptions(options: SpoolOptions): ResolvedSpoolOptions {
  const maxBytes = options.maxBytes ?? 256 * MiB;
  const o: Required<SpoolOptions> = {
    maxBytes,
    segmentBytes: options.segmentBytes ?? Math.min(8 * MiB, Math.floor(maxBytes / 4)),
    maxRecordBytes: options.maxRecordBytes ?? DEFAULT_MAX_FRAME_BYTES,
    syncIntervalMs: options.syncIntervalMs ?? 1000,
    log: options.log ?? pino({ level: 'silent' }),
    now: options.now ?? Date.now,
  };
  const bad = (field: string, why: string): never => {
    throw new AgentError('AGENT_E_CONFIG', `spool ${field}: ${why}`);
  };
  const int = (n: number) => Number.isSafeInteger(n);
  if (!int(o.maxBytes) || o.maxBytes < 64 * 1024) bad('maxBytes', `must be an integer >= 65536, got ${o.maxBytes}`);
  if (!int(o.segmentBytes) || o.segmentBytes < 4096) bad('segmentBytes', `must be an integer >= 4096, got ${o.segmentBytes}`);
  if (o.segmentBytes > o.maxBytes / 2) {
    bad('segmentBytes', `${o.segmentBytes} must be at most half of maxBytes (${o.maxBytes}), or dropping one segment frees too much`);
  }
  // Every segment keeps a file open.
  if (o.maxBytes / o.segmentBytes > 4096) bad('segmentBytes', `${o.segmentBytes} is too small for maxBytes ${o.maxBytes} (over 4096 segment files)`);
  if (!int(o.maxRecordBytes) || o.maxRecordBytes < 1) bad('maxRecordBytes', `must be a positive integer, got ${o.maxRecordBytes}`);
  if (recordSize(o.maxRecordBytes) + SEGMENT_MAGIC.length > o.maxBytes / 2) {
    bad('maxRecordBytes', `${o.maxRecordBytes} must fit twice into maxBytes (${o.maxBytes})`);
  }
  if (!int(o.syncIntervalMs) || o.syncIntervalMs < 0) bad('syncIntervalMs', `must be an integer >= 0, got ${o.syncIntervalMs}`);
  return Object.freeze(o);
}
