import { describe, expect, it } from 'vitest';
import { findBursts } from '../src/detect/bursts.js';
import { CollectorError } from '../src/errors.js';
import { CONFIG, MIN, T0, push } from './detect-fixtures.js';

const times = (bursts: ReturnType<typeof findBursts>) => bursts.map((b) => b.pushes.map((p) => (p.timeMs - T0) / MIN));

describe('findBursts', () => {
  it('K non-approved pushes within M make a burst; fewer do not', () => {
    expect(times(findBursts([push(T0), push(T0 + 4 * MIN), push(T0 + 10 * MIN)], CONFIG))).toEqual([[0, 4, 10]]);
    expect(findBursts([push(T0), push(T0 + 4 * MIN)], CONFIG)).toEqual([]);
    // Three pushes, but no three of them within 10 minutes.
    expect(findBursts([push(T0), push(T0 + 6 * MIN), push(T0 + 12 * MIN)], CONFIG)).toEqual([]);
  });

  it('K and M come from the config (the public rules use 5 in 10 minutes)', () => {
    const four = [0, 1, 2, 3].map((m) => push(T0 + m * MIN));
    expect(findBursts(four, { ...CONFIG, burstMinPushes: 5 })).toEqual([]);
    expect(findBursts([...four, push(T0 + 4 * MIN)], { ...CONFIG, burstMinPushes: 5 })).toHaveLength(1);
    expect(findBursts(four, { ...CONFIG, burstWindowMs: 2 * MIN })).toHaveLength(1);
    expect(findBursts(four, { ...CONFIG, burstWindowMs: MIN - 1 })).toEqual([]);
  });

  it('chains an episode into one burst, and splits where pushes are more than M apart', () => {
    const hour = Array.from({ length: 16 }, (_, i) => push(T0 + i * 4 * MIN));
    const later = [0, 1, 2].map((m) => push(T0 + 2 * 60 * MIN + m * MIN));
    const bursts = findBursts([...later, ...hour], CONFIG);
    expect(bursts.map((b) => [b.pushes.length, (b.firstPushMs - T0) / MIN, (b.lastPushMs - T0) / MIN])).toEqual([[16, 0, 60], [3, 120, 122]]);
  });

  it('a fraud report is a burst on its own, and joins the episode it falls in', () => {
    expect(times(findBursts([push(T0, { result: 'fraud' })], CONFIG))).toEqual([[0]]);
    expect(times(findBursts([push(T0, { result: 'denied', reason: 'user_marked_fraud' })], CONFIG))).toEqual([[0]]);
    expect(times(findBursts([push(T0), push(T0 + 5 * MIN, { result: 'fraud' }), push(T0 + 30 * MIN)], CONFIG))).toEqual([[0, 5]]);
  });

  it('approvals do not count towards K but are kept when inside the span', () => {
    const events = [push(T0), push(T0 + MIN, { result: 'success' }), push(T0 + 2 * MIN), push(T0 + 3 * MIN, { result: 'success' }), push(T0 + 4 * MIN), push(T0 + 5 * MIN, { result: 'success' })];
    const [burst] = findBursts(events, CONFIG);
    expect(times([burst!])).toEqual([[0, 1, 2, 3, 4]]);
    expect(burst!.firstPushMs).toBe(T0);
    expect(burst!.lastPushMs).toBe(T0 + 4 * MIN);
    expect(findBursts([push(T0), push(T0 + MIN, { result: 'success' }), push(T0 + 2 * MIN)], CONFIG)).toEqual([]);
  });

  it('counts duplicates once, ignores non-push factors, and keeps users apart', () => {
    const a = push(T0);
    expect(findBursts([a, { ...a }, push(T0 + MIN)], CONFIG)).toEqual([]);
    // Same time, different txid: two pushes.
    expect(findBursts([a, { ...a, eventId: 'other' }, push(T0 + MIN)], CONFIG)).toHaveLength(1);
    expect(findBursts([push(T0), push(T0 + MIN), push(T0 + 2 * MIN, { isPush: false, factor: 'phone_call' })], CONFIG)).toEqual([]);
    const mixed = findBursts([push(T0), push(T0 + MIN, { user: 'amy' }), push(T0 + 2 * MIN), push(T0 + 3 * MIN, { user: 'amy' }), push(T0 + 4 * MIN)], CONFIG);
    expect(mixed.map((b) => [b.user, b.pushes.length])).toEqual([['jdoe', 3]]);
    expect(mixed[0]!.pushes.every((p) => p.user === 'jdoe')).toBe(true);
  });

  it('orders bursts oldest first, then by user', () => {
    const bursts = findBursts([
      ...[0, 1, 2].map((m) => push(T0 + 60 * MIN + m * MIN)),
      ...[0, 1, 2].map((m) => push(T0 + m * MIN, { user: 'zed', eventId: `z${m}` })),
      ...[0, 1, 2].map((m) => push(T0 + m * MIN, { user: 'amy', eventId: `a${m}` })),
    ], CONFIG);
    expect(bursts.map((b) => [b.user, (b.firstPushMs - T0) / MIN])).toEqual([['amy', 0], ['zed', 0], ['jdoe', 60]]);
  });

  it('rejects a bad time or config, naming it', () => {
    expect(() => findBursts([push(T0), push(Number.NaN)], CONFIG)).toThrow(/events\[1\]\.timeMs/);
    expect(() => findBursts([], { ...CONFIG, burstMinPushes: 0 })).toThrow(CollectorError);
    expect(() => findBursts([], { ...CONFIG, burstMinPushes: 0 })).toThrow(/burstMinPushes/);
  });
});
