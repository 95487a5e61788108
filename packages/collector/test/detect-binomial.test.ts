import { describe, expect, it } from 'vitest';
import { binomialTailScore } from '../src/detect/binomial-tail.js';
import { canonicalIp } from '../src/detect/ip-text.js';
import { runningFor } from '../src/detect/advice.js';

/** −log10 P(X ≥ k), summed directly: fine for small n. */
function direct(n: number, k: number, p: number): number {
  let tail = 0;
  for (let j = k; j <= n; j++) {
    let c = 1;
    for (let i = 0; i < j; i++) c = (c * (n - i)) / (i + 1);
    tail += c * p ** j * (1 - p) ** (n - j);
  }
  return -Math.log10(tail);
}

describe('binomialTailScore', () => {
  it('agrees with the direct sum', () => {
    for (const n of [1, 2, 5, 12]) {
      for (let k = 1; k <= n; k++) {
        for (const p of [0.001, 0.08, 0.5, 0.9]) {
          expect(binomialTailScore(n, k, -Math.log(1 - p))).toBeCloseTo(direct(n, k, p), 9);
        }
      }
    }
  });

  it('is 0 for no evidence (k ≤ 0, or p → 1) and stays finite for large n and tiny p', () => {
    expect(binomialTailScore(5, 0, 0.1)).toBe(0);
    expect(binomialTailScore(5, 5, 50)).toBeCloseTo(0, 12);
    expect(binomialTailScore(5, 5, Infinity)).toBe(0);
    const big = binomialTailScore(5_000, 5_000, 1e-6);
    expect(Number.isFinite(big)).toBe(true);
    expect(big).toBeCloseTo(5_000 * 6, 0);
    expect(binomialTailScore(5, 5, 0)).toBe(Infinity);
  });

  it('grows with lined-up pushes and falls with the background rate', () => {
    expect(binomialTailScore(5, 5, 0.08)).toBeGreaterThan(binomialTailScore(5, 4, 0.08));
    expect(binomialTailScore(5, 5, 0.08)).toBeGreaterThan(binomialTailScore(5, 5, 0.8));
  });

  it('refuses nonsense', () => {
    expect(() => binomialTailScore(-1, 1, 1)).toThrow(RangeError);
    expect(() => binomialTailScore(3, 1, Number.NaN)).toThrow(RangeError);
  });
});

describe('canonicalIp', () => {
  it('spells each address one way', () => {
    expect(canonicalIp(' 10.1.2.3 ')).toBe('10.1.2.3');
    expect(canonicalIp('2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(canonicalIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(canonicalIp('2001:db8:0:1:0:0:0:1')).toBe('2001:db8:0:1::1');
    expect(canonicalIp('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(canonicalIp('::ffff:10.1.2.3')).toBe('10.1.2.3');
    expect(canonicalIp('::FFFF:a01:203')).toBe('10.1.2.3');
    expect(canonicalIp('fe80::1%eth0')).toBe('fe80::1');
    expect(canonicalIp('::')).toBe('::');
    expect(canonicalIp('not-an-ip')).toBe('not-an-ip');
    expect(canonicalIp('1::2::3')).toBe('1::2::3');
  });
});

describe('runningFor', () => {
  it('says the largest whole unit', () => {
    expect(runningFor(7 * 86_400_000 + 5_000)).toBe('7 days');
    expect(runningFor(86_400_000)).toBe('1 day');
    expect(runningFor(3 * 3_600_000)).toBe('3 hours');
    expect(runningFor(61_000)).toBe('1 minute');
    expect(runningFor(42_000)).toBe('42 seconds');
    expect(runningFor(-5)).toBe('0 seconds');
  });
});
