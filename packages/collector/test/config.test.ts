import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION_CONFIG } from '../src/detect/types.js';
import { DEFAULT_MAX_FRAME_BYTES } from '@pushtrace/proto';
import { parseSince } from '../src/api/since.js';
import { loadClientConfig } from '../src/config/client-config.js';
import { loadCollectorConfig } from '../src/config/collector-config.js';
import { parseListenAddress } from '../src/config/listen-address.js';
import { CollectorError } from '../src/errors.js';

function configError(fn: () => unknown): CollectorError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CollectorError);
    return err as CollectorError;
  }
  throw new Error('expected a CollectorError, nothing was thrown');
}

describe('collector config', () => {
  it('applies defaults and freezes the result', () => {
    const config = loadCollectorConfig({ enrollSecret: 's3cret' }, {});
    expect(config).toEqual({
      listen: { host: '127.0.0.1', port: 8650 },
      dbPath: resolve('./pushtrace.db'),
      enrollSecret: 's3cret',
      adminToken: null,
      logLevel: 'info',
      maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
      checkinIntervalS: 15,
      offlineGraceS: 15,
      detection: DEFAULT_DETECTION_CONFIG,
      duo: null,
      retentionMs: 30 * 86_400_000,
      autoConfirm: true,
      forward: expect.objectContaining({ webhookUrl: null, jsonlPath: null, outboxPath: null }),
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.listen)).toBe(true);
    expect(Object.isFrozen(config.detection)).toBe(true);
  });

  it('reads retention, auto-confirm and forwarding settings, naming the flag of a bad one', () => {
    expect(loadCollectorConfig({ enrollSecret: 's', retention: 'off', autoConfirm: 'off' }, {})).toMatchObject({ retentionMs: null, autoConfirm: false });
    expect(loadCollectorConfig({ enrollSecret: 's' }, { PUSHTRACE_RETENTION: '90d' }).retentionMs).toBe(90 * 86_400_000);
    const short = configError(() => loadCollectorConfig({ enrollSecret: 's', retention: '2h' }, {}));
    expect(short.message).toContain('config.retentionMs (--retention or PUSHTRACE_RETENTION): expected a duration of at least 1d');
    expect(configError(() => loadCollectorConfig({ enrollSecret: 's', autoConfirm: 'yes' }, {})).message).toContain('--auto-confirm');
    const forward = loadCollectorConfig({ enrollSecret: 's', db: '/tmp/x.db', forwardWebhookUrl: 'https://soc.example/hook' },
      { PUSHTRACE_FORWARD_WEBHOOK_SECRET: 'a-secret-of-24-characters' }).forward;
    expect(forward).toMatchObject({ webhookUrl: 'https://soc.example/hook', outboxPath: '/tmp/x.db.forward-outbox.jsonl' });
    // A webhook without its secret is refused, and the message never echoes a secret.
    const noSecret = configError(() => loadCollectorConfig({ enrollSecret: 's', forwardWebhookUrl: 'https://soc.example/hook' }, {}));
    expect(noSecret.message).toContain('forward.webhookSecret');
  });

  it('reads detection thresholds as durations and counts, naming the flag of a bad one', () => {
    const config = loadCollectorConfig({ enrollSecret: 's', burstMinPushes: '5', burstWindow: '15m', alignBefore: '90s', loopWindow: '1h' }, {});
    expect(config.detection).toMatchObject({ burstMinPushes: 5, burstWindowMs: 900_000, alignBeforeMs: 90_000, loopWindowMs: 3_600_000 });
    const err = configError(() => loadCollectorConfig({ enrollSecret: 's', burstWindow: 'ten minutes' }, {}));
    expect(err.message).toContain('config.detection.burstWindowMs');
    expect(err.message).toContain('--burst-window');
  });

  it('takes Duo credentials from flags or environment, all three or none', () => {
    expect(loadCollectorConfig({ enrollSecret: 's' }, {}).duo).toBeNull();
    const env = { PUSHTRACE_DUO_API_HOST: 'api-1234abcd.duosecurity.com', PUSHTRACE_DUO_IKEY: 'DIXXXXXXXXXXXXXXXXXX', PUSHTRACE_DUO_SKEY: 'secret' };
    const duo = loadCollectorConfig({ enrollSecret: 's' }, env).duo;
    // The poller's own defaults (interval, limit, ...) come with it.
    expect(duo).toMatchObject({
      apiHost: 'api-1234abcd.duosecurity.com', integrationKey: 'DIXXXXXXXXXXXXXXXXXX', secretKey: 'secret', baseUrl: null, intervalMinutes: 1,
    });
    expect(Object.isFrozen(duo)).toBe(true);
    // The poller's host rule applies at start-up: a URL is not a host name.
    expect(configError(() => loadCollectorConfig({ enrollSecret: 's' }, { ...env, PUSHTRACE_DUO_API_HOST: 'https://api-1234abcd.duosecurity.com' })).message)
      .toContain('config.duo.apiHost');
    const err = configError(() => loadCollectorConfig({ enrollSecret: 's', duoApiHost: 'api-1234abcd.duosecurity.com' }, {}));
    expect(err.message).toContain('config.duo.integrationKey');
  });

  it('takes secrets from the environment, and flags win over it', () => {
    const env = { PUSHTRACE_ENROLL_SECRET: 'from-env', PUSHTRACE_ADMIN_TOKEN: 'token-from-env' };
    expect(loadCollectorConfig({}, env)).toMatchObject({ enrollSecret: 'from-env', adminToken: 'token-from-env' });
    expect(loadCollectorConfig({ enrollSecret: 'from-flag', adminToken: 'token-from-flag' }, env))
      .toMatchObject({ enrollSecret: 'from-flag', adminToken: 'token-from-flag' });
    // An exported but empty variable counts as not set.
    expect(loadCollectorConfig({ enrollSecret: 'x' }, { PUSHTRACE_ADMIN_TOKEN: '' }).adminToken).toBeNull();
  });

  it('refuses to start without an enroll secret, naming the flag and the variable', () => {
    const err = configError(() => loadCollectorConfig({}, {}));
    expect(err.code).toBe('COLLECTOR_E_CONFIG');
    expect(err.message).toContain('config.enrollSecret');
    expect(err.message).toContain('--enroll-secret');
    expect(err.message).toContain('PUSHTRACE_ENROLL_SECRET');
  });

  it('names the field of every bad value, all at once', () => {
    const err = configError(() => loadCollectorConfig({
      enrollSecret: 'x', listen: 'localhost', logLevel: 'chatty', maxFrameBytes: '12', checkinInterval: 'soon', offlineGrace: '-1',
    }, {}));
    expect(err.code).toBe('COLLECTOR_E_CONFIG');
    for (const field of ['config.listen (--listen)', 'config.logLevel (--log-level)', 'config.maxFrameBytes (--max-frame-bytes)',
      'config.checkinIntervalS (--checkin-interval)', 'config.offlineGraceS (--offline-grace)']) {
      expect(err.message).toContain(field);
    }
  });

  it('accepts port 0, IPv6 in brackets and host names', () => {
    expect(loadCollectorConfig({ enrollSecret: 'x', listen: '127.0.0.1:0' }, {}).listen).toEqual({ host: '127.0.0.1', port: 0 });
    expect(parseListenAddress('[::1]:8650')).toEqual({ host: '::1', port: 8650 });
    expect(parseListenAddress('localhost:1')).toEqual({ host: 'localhost', port: 1 });
    expect(parseListenAddress('::1:8650')).toMatch(/not HOST:PORT/);
    expect(parseListenAddress('127.0.0.1:70000')).toMatch(/above 65535/);
  });
});

describe('client config', () => {
  it('defaults to the local collector without a token', () => {
    expect(loadClientConfig({}, {})).toEqual({ server: 'http://127.0.0.1:8650', token: null });
  });

  it('takes the environment, and flags win over it', () => {
    const env = { PUSHTRACE_SERVER: 'http://collector.example:9000/', PUSHTRACE_TOKEN: 'env-token' };
    expect(loadClientConfig({}, env)).toEqual({ server: 'http://collector.example:9000', token: 'env-token' });
    expect(loadClientConfig({ server: 'https://other:1', token: 'flag-token' }, env)).toEqual({ server: 'https://other:1', token: 'flag-token' });
  });

  it('refuses a server that is not an http(s) URL, naming where it came from', () => {
    expect(configError(() => loadClientConfig({ server: 'collector:8650' }, {})).message).toContain('--server');
    expect(configError(() => loadClientConfig({}, { PUSHTRACE_SERVER: 'nope' })).message).toContain('PUSHTRACE_SERVER');
  });
});

describe('since values', () => {
  const now = Date.parse('2025-03-01T12:00:00Z');
  it.each([
    ['30s', now - 30_000],
    ['10m', now - 600_000],
    ['2h', now - 7_200_000],
    ['7d', now - 7 * 86_400_000],
    ['2025-03-01T11:00:00Z', now - 3_600_000],
    ['2025-03-01T11:00:00.000+00:00', now - 3_600_000],
    ['2025-03-01', Date.parse('2025-03-01')],
  ])('%s', (text, expected) => {
    expect(parseSince(text, now, '--since')).toBe(expected);
  });

  it.each(['10', '10x', 'm10', '-5m', 'yesterday', 'March 1 2025', '2025-13-45', ''])('refuses %j naming the flag', (text) => {
    const err = configError(() => parseSince(text, now, '--since'));
    expect(err.code).toBe('COLLECTOR_E_BAD_PARAM');
    expect(err.message).toMatch(/^--since: /);
  });
});
