import type { Logger } from 'pino';
import type { SequencedMessage, StoredAlert, Store } from '../store/store.js';
import type { MfaEvent } from '../ingest/mfa-event.js';
import { attributeBurstFrom } from './attribution.js';
import { findBursts } from './bursts.js';
import { reconcileAlerts } from './reconcile.js';
import { StoredBurstSessions } from './stored-sessions.js';
import type { DetectionConfig, IpSighting } from './types.js';

/**
 * Pushes of a user fetched around the changed span: bursts chain pushes that
 * are at most M apart, so a wide margin keeps a burst whole when a new push
 * lands in its middle or at its edge.
 */
const CONTEXT_MS = 6 * 60 * 60_000;
/**
 * A batch naming more users than this reads their non-approved pushes in
 * one pass over the time index (rows in insertion order) instead of one
 * seek per user (rows scattered over the table): for a 200,000-record log
 * file of 3,000 users, 40 ms instead of 400.
 */
const BULK_USERS = 64;
/** Agent clocks can be off by this much before skew correction; fetch telemetry that much wider. */
const SKEW_SLACK_MS = 10 * 60_000;
/** A checkin re-checks alerts whose pushes fall in this recent past. */
const CHECKIN_RECHECK_MS = 10 * 60_000;
/** A checkin this late still counts as on time (as the API's offline grace). */
const CHECKIN_GRACE_MS = 15_000;
/** Late telemetry re-checks alerts whose pushes are at most this old. */
const LATE_TELEMETRY_HORIZON_MS = 24 * 60 * 60_000;
/**
 * Re-check once telemetry has been quiet this long: an agent draining its
 * spool commits batch after batch, and judging a burst on half-drained data
 * (a busy process's sessions in, its quiet stretches not yet) can name the
 * wrong process for a moment.
 */
const TELEMETRY_QUIET_MS = 1_000;
/** ... but never wait longer than this with telemetry still flowing. */
const TELEMETRY_MAX_WAIT_MS = 10_000;

/**
 * The impure half of detection: fetches what the pure detector needs from
 * the store, converts agent times to the collector's clock with each
 * sensor's estimated offset, and saves the verdicts (one alert per burst,
 * updated in place). Runs after every MFA ingest and, debounced, after
 * telemetry commits — late telemetry (an agent draining its spool) can turn
 * `sensor-no-process` into `reconnect-loop`.
 */
export class DetectionRunner {
  readonly #store: Store;
  readonly #config: DetectionConfig;
  readonly #log: Logger;
  readonly #now: () => number;
  /** One recomputation at a time: two at once could both create the same burst's alert. */
  #queue: Promise<unknown> = Promise.resolve();
  #telemetryTimer: NodeJS.Timeout | undefined;
  #telemetrySpan: { from: number; to: number } | undefined;
  #telemetryFirstAt: number | undefined;

  constructor(options: { store: Store; config: DetectionConfig; log: Logger; now?: () => number }) {
    this.#store = options.store;
    this.#config = options.config;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
  }

  /** Stores new MFA events and recomputes the verdicts of every user they touch. Returns the alerts saved. */
  onMfaEvents(events: readonly MfaEvent[]): Promise<StoredAlert[]> {
    return this.#serial(async () => {
      const spans = new Map<string, { from: number; to: number }>();
      for (const e of events) {
        const span = spans.get(e.user);
        if (span === undefined) spans.set(e.user, { from: e.timeMs, to: e.timeMs });
        else spans.set(e.user, { from: Math.min(span.from, e.timeMs), to: Math.max(span.to, e.timeMs) });
      }
      let nonApproved: Map<string, MfaEvent[]> | undefined;
      if (spans.size > BULK_USERS) {
        let from = Infinity;
        let to = -Infinity;
        for (const span of spans.values()) {
          from = Math.min(from, span.from);
          to = Math.max(to, span.to);
        }
        nonApproved = new Map([...spans.keys()].map((user) => [user, []]));
        for (const e of await this.#store.listMfaEvents({ fromMs: from - CONTEXT_MS, toMs: to + CONTEXT_MS, nonApprovedOnly: true })) {
          nonApproved.get(e.user)?.push(e);
        }
      }
      const saved: StoredAlert[] = [];
      for (const [user, span] of spans) {
        saved.push(...(await this.#recomputeUser(user, span.from, span.to, nonApproved?.get(user))));
        // A log file names thousands of users and the store answers
        // synchronously: one turn of the event loop per user keeps the
        // gateway and the API answering meanwhile.
        if (spans.size > BULK_USERS) await new Promise((resolve) => setImmediate(resolve));
      }
      return saved;
    });
  }

  /** The gateway committed telemetry: re-check recent alerts shortly (debounced). */
  noteTelemetry(_sensorId: number, messages: readonly SequencedMessage[]): void {
    let from = Infinity;
    let to = -Infinity;
    const see = (t: number) => {
      if (t > 0) {
        from = Math.min(from, t);
        to = Math.max(to, t);
      }
    };
    for (const { envelope } of messages) {
      // Sessions, and IP observations (a late one can turn `unattributed` into a match).
      for (const event of envelope.netconnBatch?.events ?? []) see(Number(event.firstSeenMs ?? 0));
      see(Number(envelope.externalIp?.observedAtMs ?? 0));
      see(Number(envelope.hostInfo?.observedAtMs ?? 0));
    }
    if (from === Infinity) return;
    this.#scheduleRecheck(from, to);
  }

  /**
   * A sensor checked in: its current IP now counts up to this moment, which
   * can turn a recent `unattributed` into a match (an agent that drained its
   * spool before its first checkin re-confirmed an unchanged IP).
   */
  noteCheckin(): void {
    const now = this.#now();
    this.#scheduleRecheck(now - CHECKIN_RECHECK_MS, now);
  }

  #scheduleRecheck(from: number, to: number): void {
    this.#telemetrySpan = this.#telemetrySpan === undefined
      ? { from, to }
      : { from: Math.min(this.#telemetrySpan.from, from), to: Math.max(this.#telemetrySpan.to, to) };
    const now = this.#now();
    this.#telemetryFirstAt ??= now;
    if (this.#telemetryTimer !== undefined) clearTimeout(this.#telemetryTimer);
    const wait = Math.max(0, Math.min(TELEMETRY_QUIET_MS, this.#telemetryFirstAt + TELEMETRY_MAX_WAIT_MS - now));
    this.#telemetryTimer = setTimeout(() => {
      this.#telemetryTimer = undefined;
      this.#telemetryFirstAt = undefined;
      const span = this.#telemetrySpan!;
      this.#telemetrySpan = undefined;
      this.#serial(() => this.#recheckAlertsAround(span.from, span.to)).catch((err: unknown) => {
        this.#log.error({ err }, 'late-telemetry re-check failed');
      });
    }, wait);
    this.#telemetryTimer.unref();
  }

  /** Waits for queued work (tests, shutdown). */
  async idle(): Promise<void> {
    if (this.#telemetryTimer !== undefined) {
      clearTimeout(this.#telemetryTimer);
      this.#telemetryTimer = undefined;
      this.#telemetryFirstAt = undefined;
      const span = this.#telemetrySpan;
      this.#telemetrySpan = undefined;
      if (span !== undefined) await this.#serial(() => this.#recheckAlertsAround(span.from, span.to));
    }
    await this.#queue.catch(() => undefined);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #recheckAlertsAround(fromMs: number, toMs: number): Promise<void> {
    const horizon = this.#now() - LATE_TELEMETRY_HORIZON_MS;
    const reach = this.#config.alignBeforeMs + SKEW_SLACK_MS;
    const from = Math.max(horizon, fromMs - reach);
    const to = toMs + reach;
    if (from > to) return;
    const users = new Map<string, { from: number; to: number }>();
    for (const { user, firstPushMs, lastPushMs } of await this.#store.listAlertSpans(from, to)) {
      const span = users.get(user);
      users.set(user, span === undefined
        ? { from: firstPushMs, to: lastPushMs }
        : { from: Math.min(span.from, firstPushMs), to: Math.max(span.to, lastPushMs) });
    }
    for (const [user, span] of users) await this.#recomputeUser(user, span.from, span.to);
  }

  /**
   * Judges again the bursts of `user` that pushes in [fromMs, toMs] can
   * touch. `nonApprovedAround`: the user's non-approved pushes, read in
   * bulk over a range that covers this user's context (oldest first).
   */
  async #recomputeUser(user: string, fromMs: number, toMs: number, nonApprovedAround?: readonly MfaEvent[]): Promise<StoredAlert[]> {
    const config = this.#config;
    // Only bursts the change can touch are judged again (pushes chain at
    // most M apart, so a burst farther than M from [fromMs, toMs] is as it
    // was); the others' alerts stay untouched, since reconcile leaves alone
    // what overlaps no draft.
    const touched = (events: readonly MfaEvent[]) => findBursts(events, config)
      .filter((b) => b.lastPushMs >= fromMs - config.burstWindowMs && b.firstPushMs <= toMs + config.burstWindowMs);
    const range = { user, fromMs: fromMs - CONTEXT_MS, toMs: toMs + CONTEXT_MS };
    // Which bursts exist, and where, follows from the non-approved pushes
    // alone (approvals inside a burst only ride along), so a user with none
    // touched is settled by those few rows — a log file names thousands of
    // users, nearly all of them only approving — before all are read.
    const nonApproved = nonApprovedAround === undefined
      ? await this.#store.listMfaEvents({ ...range, nonApprovedOnly: true })
      : nonApprovedAround.filter((e) => e.timeMs >= range.fromMs && e.timeMs <= range.toMs);
    if (touched(nonApproved).length === 0) return [];
    const bursts = touched(await this.#store.listMfaEvents(range));
    const drafts = [];
    for (const burst of bursts) {
      const sightings = await this.#sightingsFor(burst.pushes, burst.firstPushMs, burst.lastPushMs);
      // Each sensor's sessions from the baseline's start to the burst's end,
      // read in its own clock, wider by the skew slack. Only what scoring
      // needs is read: counts, the openings near the pushes, and the
      // sessions of the process a verdict names (stored-sessions.ts).
      const sessions = new StoredBurstSessions(this.#store, (sensorId) => {
        const offsetMs = sightings.find((s) => s.sensorId === sensorId)?.offsetMs ?? 0;
        return {
          fromMs: burst.firstPushMs - config.alignBeforeMs - config.baselineMs + offsetMs - SKEW_SLACK_MS,
          toMs: burst.lastPushMs + config.alignAfterMs + offsetMs + SKEW_SLACK_MS,
          offsetMs,
        };
      });
      drafts.push(await attributeBurstFrom(burst, sightings, sessions, config));
    }
    if (drafts.length === 0) return [];
    const first = Math.min(...bursts.map((b) => b.firstPushMs));
    const last = Math.max(...bursts.map((b) => b.lastPushMs));
    const existing = await this.#store.findAlerts(user, first, last, config.burstWindowMs);
    const { save, remove } = reconcileAlerts(existing, drafts, config.burstWindowMs);
    const nowMs = this.#now();
    const saved: StoredAlert[] = [];
    for (const { id, draft } of save) {
      const alert = await this.#store.saveAlert(draft, id, nowMs);
      saved.push(alert);
      this.#log.info({ alertId: alert.id, verdict: alert.verdict, user, accessIp: alert.access_ip, created: id === null }, 'alert saved');
    }
    for (const { id, intoId } of remove) {
      await this.#store.mergeAlert(id, intoId, nowMs);
      this.#log.info({ alertId: id, into: intoId, user }, 'alert merged into another: a later push joined their bursts');
    }
    return saved;
  }

  /** Sensors that held the pushes' access IPs, in the collector's clock. */
  async #sightingsFor(pushes: readonly MfaEvent[], firstMs: number, lastMs: number): Promise<Array<IpSighting & { offsetMs: number }>> {
    const ips = [...new Set(pushes.map((p) => p.accessIp).filter((ip): ip is string => ip !== null))];
    const out: Array<IpSighting & { offsetMs: number }> = [];
    if (ips.length === 0) return out;
    // A sensor's current IP still holds until its next checkin is due: a
    // push seconds after the last checkin must not look like nobody's.
    const nextCheckin = new Map((await this.#store.listSensors()).map((s) => [s.sensorId, s.nextCheckinMs]));
    const nowMs = this.#now();
    for (const ip of ips) {
      for (const row of await this.#store.listIpSightings(ip, firstMs - SKEW_SLACK_MS, lastMs + SKEW_SLACK_MS)) {
        const offsetMs = row.clockOffsetMs ?? 0;
        let toMs = row.lastSeenMs - offsetMs;
        const due = nextCheckin.get(row.sensorId);
        if (row.current && due !== null && due !== undefined) toMs = Math.max(toMs, Math.min(nowMs, due + CHECKIN_GRACE_MS));
        out.push({ sensorId: row.sensorId, hostname: row.hostname, ip: row.ip, kind: row.kind,
          fromMs: row.firstSeenMs - offsetMs, toMs, offsetMs });
      }
    }
    return out;
  }
}
