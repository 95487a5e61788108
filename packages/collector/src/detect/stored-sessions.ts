import { CollectorError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { BurstSessions, EndpointRef } from './attribution.js';
import type { BurstFrame } from './burst-frame.js';
import type { CandidateFacts, EndpointFacts } from './candidate-facts.js';
import { compareSessions, endpointKey, processKey } from './session-order.js';
import { toSessionRecord } from './session-record.js';
import type { SessionRecord } from './types.js';

/** The sessions read for a burst on one sensor: opened in [fromMs, toMs] (agent clock), converted by offsetMs. */
export interface SensorReadRange {
  fromMs: number;
  toMs: number;
  /** The sensor's clock offset (agent − collector): a session's collector time is its agent time minus this. */
  offsetMs: number;
}

/**
 * A burst's sessions as the runner reads them: on each matched sensor, the
 * ones it opened (not inbound) in `rangeOf(sensor)`. The facts come from
 * the store's counts (Store.summariseSessions): one grouped count over the
 * scoring span, the openings inside the pushes' windows, their processes'
 * start and earliest opening — a few thousand rows handed over instead of
 * tens of thousands. Exactly the facts factsFromSessions gives for the same
 * sessions: window bounds shift into the agent clock by the whole-ms offset
 * (the store takes whole ms, as listSessions always has), so "opened −
 * offset in [a, b]" and "opened in [a + offset, b + offset]" are the same
 * test.
 */
export class StoredBurstSessions implements BurstSessions {
  readonly #store: Store;
  readonly #rangeOf: (sensorId: number) => SensorReadRange;

  constructor(store: Store, rangeOf: (sensorId: number) => SensorReadRange) {
    this.#store = store;
    this.#rangeOf = rangeOf;
  }

  async facts(frame: BurstFrame): Promise<CandidateFacts> {
    const endpoints: EndpointFacts[] = [];
    const processFirst = new Map<string, number>();
    const sensorFirst = new Map<number, number>();
    for (const sensorId of [...frame.sensors].sort((a, b) => a - b)) {
      const { fromMs, toMs, offsetMs } = this.#rangeOf(sensorId);
      const summary = await this.#store.summariseSessions(sensorId, {
        fromMs, toMs,
        countFromMs: frame.windowStartMs + offsetMs,
        countToMs: frame.windowEndMs + offsetMs,
        openingSpans: frame.pushWindows.map(([a, b]) => [a + offsetMs, b + offsetMs] as const),
      });
      if (summary.firstOpenedMs !== null) sensorFirst.set(sensorId, summary.firstOpenedMs - offsetMs);
      const starts = new Map<string, number | null>();
      for (const p of summary.processes) {
        starts.set(p.processGuid, p.startMs === null ? null : p.startMs - offsetMs);
        processFirst.set(processKey({ sensorId, processGuid: p.processGuid }), p.firstOpenedMs - offsetMs);
      }
      const byKey = new Map<string, EndpointFacts>();
      for (const counted of summary.endpoints) {
        const e: EndpointFacts = {
          sensorId, processGuid: counted.processGuid, remoteIp: counted.remoteIp, remotePort: counted.remotePort,
          processStartMs: starts.get(counted.processGuid) ?? null,
          sessionsInWindow: counted.sessions,
          openingsNearPushes: [],
        };
        if (!starts.has(e.processGuid)) fault(`process ${e.processGuid} has sessions but was not described`);
        endpoints.push(e);
        byKey.set(endpointKey(e), e);
      }
      for (const o of summary.openings) {
        // The pushes' windows lie inside the counted span: a store that
        // lists an opening it did not count has summarised wrongly.
        const e = byKey.get(endpointKey({ sensorId, ...o }))
          ?? fault(`sensor ${sensorId}: an opening at ${o.openedAtMs} of ${o.processGuid} → ${o.remoteIp}:${o.remotePort} is in no counted endpoint`);
        e.openingsNearPushes.push(o.openedAtMs - offsetMs);
      }
    }
    for (const e of endpoints) e.openingsNearPushes.sort((a, b) => a - b);
    return { endpoints, processFirstOpenedMs: processFirst, sensorFirstOpenedMs: sensorFirst };
  }

  async sessionsOf(endpoint: EndpointRef): Promise<SessionRecord[]> {
    const { fromMs, toMs, offsetMs } = this.#rangeOf(endpoint.sensorId);
    const rows = await this.#store.listEndpointSessions(endpoint.sensorId, endpoint, fromMs, toMs);
    // A push is asked for by a session the laptop opened; what it
    // accepted (a local server's clients) cannot have caused one.
    return rows.filter((row) => row.direction !== 'inbound').map((row) => toSessionRecord(row, offsetMs)).sort(compareSessions);
  }
}

function fault(message: string): never {
  throw new CollectorError('COLLECTOR_E_INTERNAL', `summariseSessions: ${message}`);
}
