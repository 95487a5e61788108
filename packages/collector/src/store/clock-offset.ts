/**
 * Estimating a sensor's clock offset (agent clock minus collector clock).
 *
 * Each checkin gives one sample, sentAt - receivedAt = offset - delay, where
 * delay (network, a checkin queued behind a spool upload) is never negative
 * and occasionally large. The estimate is the median of the last few
 * samples: a single late checkin, or a single odd sent_at from an agent
 * whose clock was being stepped, cannot move it; a real clock change takes
 * over after half the window. On a LAN the delay is milliseconds, far below
 * the seconds the detector's windows care about, so the median's small bias
 * towards "agent behind" is harmless.
 */

/** How many recent samples the estimate looks at. */
export const CLOCK_OFFSET_WINDOW = 5;

export interface ClockOffsetEstimate {
  /** The most recent samples, oldest first, at most CLOCK_OFFSET_WINDOW. */
  samples: number[];
  offsetMs: number;
}

/** Adds one sample to the window and returns the new estimate. */
export function addClockOffsetSample(previous: readonly number[], sampleMs: number): ClockOffsetEstimate {
  const samples = [...previous, sampleMs].slice(-CLOCK_OFFSET_WINDOW);
  return { samples, offsetMs: median(samples) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length % 2 === 1) return sorted[mid]!;
  return Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/** Reads a stored sample list, tolerating a damaged value by starting afresh. */
export function parseClockOffsetSamples(text: string): number[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)) : [];
  } catch {
    return [];
  }
}
