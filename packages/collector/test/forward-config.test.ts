import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CollectorError } from '../src/errors.js';
import { forwardConfigWarnings, parseForwardConfig, type ForwardSettings } from '../src/forward/forward-config.js';

const SECRET = 'a-secret-of-24-characters';

function configError(settings: ForwardSettings, options: { dbPath?: string } = { dbPath: '/var/lib/pushtrace/pushtrace.db' }): CollectorError {
  try {
    parseForwardConfig(settings, options);
  } catch (err) {
    expect(err).toBeInstanceOf(CollectorError);
    expect((err as CollectorError).code).toBe('COLLECTOR_E_CONFIG');
    return err as CollectorError;
  }
  throw new Error('expected a CollectorError, nothing was thrown');
}

describe('forward config', () => {
  it('applies defaults, derives the outbox from the database path, and freezes the result', () => {
    const config = parseForwardConfig({ webhookUrl: 'https://siem.example.com/hooks/pushtrace', webhookSecret: SECRET }, { dbPath: 'data/pushtrace.db' });
    expect(config).toEqual({
      webhookUrl: 'https://siem.example.com/hooks/pushtrace',
      webhookSecret: SECRET,
      webhookTimeoutMs: 10_000,
      webhookConcurrency: 4,
      retryBaseMs: 1000,
      retryCapMs: 60_000,
      retryAfterMaxMs: 3_600_000,
      giveUpAfterMs: 86_400_000,
      maxPending: 10_000,
      outboxPath: resolve('data/pushtrace.db.forward-outbox.jsonl'),
      jsonlPath: null,
      stopDrainMs: 5000,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('nothing set, or empty strings, means forwarding off', () => {
    const config = parseForwardConfig({ webhookUrl: '', webhookSecret: '', jsonlPath: '' }, { dbPath: 'x.db' });
    expect(config).toMatchObject({ webhookUrl: null, webhookSecret: null, jsonlPath: null, outboxPath: null });
  });

  it('takes durations as ms or text, whole numbers as numbers or text', () => {
    const config = parseForwardConfig({
      jsonlPath: 'alerts.jsonl', webhookTimeoutMs: '30s', retryBaseMs: 250, retryCapMs: '2m', giveUpAfterMs: '7d', stopDrainMs: '0', maxPending: '500', webhookConcurrency: 2,
    });
    expect(config).toMatchObject({ jsonlPath: resolve('alerts.jsonl'), webhookTimeoutMs: 30_000, retryBaseMs: 250, retryCapMs: 120_000, giveUpAfterMs: 604_800_000, stopDrainMs: 0, maxPending: 500, webhookConcurrency: 2 });
  });

  it('a webhook needs a secret of at least 16 characters, and the error never echoes it', () => {
    expect(configError({ webhookUrl: 'https://siem.example.com/h' }).message).toContain('forward.webhookSecret: required with webhookUrl');
    const short = configError({ webhookUrl: 'https://siem.example.com/h', webhookSecret: 'hunter2-hunter2' });
    expect(short.message).toContain('forward.webhookSecret: must be at least 16 characters');
    expect(short.message).not.toContain('hunter2');
  });

  it('refuses URLs that are not plain http(s), naming the key but not echoing the URL', () => {
    expect(configError({ webhookUrl: 'ftp://siem.example.com/h', webhookSecret: SECRET }).message).toContain('forward.webhookUrl: expected an http:// or https:// URL, got ftp://');
    const creds = configError({ webhookUrl: 'https://bob:pa55word@siem.example.com/h', webhookSecret: SECRET });
    expect(creds.message).toContain('forward.webhookUrl: must not contain user:password@ credentials');
    expect(creds.message).not.toContain('pa55word');
    expect(configError({ webhookUrl: 'siem.example.com/h?token=abc', webhookSecret: SECRET }).message).toMatch(/forward\.webhookUrl: not a URL$/m);
    expect(configError({ webhookUrl: 'https://siem.example.com/h#x', webhookSecret: SECRET }).message).toContain('must not contain a #fragment');
  });

  it('names every bad field at once', () => {
    const err = configError({ webhookUrl: 'https://siem.example.com/h', webhookSecret: SECRET, webhookTimeoutMs: '10 seconds', webhookConcurrency: 0, giveUpAfterMs: '31d', maxPending: -1 });
    const lines = err.message.split('\n').slice(1).map((l) => l.trim().split(':')[0]);
    expect(lines.sort()).toEqual(['forward.giveUpAfterMs', 'forward.maxPending', 'forward.webhookConcurrency', 'forward.webhookTimeoutMs']);
    expect(err.message).toContain('forward.webhookTimeoutMs: expected whole milliseconds or a duration such as 30s, 10m, 2h: "10 seconds"');
    expect(err.message).toContain('forward.giveUpAfterMs: must be between 1000 and 2592000000 ms, got 2678400000');
    // Rules between fields are checked once each field is fine on its own.
    expect(configError({ jsonlPath: 'a.jsonl', retryBaseMs: '5m', retryCapMs: '1m' }).message).toContain('forward.retryCapMs: must not be below retryBaseMs (300000 ms)');
  });

  it('a webhook without an outbox (no database path, no outboxPath) is refused; the JSONL file must not be the outbox', () => {
    expect(configError({ webhookUrl: 'https://siem.example.com/h', webhookSecret: SECRET }, {}).message).toContain('forward.outboxPath: required with webhookUrl');
    expect(configError({ webhookUrl: 'https://siem.example.com/h', webhookSecret: SECRET, jsonlPath: '/tmp/o.jsonl', outboxPath: '/tmp/o.jsonl' }).message).toContain('forward.jsonlPath: must not be the webhook outbox file');
  });

  it('warns about plain http to anything but loopback', () => {
    const warn = (url: string) => forwardConfigWarnings(parseForwardConfig({ webhookUrl: url, webhookSecret: SECRET }, { dbPath: 'x.db' }));
    expect(warn('http://siem.corp.example:8080/h?token=abc')).toEqual([
      'webhook siem.corp.example:8080 is plain http:// to a non-loopback host: alert contents travel unencrypted (use https://)',
    ]);
    expect(warn('http://10.1.2.3/h')).toHaveLength(1);
    expect(warn('http://127.0.0.1:9000/h')).toEqual([]);
    expect(warn('http://[::1]:9000/h')).toEqual([]);
    expect(warn('http://localhost/h')).toEqual([]);
    expect(warn('https://siem.corp.example/h')).toEqual([]);
  });
});
