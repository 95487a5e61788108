import { describe, expect, it } from 'vitest';
import { Backoff } from '../src/transport/backoff.js';

/** mulberry32: small seeded PRNG, so statistical checks are deterministic. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Backoff', () => {
  it('doubles its ceiling from 1 s up to the 60 s cap, then stays there', () => {
    const b = new Backoff({ random: () => 0.5 });
    const ceilings: number[] = [];
    for (let i = 0; i < 10; i++) {
      ceilings.push(b.ceilingMs());
      b.next();
    }
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000, 60000]);
  });

  it('draws each delay uniformly below its ceiling (full jitter), growing with the attempt', () => {
    const random = seeded(42);
    const draws = 4000;
    const means: number[] = [];
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(60000, 1000 * 2 ** attempt);
      let sum = 0;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < draws; i++) {
        const b = new Backoff({ random });
        for (let k = 0; k < attempt; k++) b.next();
        const d = b.next();
        min = Math.min(min, d);
        max = Math.max(max, d);
        sum += d;
      }
      expect(min).toBeGreaterThanOrEqual(0);
      expect(max).toBeLessThan(ceiling);
      // Spread: the draws reach both ends of the range.
      expect(min).toBeLessThan(0.01 * ceiling);
      expect(max).toBeGreaterThan(0.99 * ceiling);
      const mean = sum / draws;
      // Uniform on [0, c): mean c/2, standard error c/sqrt(12*draws) ≈ 0.0046c.
      expect(Math.abs(mean - ceiling / 2)).toBeLessThan(0.03 * ceiling);
      means.push(mean);
    }
    for (let i = 1; i < 7; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]! * 1.6);
  });

  it('keeps delays spread over the whole [0, cap) at the cap instead of pinning them', () => {
    const b = new Backoff({ random: seeded(7) });
    b.toCap();
    const buckets = new Array<number>(10).fill(0);
    const draws = 10000;
    for (let i = 0; i < draws; i++) buckets[Math.floor(b.next() / 6000)]! += 1;
    expect(buckets.reduce((a, n) => a + n, 0)).toBe(draws); // none at or above the cap
    expect(b.ceilingMs()).toBe(60000);
    // Every tenth of the range holds about a tenth of the draws (expected 1000, sd ≈ 30).
    for (const n of buckets) expect(Math.abs(n - draws / 10)).toBeLessThan(150);
  });

  it('reset returns to the base; toCap jumps to the cap', () => {
    const b = new Backoff({ random: () => 0.999999 });
    b.toCap();
    expect(b.next()).toBe(59999);
    b.reset();
    expect(b.attempt).toBe(0);
    expect(b.next()).toBe(999);
    expect(b.next()).toBe(1999);
  });

  it('is deterministic for a given random source', () => {
    const run = () => {
      const b = new Backoff({ random: seeded(3) });
      return Array.from({ length: 12 }, () => b.next());
    };
    expect(run()).toEqual(run());
  });

  it('refuses a cap below the base', () => {
    expect(() => new Backoff({ baseMs: 1000, capMs: 10 })).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG' }));
    expect(() => new Backoff({ baseMs: 0 })).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG' }));
  });
});
