import type { AlertProcess, SessionRecord } from './types.js';

/**
 * A process's name for people: its name as the agent reported it, else the
 * last part of its path, else its GUID (no ProcessInfo arrived for it).
 */
export function processDisplayName(s: SessionRecord): string {
  if (s.processName !== '') return s.processName;
  const base = s.processPath.split(/[\\/]/).filter(Boolean).at(-1);
  return base ?? `process ${s.processGuid}`;
}

/** The alert JSON's process object, from any session of the process. */
export function alertProcessOf(s: SessionRecord): AlertProcess {
  return {
    name: processDisplayName(s),
    pid: s.pid,
    path: s.processPath,
    start_time: s.processStartMs === null ? null : new Date(s.processStartMs).toISOString(),
    sha256: s.sha256 === '' ? null : s.sha256,
  };
}
