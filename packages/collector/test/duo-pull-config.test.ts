import { pino } from 'pino';
import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { CollectorError } from '../src/errors.js';
import { decodeCheckpoint, encodeCheckpoint } from '../src/ingest/duo-pull/authlog-checkpoint.js';
import { fullJitterDelayMs, parseRetryAfter } from '../src/ingest/duo-pull/backoff.js';
import { parseDuoPullConfig, type DuoPullSettings } from '../src/ingest/duo-pull/duo-pull-config.js';
import { cronEveryMinutes, nodeCronScheduler } from '../src/ingest/duo-pull/poll-schedule.js';

const GOOD: DuoPullSettings = { apiHost: 'api-E4C9F5B2.duosecurity.com', integrationKey: 'DIWJ8X6AEYOR5OMC6TQ1', secretKey: 'not-the-real-secret-0123456789' };

function configError(settings: DuoPullSettings): CollectorError {
  try {
    parseDuoPullConfig(settings);
  } catch (err) {
    expect(err).toBeInstanceOf(CollectorError);
    return err as CollectorError;
  }
  throw new Error('expected COLLECTOR_E_CONFIG, nothing was thrown');
}

describe('Duo pull settings', () => {
  it('fills defaults, lower-cases the host, and freezes', () => {
    const config = parseDuoPullConfig(GOOD);
    expect(config).toEqual({
      apiHost: 'api-e4c9f5b2.duosecurity.com', integrationKey: GOOD.integrationKey, secretKey: GOOD.secretKey, baseUrl: null,
      intervalMinutes: 1, limit: 1000, initialLookbackMs: 86_400_000, requestTimeoutMs: 30_000, signatureVersion: 5, maxRetries: 5, maxWaitMs: 60_000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('wants a bare host name and points test URLs at baseUrl', () => {
    for (const apiHost of ['https://api-e4c9f5b2.duosecurity.com', 'api-e4c9f5b2.duosecurity.com:443', '127.0.0.1:8080/x', 'localhost', '']) {
      const err = configError({ ...GOOD, apiHost });
      expect(err.code).toBe('COLLECTOR_E_CONFIG');
      expect(err.message).toContain('duo.apiHost');
    }
    expect(configError({ ...GOOD, apiHost: 'http://127.0.0.1:9999' }).message).toContain('baseUrl');
  });

  it('accepts an http(s) baseUrl for tests and mirrors, normalised, and refuses anything else', () => {
    expect(parseDuoPullConfig({ ...GOOD, baseUrl: 'http://127.0.0.1:9999/' }).baseUrl).toBe('http://127.0.0.1:9999');
    expect(parseDuoPullConfig({ ...GOOD, baseUrl: 'https://mirror.example/duo/' }).baseUrl).toBe('https://mirror.example/duo');
    expect(parseDuoPullConfig({ ...GOOD, baseUrl: null }).baseUrl).toBeNull();
    for (const baseUrl of ['ftp://127.0.0.1', 'http://127.0.0.1/?a=1', 'http://u:p@127.0.0.1', 'not a url']) {
      expect(configError({ ...GOOD, baseUrl }).message).toContain('duo.baseUrl');
    }
  });

  it('names every bad field at once and never echoes the secret', () => {
    const err = configError({ ...GOOD, integrationKey: 'DI KEY', secretKey: '', intervalMinutes: 0, limit: 5000, signatureVersion: 4 as 5 });
    for (const field of ['duo.integrationKey', 'duo.secretKey', 'duo.intervalMinutes', 'duo.limit', 'duo.signatureVersion']) expect(err.message).toContain(field);
    const leak = configError({ ...GOOD, apiHost: 'https://x', secretKey: 'SUPERSECRETVALUE' });
    expect(leak.message).not.toContain('SUPERSECRETVALUE');
  });
});

describe('backoff', () => {
  it('full jitter stays within the capped exponential ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((n) => fullJitterDelayMs(n, () => 0.999999))).toEqual([999, 1999, 3999, 7999, 15999, 31999, 31999, 31999]);
    expect(fullJitterDelayMs(3, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores garbage', () => {
    const now = Date.UTC(2025, 5, 2, 12, 0, 0);
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Mon, 02 Jun 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 02 Jun 2025 11:00:00 GMT', now)).toBe(0);
    for (const v of [null, undefined, '', '-5', '1.5', 'soon']) expect(parseRetryAfter(v, now)).toBeNull();
  });
});

describe('checkpoint encoding', () => {
  it('round-trips both shapes', () => {
    for (const cp of [
      { mintime: 1_700_000_000_000, window: null },
      { mintime: 1_700_000_000_000, window: { maxtime: 1_700_000_060_000, nextOffset: ['1700000030000', '5bea5c1e-682c-4f1d-b3f0-75fd31385bd5'] as const } },
    ]) expect(decodeCheckpoint(encodeCheckpoint(cp))).toEqual(cp);
  });

  it('says what is wrong with a bad one', () => {
    expect(decodeCheckpoint('nope')).toEqual({ error: 'not JSON' });
    expect(decodeCheckpoint('{"v":2,"mintime":1}')).toEqual({ error: 'unknown format version 2' });
    expect(decodeCheckpoint('{"v":1,"mintime":5,"maxtime":9,"next_offset":["1"]}')).toEqual({ error: 'next_offset: expected [timestamp, txid], got ["1"]' });
    expect(decodeCheckpoint('{"v":1,"mintime":5,"maxtime":5,"next_offset":["1","a"]}')).toMatchObject({ error: expect.stringContaining('maxtime') });
  });
});

describe('schedule', () => {
  it('turns minutes into a cron expression node-cron accepts', () => {
    expect(cronEveryMinutes(1)).toBe('* * * * *');
    expect(cronEveryMinutes(5)).toBe('*/5 * * * *');
    expect(cron.validate(cronEveryMinutes(15))).toBe(true);
    expect(() => cronEveryMinutes(0)).toThrow(RangeError);
  });

  it('registers a real node-cron task and removes it on stop', () => {
    const name = `duo-pull-test-${process.pid}`;
    const handle = nodeCronScheduler(pino({ level: 'silent' }), name)(1, () => undefined);
    expect([...cron.getTasks().values()].some((t) => t.name === name)).toBe(true);
    handle.stop();
    expect([...cron.getTasks().values()].some((t) => t.name === name)).toBe(false);
  });
});
