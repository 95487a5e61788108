// Builders for the detector's tests: MFA pushes, sessions, sightings, and the
// write-up's story (a stale WinSCP reconnecting, a busy browser beside it).
import type { MfaEvent, MfaResult } from '../src/ingest/mfa-event.js';
import { DEFAULT_DETECTION_CONFIG, type AlertDraft, type ExistingAlert, type IpSighting, type SessionRecord } from '../src/detect/types.js';

export const CONFIG = DEFAULT_DETECTION_CONFIG;
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** 2015-06-15 16:04 EDT: the burst of the write-up (a day later, so WinSCP has run 7 days). */
export const T0 = Date.parse('2015-06-15T20:04:00.000Z');
export const WINSCP_START = Date.parse('2015-06-08T13:11:16.016Z');
export const LAPTOP = { sensorId: 54341, hostname: 'WIN-7F3K2Q', ip: '198.51.100.7' } as const;
export const MACBOOK = { sensorId: 54342, hostname: 'MBP-JDOE', ip: '198.51.100.99' } as const;
export const OUTSIDE_IP = '203.0.113.66';

const REASONS: Record<MfaResult, string> = {
  success: 'user_approved', denied: 'no_response', fraud: 'user_marked_fraud', failure: 'user_disabled', error: 'error',
};

export function push(timeMs: number, over: Partial<MfaEvent> = {}): MfaEvent {
  const result = over.result ?? 'denied';
  return {
    source: 'duo', eventId: `tx-${timeMs}`, timeMs, user: 'jdoe', application: 'api-prod', eventType: 'authentication',
    factor: 'duo_push', isPush: true, result, reason: REASONS[result], accessIp: LAPTOP.ip, accessHostname: null,
    authDevice: 'iPhone 6', ...over,
  };
}

export function session(openedAtMs: number, over: Partial<SessionRecord> = {}): SessionRecord {
  return {
    sensorId: LAPTOP.sensorId, processGuid: 'g-winscp', pid: 24548, processName: 'WinSCP.exe',
    processPath: 'c:\\program files (x86)\\winscp\\winscp.exe', processStartMs: WINSCP_START,
    sha256: 'a'.repeat(64), remoteIp: '10.1.2.3', remotePort: 22, protocol: 'tcp', openedAtMs, closedAtMs: openedAtMs + 30_000, ...over,
  };
}

export function sighting(over: Partial<IpSighting> = {}): IpSighting {
  return { sensorId: LAPTOP.sensorId, hostname: LAPTOP.hostname, ip: LAPTOP.ip, kind: 'external', fromMs: T0 - 2 * HOUR, toMs: T0 + HOUR, ...over };
}

/** A small deterministic PRNG (mulberry32): the same "random" browser every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Five pushes about a minute apart, as in the write-up (04:04 … 04:08). */
export const PUSH_TIMES = [T0, T0 + 62_000, T0 + 121_000, T0 + 185_000, T0 + 244_000];
/** How long before each push WinSCP's reconnect opened (10–40 s: TCP, SSH handshake, password, then the push). */
export const WINSCP_LAGS = [31_000, 12_000, 40_000, 18_000, 25_000];

/**
 * WinSCP's sessions: the stale one, opened six hours earlier, drops just
 * before the first push; then each reconnect opens 10–40 s before a push and
 * drops soon after the push is denied, and the next opens after that.
 */
export function winscpSessions(over: Partial<SessionRecord> = {}): SessionRecord[] {
  const stale = session(T0 - 6 * HOUR, { closedAtMs: PUSH_TIMES[0]! - WINSCP_LAGS[0]! - 5_000, ...over });
  const reconnects = PUSH_TIMES.map((t, i) => session(t - WINSCP_LAGS[i]!, { closedAtMs: t + 3_000, ...over }));
  return [stale, ...reconnects];
}

/**
 * A busy browser on the same laptop, from an hour before the burst to its
 * end: a session every 1–2 s to one of `endpoints` hosts, and one every
 * ~5 s to the same host (so it is always the nearest thing before a push).
 */
export function browserSessions(options: { endpoints?: number; seed?: number; fromMs?: number; toMs?: number } = {}): SessionRecord[] {
  const random = prng(options.seed ?? 7);
  const endpoints = options.endpoints ?? 200;
  const from = options.fromMs ?? T0 - HOUR - 5 * MIN;
  const to = options.toMs ?? T0 + 6 * MIN;
  const base = { processGuid: 'g-chrome', pid: 4120, processName: 'chrome.exe', processPath: 'c:\\program files\\google\\chrome\\chrome.exe',
    processStartMs: T0 - 2 * DAY, sha256: 'c'.repeat(64), remotePort: 443 };
  const out: SessionRecord[] = [];
  for (let t = from; t < to; t += 1_000 + Math.floor(random() * 1_000)) {
    const host = Math.floor(random() * endpoints);
    out.push(session(t, { ...base, remoteIp: `172.${16 + (host >> 8)}.${host & 0xff}.10`, closedAtMs: t + 1_500 }));
  }
  for (let t = from; t < to; t += 4_500 + Math.floor(random() * 1_000)) {
    out.push(session(t, { ...base, remoteIp: '142.250.80.46', closedAtMs: t + 800 }));
  }
  return out;
}

/** The whole story: pushes from the laptop's IP, WinSCP reconnecting, a busy browser, a MacBook elsewhere. */
export function winscpStory() {
  return {
    pushes: PUSH_TIMES.map((t, i) => push(t, { result: i === 1 || i === 3 ? 'fraud' : 'denied' })),
    sightings: [sighting(), sighting({ sensorId: MACBOOK.sensorId, hostname: MACBOOK.hostname, ip: MACBOOK.ip })],
    sessions: [...winscpSessions(), ...browserSessions()],
  };
}

/** A tiny alert table, as the store keeps it: applies reconcile's plan. */
export class AlertTable {
  readonly alerts = new Map<number, ExistingAlert>();
  #nextId = 1;

  apply(plan: { save: Array<{ id: number | null; draft: AlertDraft }>; remove: Array<{ id: number; intoId: number }> }): void {
    for (const { id, draft } of plan.save) {
      if (id !== null && !this.alerts.has(id)) throw new Error(`save over alert ${id}, which does not exist`);
      const assigned = id ?? this.#nextId++;
      this.alerts.set(assigned, { ...structuredClone(draft), id: assigned });
    }
    for (const { id, intoId } of plan.remove) {
      if (!this.alerts.has(intoId)) throw new Error(`merge alert ${id} into ${intoId}, which does not exist`);
      if (!this.alerts.delete(id)) throw new Error(`remove alert ${id}, which does not exist`);
    }
  }

  list(): ExistingAlert[] {
    return [...this.alerts.values()];
  }

  /** The alerts' content without ids, in a fixed order: what "the same alerts (ids aside)" compares. */
  contents(): AlertDraft[] {
    return this.list()
      .map(({ id: _id, ...draft }) => draft)
      .sort((a, b) => (a.user < b.user ? -1 : a.user > b.user ? 1 : Date.parse(a.first_push) - Date.parse(b.first_push)));
  }
}
