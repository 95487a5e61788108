import { Worker } from 'node:worker_threads';
import type { DetectionRunner } from '../detect/detection-runner.js';
import { CollectorError } from '../errors.js';
import type { Store } from '../store/store.js';
import { ingestEvents, type IngestOutcome } from './ingest-service.js';
import type { MfaEvent } from './mfa-event.js';
import { checkMfaLogOptions, parseMfaLog, type ParseMfaLogOptions } from './parse-mfa-log.js';
import type { ParseMessage, ParseRequest } from './parse-worker.js';

export interface LogIngestTuning {
  /**
   * Logs at least this long (in UTF-16 code units) are parsed in a worker
   * thread. Default 1 MiB: below it, starting a worker (tens of ms) costs
   * more than parsing where we are.
   */
  workerMinChars?: number;
  /** Events per chunk the worker hands over. Default 10,000 (about 70 ms of inserting). */
  chunkEvents?: number;
  /** The compiled parse-worker.js. Default: beside this module (dist/ingest/). */
  workerUrl?: URL;
}

const DEFAULT_WORKER_MIN_CHARS = 1 << 20;
const DEFAULT_CHUNK_EVENTS = 10_000;

/**
 * An MFA log file, as text, into the store and through detection: what
 * POST /ingest/:source does. Same outcome as parseMfaLog + ingestEvents
 * (but for one thing: a Duo fraud report repeating a push handed over in an
 * earlier chunk keeps that push's time, which the parser matched to the
 * second, instead of its own sub-second part); a large log is parsed in a worker thread while the events parsed so far
 * are stored, so parsing neither stalls the collector's event loop nor waits
 * for the store (and the store does not wait for parsing). Detection runs
 * once, over everything stored.
 *
 * Chunks are stored in one transaction each. If parsing stops part way,
 * what was stored stays and is judged by detection, and the error
 * (COLLECTOR_E_INGEST_FAILED) says so: sending the file again is safe, since
 * the store skips what it has.
 */
export async function ingestMfaLog(
  store: Store,
  runner: DetectionRunner,
  text: string,
  options: ParseMfaLogOptions,
  tuning: LogIngestTuning = {},
): Promise<IngestOutcome> {
  checkMfaLogOptions(options);
  if (text.length < (tuning.workerMinChars ?? DEFAULT_WORKER_MIN_CHARS)) {
    const parsed = parseMfaLog(text, options);
    return ingestEvents(store, runner, parsed.events, parsed.rejected);
  }
  const fresh: MfaEvent[] = [];
  let stored = 0;
  let done: Extract<ParseMessage, { kind: 'done' }>;
  try {
    done = await parseInWorker(text, options, tuning, async (events, upgrades) => {
      // A worker ahead of us leaves many chunks queued, and Node hands them
      // all over in one turn of the event loop: store each in a turn of its
      // own, so agents' frames and API calls get in between.
      await new Promise((resolve) => setImmediate(resolve));
      const added = await store.insertMfaEvents(events);
      stored += added.length;
      for (const event of added) fresh.push(event);
      // An upgrade replaces an event counted already; it is new only to detection.
      for (const event of await store.insertMfaEvents(upgrades)) fresh.push(event);
    });
  } catch (err) {
    if (err instanceof CollectorError && err.code === 'COLLECTOR_E_INGEST_USAGE') throw err;
    let judged = 'detection has judged them';
    try {
      if (fresh.length > 0) await runner.onMfaEvents(fresh);
    } catch (detectErr) {
      judged = `detection could not judge them (${(detectErr as Error).message})`;
    }
    throw new CollectorError('COLLECTOR_E_INGEST_FAILED',
      `ingesting the ${options.source} log stopped part way: ${(err as Error).message}. ` +
      `${stored} new events were stored before that and ${judged}. Sending the file again is safe: events already stored are skipped`,
      { cause: err });
  }
  const alerts = fresh.length > 0 ? await runner.onMfaEvents(fresh) : [];
  return { received: done.received, stored, duplicates: done.received - stored, rejected: done.rejected, alerts };
}

type StoreChunk = (events: MfaEvent[], upgrades: MfaEvent[]) => Promise<void>;

/** Runs parse-worker.js over `text`, storing each chunk in order; resolves with its last word. */
function parseInWorker(
  text: string,
  options: ParseMfaLogOptions,
  tuning: LogIngestTuning,
  storeChunk: StoreChunk,
): Promise<Extract<ParseMessage, { kind: 'done' }>> {
  const worker = new Worker(tuning.workerUrl ?? new URL('./parse-worker.js', import.meta.url));
  return new Promise((resolve, reject) => {
    // Chunks are stored one after another, in the order they were parsed.
    let storing: Promise<void> = Promise.resolve();
    let settled = false;
    const fail = (err: unknown) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (message: ParseMessage) => {
      if (message.kind === 'chunk') {
        storing = storing.then(() => (settled ? undefined : storeChunk(message.events, message.upgrades)));
        storing.catch(fail);
      } else if (message.kind === 'done') {
        storing.then(() => {
          if (settled) return;
          settled = true;
          void worker.terminate();
          resolve(message);
        }, fail);
      } else {
        const code = message.code === 'COLLECTOR_E_INGEST_USAGE' ? message.code : 'COLLECTOR_E_INGEST_FAILED';
        storing.then(() => fail(new CollectorError(code, message.message)), fail);
      }
    });
    worker.on('error', (err) => storing.then(() => fail(new Error(`the parse worker failed: ${err.message}`)), fail));
    worker.on('exit', (exitCode) => {
      storing.then(() => fail(new Error(`the parse worker exited (code ${exitCode}) before it finished`)), fail);
    });
    const request: ParseRequest = { text, options, chunkEvents: tuning.chunkEvents ?? DEFAULT_CHUNK_EVENTS };
    worker.postMessage(request);
  });
}
