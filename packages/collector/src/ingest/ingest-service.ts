import type { DetectionRunner } from '../detect/detection-runner.js';
import type { StoredAlert, Store } from '../store/store.js';
import type { MfaEvent, RejectedRecord } from './mfa-event.js';

/** What one ingestion did, as the API and CLI report it. */
export interface IngestOutcome {
  /** Events the input held (after the parser's own dedupe). */
  received: number;
  /** Events that were new to the store, or replaced a stored push with its fraud report. */
  stored: number;
  /** Events the store already had (a file loaded twice, overlapping exports). */
  duplicates: number;
  rejected: RejectedRecord[];
  /** Alerts created or updated because of these events. */
  alerts: StoredAlert[];
}

/**
 * The one path every MFA event takes in, whether from a file, the API or
 * the Duo poller: store (deduplicated), then let the detector recompute the
 * verdicts the new events touch.
 */
export async function ingestEvents(
  store: Store,
  runner: DetectionRunner,
  events: readonly MfaEvent[],
  rejected: readonly RejectedRecord[],
): Promise<IngestOutcome> {
  const fresh = await store.insertMfaEvents(events);
  const alerts = fresh.length > 0 ? await runner.onMfaEvents(fresh) : [];
  return { received: events.length, stored: fresh.length, duplicates: events.length - fresh.length, rejected: [...rejected], alerts };
}
