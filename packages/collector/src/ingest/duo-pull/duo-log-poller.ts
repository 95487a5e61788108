import type { Logger } from 'pino';
import { parseDuoAuthlogs } from '../duo/duo-json.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../mfa-event.js';
import {
  checkpointKey, decodeCheckpoint, encodeCheckpoint, type AuthLogCheckpoint, type CheckpointStore, type NextOffset,
} from './authlog-checkpoint.js';
import { fullJitterDelayMs } from './backoff.js';
import { DuoAdminClient, type AuthLogPageResult, type AuthLogQuery, type AuthLogSource } from './duo-admin-client.js';
import { parseDuoPullConfig, type DuoPullConfig, type DuoPullSettings } from './duo-pull-config.js';
import { nodeCronScheduler, type PollScheduler } from './poll-schedule.js';

/** Duo keeps the last two minutes back "to ensure consistent results"; asking for them returns nothing. */
export const DUO_LOG_DELAY_MS = 2 * 60_000;
/** Duo serves authlogs of the last 180 days only; an older mintime is refused. */
export const DUO_LOG_RETENTION_MS = 180 * 24 * 3600_000;

export interface DuoLogPollerOptions {
  /** Credentials and tuning; checked here, so a bad value throws COLLECTOR_E_CONFIG at construction. */
  settings: DuoPullSettings;
  /** Where the cursor lives (Store.getState/setState fit). */
  checkpoints: CheckpointStore;
  /** One page's raw authlog objects to events. Default parseDuoAuthlogs (the Duo JSON record mapper). Should report bad records in `rejected`, not throw. */
  toEvents?: (authlogs: unknown[]) => ParseResult;
  /** Takes one page's results. The checkpoint moves only after this resolves; if it rejects, the page is fetched again next poll. */
  onEvents: (events: MfaEvent[], rejected: RejectedRecord[]) => Promise<void>;
  log: Logger;
  /** Default Date.now. */
  now?: () => number;
  /** Waits ms, returning early when signal aborts. Default a setTimeout. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** [0, 1) for backoff jitter. Default Math.random. */
  random?: () => number;
  /** Default a DuoAdminClient for settings. */
  source?: AuthLogSource;
  /** Default node-cron. */
  scheduler?: PollScheduler;
}

/**
 * How a poll ended. `caught-up`: everything up to now − 2 min is delivered.
 * `rate-limited` / `unavailable`: Duo kept answering 429 / 5xx / nothing, retries
 * spent. `unauthorized` / `rejected`: Duo refused the request (401/403, other 4xx).
 * `delivery-failed`: toEvents or onEvents threw; the page is fetched again next time.
 * `checkpoint-failed`: the cursor could not be read or saved. `waiting`: an earlier
 * Retry-After has not passed. `stopped`: stop() was called.
 */
export type PollOutcome =
  | 'caught-up' | 'rate-limited' | 'unavailable' | 'unauthorized' | 'rejected'
  | 'delivery-failed' | 'checkpoint-failed' | 'waiting' | 'stopped';

export interface PollReport {
  outcome: PollOutcome;
  /** Pages handed to onEvents (and checkpointed). */
  pages: number;
  /** Raw authlog records in those pages. */
  records: number;
  events: number;
  rejected: number;
  /** Requests repeated after 429 / 5xx / network failure. */
  retries: number;
  /** Where the pull stands after this poll (null if it could not be read). */
  checkpoint: AuthLogCheckpoint | null;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

const sameOffset = (a: NextOffset | null, b: NextOffset | null) => a !== null && b !== null && a[0] === b[0] && a[1] === b[1];

/**
 * Pulls the Duo Admin API v2 authentication log on a schedule and hands
 * each page to onEvents, at least once and in order: the checkpoint
 * moves only after onEvents resolved, so a crash mid-page repeats that
 * page (the store dedupes on timestamp + txid) and never skips it.
 * Never throws from a poll: every failure becomes a PollOutcome and a log
 * line (problems logged once per change, not once per minute).
 */
export class DuoLogPoller {
  readonly config: DuoPullConfig;
  readonly #source: AuthLogSource;
  readonly #checkpoints: CheckpointStore;
  readonly #key: string;
  readonly #toEvents: (authlogs: unknown[]) => ParseResult;
  readonly #onEvents: DuoLogPollerOptions['onEvents'];
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #sleep: NonNullable<DuoLogPollerOptions['sleep']>;
  readonly #random: () => number;
  readonly #scheduler: PollScheduler;

  #task: { stop(): void } | null = null;
  #inFlight: Promise<PollReport> | null = null;
  #abort = new AbortController();
  /** Epoch ms before which Duo asked us (Retry-After) not to come back. */
  #notBeforeMs = 0;
  /** The problem last logged, so an unchanged one is not logged every minute. */
  #problem: string | null = null;

  constructor(options: DuoLogPollerOptions) {
    this.config = parseDuoPullConfig(options.settings);
    this.#now = options.now ?? Date.now;
    this.#source = options.source ?? new DuoAdminClient(this.config, { now: this.#now });
    this.#checkpoints = options.checkpoints;
    this.#key = checkpointKey(this.config.apiHost, this.config.integrationKey);
    this.#toEvents = options.toEvents ?? ((authlogs) => parseDuoAuthlogs(authlogs));
    this.#onEvents = options.onEvents;
    this.#log = options.log.child({ component: 'duo-pull', apiHost: this.config.apiHost });
    this.#sleep = options.sleep ?? abortableSleep;
    this.#random = options.random ?? Math.random;
    this.#scheduler = options.scheduler ?? nodeCronScheduler(this.#log);
  }

  /** The state key the checkpoint is stored under. */
  get checkpointKey(): string {
    return this.#key;
  }

  /** Polls now, then every intervalMinutes. A second start() is a no-op. */
  start(): void {
    if (this.#task !== null) return;
    this.#task = this.#scheduler(this.config.intervalMinutes, () => this.#tick());
    this.#log.info({ intervalMinutes: this.config.intervalMinutes, via: this.config.baseUrl ?? 'https' }, 'Duo authentication log pull started');
    this.#tick();
  }

  /** Stops the schedule, cuts short any backoff wait or request, and resolves once the poll in flight has ended (onEvents is never interrupted). */
  async stop(): Promise<void> {
    this.#task?.stop();
    this.#task = null;
    this.#abort.abort();
    await this.#inFlight;
    this.#abort = new AbortController();
  }

  /** One poll, now (tests, the demo). If a poll is already running, returns that one's report. */
  pollOnce(): Promise<PollReport> {
    if (this.#inFlight !== null) return this.#inFlight;
    const poll = this.#pollGuarded(this.#abort.signal).finally(() => {
      this.#inFlight = null;
    });
    this.#inFlight = poll;
    return poll;
  }

  #tick(): void {
    if (this.#inFlight !== null) {
      this.#log.debug('previous poll still running; tick skipped');
      return;
    }
    void this.pollOnce();
  }

  async #pollGuarded(signal: AbortSignal): Promise<PollReport> {
    try {
      return await this.#poll(signal);
    } catch (err) {
      // A bug, not a Duo condition; keep the collector up and say so.
      this.#log.error({ err }, 'Duo log poll failed unexpectedly');
      return { outcome: 'delivery-failed', pages: 0, records: 0, events: 0, rejected: 0, retries: 0, checkpoint: null };
    }
  }

  async #poll(signal: AbortSignal): Promise<PollReport> {
    const report: PollReport = { outcome: 'caught-up', pages: 0, records: 0, events: 0, rejected: 0, retries: 0, checkpoint: null };
    const end = (outcome: PollOutcome) => ({ ...report, outcome });

    let cp = await this.#loadCheckpoint();
    if (cp === null) return end('checkpoint-failed');
    report.checkpoint = cp;
    if (this.#now() < this.#notBeforeMs) return end('waiting');

    for (;;) {
      if (signal.aborted) return end('stopped');
      const query = this.#nextQuery(cp);
      if (query === null) return this.#caughtUp(report);

      const page = await this.#fetchWithRetry(query, signal, report);
      if (page.kind === 'rejected' && query.nextOffset !== null) return end(await this.#dropCursor(query, page.message));
      if (page.kind !== 'page') return end(this.#failed(page));
      if (page.nextOffset !== null && sameOffset(page.nextOffset, query.nextOffset)) {
        this.#problemOnce('warn', 'stuck-cursor', { nextOffset: page.nextOffset }, 'Duo returned the cursor it was given; will ask again next poll');
        return end('unavailable');
      }

      let parsed: ParseResult;
      try {
        parsed = this.#toEvents(page.authlogs);
      } catch (err) {
        this.#problemOnce('error', `to-events:${String(err)}`, { err, ...query }, 'Duo authlog page could not be mapped to events; it will be fetched again next poll');
        return end('delivery-failed');
      }
      const where = describeWindow(query);
      const rejected = parsed.rejected.map((r) => ({ where: `${where}, ${r.where}`, reason: r.reason }));
      try {
        await this.#onEvents(parsed.events, rejected);
      } catch (err) {
        this.#problemOnce('error', `on-events:${String(err)}`, { err, ...query }, 'storing a Duo authlog page failed; it will be fetched again next poll');
        return end('delivery-failed');
      }
      report.pages += 1;
      report.records += page.authlogs.length;
      report.events += parsed.events.length;
      report.rejected += rejected.length;

      const next: AuthLogCheckpoint = page.nextOffset !== null
        ? { mintime: query.mintime, window: { maxtime: query.maxtime, nextOffset: page.nextOffset } }
        // The window is done; maxtime was inclusive, so the next one starts 1 ms later.
        : { mintime: query.maxtime + 1, window: null };
      try {
        await this.#checkpoints.set(this.#key, encodeCheckpoint(next));
      } catch (err) {
        this.#problemOnce('error', `checkpoint-save:${String(err)}`, { err, key: this.#key }, 'could not save the Duo pull checkpoint; the last page will be fetched again (duplicates are dropped by the store)');
        return end('checkpoint-failed');
      }
      cp = next;
      report.checkpoint = cp;
      if (page.nextOffset === null) return this.#caughtUp(report);
    }
  }

  /**
   * Duo refused a saved cursor (expired, or from a different listing):
   * re-read the window from its start next poll rather than stall on it for
   * good. That repeats records, which the store drops on (timestamp, txid).
   */
  async #dropCursor(query: AuthLogQuery, message: string): Promise<PollOutcome> {
    this.#log.error({ nextOffset: query.nextOffset, duoMessage: message }, 'Duo refused the saved authlog cursor; re-reading its window from the start next poll');
    try {
      await this.#checkpoints.set(this.#key, encodeCheckpoint({ mintime: query.mintime, window: null }));
    } catch (err) {
      this.#problemOnce('error', `checkpoint-save:${String(err)}`, { err, key: this.#key }, 'could not save the Duo pull checkpoint');
      return 'checkpoint-failed';
    }
    return 'rejected';
  }

  /** The request that continues from cp, or null when there is nothing to ask for yet. */
  #nextQuery(cp: AuthLogCheckpoint): AuthLogQuery | null {
    const now = this.#now();
    const oldest = now - DUO_LOG_RETENTION_MS + 60_000;
    if (cp.window !== null && cp.mintime >= oldest) {
      return { mintime: cp.mintime, maxtime: cp.window.maxtime, limit: this.config.limit, nextOffset: cp.window.nextOffset };
    }
    // No window open, or one Duo no longer keeps: open a new one.
    const maxtime = now - DUO_LOG_DELAY_MS;
    // Duo wants mintime strictly below maxtime.
    if (maxtime <= cp.mintime) return null;
    let mintime = cp.mintime;
    if (mintime < oldest) {
      this.#log.warn({ from: new Date(mintime).toISOString(), to: new Date(oldest).toISOString() }, 'the Duo pull fell behind more than Duo keeps: authlogs in this span are gone and will not be fetched');
      mintime = oldest;
    }
    return { mintime, maxtime, limit: this.config.limit, nextOffset: null };
  }

  #caughtUp(report: PollReport): PollReport {
    if (report.pages > 0) {
      // Only an answered request proves a problem gone.
      if (this.#problem !== null) this.#log.info({ was: this.#problem.split(':')[0] }, 'Duo authentication log pull is working again');
      this.#problem = null;
      this.#log.info({ pages: report.pages, records: report.records, events: report.events, rejected: report.rejected, retries: report.retries }, 'Duo authlogs pulled');
    }
    return { ...report, outcome: 'caught-up' };
  }

  async #loadCheckpoint(): Promise<AuthLogCheckpoint | null> {
    let text: string | null;
    try {
      text = await this.#checkpoints.get(this.#key);
    } catch (err) {
      this.#problemOnce('error', `checkpoint-load:${String(err)}`, { err, key: this.#key }, 'could not read the Duo pull checkpoint; will try again next poll');
      return null;
    }
    const fresh = (): AuthLogCheckpoint => ({ mintime: this.#now() - this.config.initialLookbackMs, window: null });
    if (text === null) return fresh();
    const decoded = decodeCheckpoint(text);
    if ('error' in decoded) {
      // Starting over from the look-back can only repeat records, which the
      // store drops on (timestamp, txid); refusing to pull would lose them.
      this.#log.error({ key: this.#key, reason: decoded.error }, 'stored Duo pull checkpoint is unreadable; starting again from the initial look-back');
      return fresh();
    }
    return decoded;
  }

  /** One page, retried after 429 / 5xx / network failure within this poll's budget. */
  async #fetchWithRetry(query: AuthLogQuery, signal: AbortSignal, report: PollReport): Promise<AuthLogPageResult> {
    for (let attempt = 0; ; attempt += 1) {
      const result = await this.#source.fetchAuthLogPage(query, signal);
      if (result.kind !== 'rate-limited' && result.kind !== 'server-error' && result.kind !== 'network-error') return result;
      const asked = result.kind === 'rate-limited' ? result.retryAfterMs : null;
      const wait = asked ?? fullJitterDelayMs(attempt, this.#random);
      if (attempt >= this.config.maxRetries || wait > this.config.maxWaitMs) {
        // Honour Duo's Retry-After across ticks too, not just inside this poll.
        if (asked !== null) this.#notBeforeMs = this.#now() + asked;
        return result;
      }
      this.#log.debug({ kind: result.kind, attempt, waitMs: wait }, 'Duo asked us to back off; retrying');
      report.retries += 1;
      await this.#sleep(wait, signal);
      if (signal.aborted) return { kind: 'aborted' };
    }
  }

  /** Logs a failed page (once per change) and names the outcome. */
  #failed(result: Exclude<AuthLogPageResult, { kind: 'page' }>): PollOutcome {
    switch (result.kind) {
      case 'aborted':
        return 'stopped';
      case 'unauthorized':
        this.#problemOnce('error', `unauthorized:${result.status}:${result.code}:${result.message}`,
          { status: result.status, code: result.code, duoMessage: result.message, integrationKey: this.config.integrationKey },
          'Duo refused the Admin API credentials: check the integration key, secret key, the "Grant read log" permission and this host\'s clock; retrying at the next poll');
        return 'unauthorized';
      case 'rejected':
        this.#problemOnce('error', `rejected:${result.status}:${result.code}:${result.message}`,
          { status: result.status, code: result.code, duoMessage: result.message }, 'Duo rejected the authentication log request; retrying at the next poll');
        return 'rejected';
      case 'rate-limited':
        this.#problemOnce('warn', 'rate-limited', { retryAfterMs: result.retryAfterMs }, 'Duo is rate limiting the authentication log pull; backing off');
        return 'rate-limited';
      case 'server-error':
        this.#problemOnce('warn', `server-error:${result.status}:${result.message}`, { status: result.status, duoMessage: result.message }, 'Duo answered with an error; retrying at the next poll');
        return 'unavailable';
      case 'network-error':
        this.#problemOnce('warn', `network-error:${result.message}`, { error: result.message }, 'Duo API unreachable; retrying at the next poll');
        return 'unavailable';
    }
  }

  #problemOnce(level: 'warn' | 'error', key: string, fields: object, message: string): void {
    if (this.#problem === key) {
      this.#log.debug(fields, message);
      return;
    }
    this.#problem = key;
    this.#log[level]({ ...fields, duoPullProblem: key.split(':')[0] }, message);
  }
}

function describeWindow(q: AuthLogQuery): string {
  const span = `${new Date(q.mintime).toISOString()}..${new Date(q.maxtime).toISOString()}`;
  return `Duo authlog pull ${span}${q.nextOffset ? ` after ${q.nextOffset[0]},${q.nextOffset[1]}` : ''}`;
}
