import { createHash } from 'node:crypto';

/**
 * The id a process keeps for life: pids are reused, (install, pid, start
 * time) is not.
 *
 * The sensor id is only known after enrollment, and a process seen before
 * enrollment must keep its GUID afterwards, so the GUID is derived from the
 * agent's install id (a random id kept in its state dir) instead.
 *
 * Format: the first 128 bits of sha256("<installId>:<pid>:<startTimeMs>"),
 * written as an RFC 9562 UUIDv8 (version nibble 8, variant 10xx), e.g.
 * "3f1c0e9a-52d4-8b61-9d0e-7a2f4c5b6d7e". Deterministic: re-deriving it after
 * an agent restart gives the same GUID, so the collector's process table
 * does not fill with duplicates.
 */
export function processGuid(installId: string, pid: number, startTimeMs: number): string {
  if (installId.length === 0) throw new TypeError('processGuid: installId must not be empty');
  if (!Number.isInteger(pid) || pid < 0) throw new TypeError(`processGuid: pid must be a non-negative integer, got ${pid}`);
  if (!Number.isFinite(startTimeMs)) throw new TypeError(`processGuid: startTimeMs must be finite, got ${startTimeMs}`);
  const digest = createHash('sha256').update(`${installId}:${pid}:${Math.trunc(startTimeMs)}`).digest();
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
