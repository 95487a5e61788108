import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertForwarder } from '../src/forward/alert-forwarder.js';
import type { AlertEventOffer } from '../src/forward/alert-event.js';
import { parseForwardConfig, type ForwardSettings } from '../src/forward/forward-config.js';
import { ManualClock, T0, alertJson, captureLog, tempDir, until } from './forward-fixtures.js';
import { startReceiver, type Receiver } from './forward-receiver.js';

const SECRET = 'jsonl-test-secret-0001';

let dir: { dir: string; remove: () => Promise<void> };
let clock: ManualClock;
let receiver: Receiver | null = null;
const forwarders: AlertForwarder[] = [];

beforeEach(async () => {
  dir = await tempDir();
  clock = new ManualClock(T0);
});

afterEach(async () => {
  for (const f of forwarders.splice(0)) {
    const stopping = f.stop();
    clock.advance(60_000);
    await stopping;
  }
  await receiver?.down();
  receiver = null;
  await dir.remove();
});

function makeForwarder(settings: ForwardSettings) {
  const { log, lines } = captureLog();
  const config = parseForwardConfig(settings, { dbPath: join(dir.dir, 'pushtrace.db') });
  const forwarder = new AlertForwarder({ config, log, clock });
  forwarders.push(forwarder);
  return { forwarder, lines };
}

const offers: AlertEventOffer[] = [
  { kind: 'alert.opened', alert: alertJson(1), at_ms: T0 },
  { kind: 'alert.opened', alert: alertJson(2, { verdict: 'unattributed', severity: 'high', sensor_id: null, hostname: null, process: null, destination: null }), at_ms: T0 + 1 },
  { kind: 'alert.updated', alert: alertJson(1, { pushes_total: 6 }), at_ms: T0 + 2 },
  { kind: 'alert.triaged', alert: { ...alertJson(1), status: 'investigating', tags: ['winscp'] } as AlertEventOffer['alert'], at_ms: T0 + 3 },
  { kind: 'alert.merged', alert: alertJson(1, { pushes_total: 9 }), at_ms: T0 + 4, merged_alert_id: 2 },
];

async function jsonlLines(path: string): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('JSON-lines forwarding', () => {
  it('appends one parseable line per event, in order, the same event the webhook gets', async () => {
    receiver = await startReceiver({ secret: SECRET, now: () => clock.now() });
    const jsonlPath = join(dir.dir, 'alerts.jsonl');
    await writeFile(jsonlPath, '{"earlier":"line kept"}\n');
    const { forwarder } = makeForwarder({ jsonlPath, webhookUrl: receiver.url, webhookSecret: SECRET });
    await forwarder.start();
    for (const offer of offers) forwarder.offer(offer);
    await until('written and delivered', () => expect(forwarder.stats()).toMatchObject({ jsonl: { written: 5, pending: 0 }, webhook: { delivered: 5 } }));

    const [earlier, ...lines] = await jsonlLines(jsonlPath);
    expect(earlier).toEqual({ earlier: 'line kept' });
    expect(lines).toHaveLength(5);
    lines.forEach((line, i) => {
      expect(line).toMatchObject({ schema_version: 1, kind: offers[i]!.kind, at_ms: offers[i]!.at_ms, at: new Date(offers[i]!.at_ms).toISOString() });
      expect(line.alert).toEqual(offers[i]!.alert);
      expect(line.delivery_id).toMatch(/^[0-9a-f-]{36}$/);
      // Only a merge names the alert that is gone.
      expect(line.merged_alert_id).toBe(offers[i]!.merged_alert_id);
    });
    expect(lines[4]).toMatchObject({ kind: 'alert.merged', merged_alert_id: 2 });
    expect(new Set(lines.map((l) => l.delivery_id)).size).toBe(5);
    // The webhook body and the file line are the same event.
    const byId = new Map(receiver.requests.map((r) => [r.deliveryId, r.rawBody.toString('utf8')]));
    for (const line of lines) expect(JSON.parse(byId.get(line.delivery_id as string)!)).toEqual(line);
  });

  it('offer never throws when the file cannot be written: it logs, keeps the lines, and writes them once it can', async () => {
    receiver = await startReceiver({ secret: SECRET, now: () => clock.now() });
    const jsonlPath = join(dir.dir, 'is-a-folder');
    await mkdir(jsonlPath);
    const { forwarder, lines } = makeForwarder({ jsonlPath, webhookUrl: receiver.url, webhookSecret: SECRET, retryBaseMs: '2s' });
    await forwarder.start();
    for (const offer of offers.slice(0, 2)) expect(() => forwarder.offer(offer)).not.toThrow();

    await until('a failed write', () => expect(forwarder.stats().jsonl).toMatchObject({ failures: 1, pending: 2, written: 0 }));
    const logged = lines.find((l) => l.msg === 'JSON-lines sink cannot write; alert events kept in memory and retried');
    expect(logged).toMatchObject({ level: 50, jsonl: jsonlPath, pending: 2, retryInMs: 1000, err: { code: 'EISDIR' } });
    // The broken file does not hold up the webhook.
    await until('webhook unaffected', () => expect(forwarder.stats().webhook!.delivered).toBe(2));

    expect(() => forwarder.offer(offers[2]!)).not.toThrow();
    await rmdir(jsonlPath);
    clock.advance(1000);
    await until('written after the retry', () => expect(forwarder.stats().jsonl).toMatchObject({ written: 3, pending: 0 }));
    expect((await jsonlLines(jsonlPath)).map((l) => l.kind)).toEqual(['alert.opened', 'alert.opened', 'alert.updated']);
    expect(lines.some((l) => l.msg === 'JSON-lines sink writing again')).toBe(true);
  });

  it('while the file stays broken: a full buffer drops oldest, stop counts what is left, later offers are counted', async () => {
    const jsonlPath = join(dir.dir, 'still-a-folder');
    await mkdir(jsonlPath);
    const { forwarder, lines } = makeForwarder({ jsonlPath, maxPending: 2, stopDrainMs: '1s' });
    await forwarder.start();
    for (const offer of offers.slice(0, 3)) forwarder.offer(offer);
    // The first line is already being written; the failed batch goes back
    // ahead of the others and the oldest falls out.
    await until('failed', () => expect(forwarder.stats().jsonl!.failures).toBe(1));
    expect(forwarder.stats().jsonl).toMatchObject({ dropped: 1, pending: 2 });
    expect(lines.find((l) => l.msg === 'JSON-lines buffer full: oldest alert events dropped')).toMatchObject({ level: 40, droppedNow: 1, dropped: 1 });

    const stopping = forwarder.stop();
    clock.advance(1000);
    await stopping;
    // The deadline passed at once on the test clock; the write under way counts its own lines when it fails.
    await until('all counted', () => expect(forwarder.stats().jsonl).toMatchObject({ dropped: 3, pending: 0 }));
    expect(lines.find((l) => l.msg === 'JSON-lines sink stopped with alert events unwritten')).toMatchObject({ level: 50, unwritten: 2, dropped: 3 });

    forwarder.offer(offers[3]!);
    expect(forwarder.stats().jsonl!.dropped).toBe(4);
  });

  it('a malformed offer is refused and logged, never thrown, and does not stop the next one', async () => {
    const jsonlPath = join(dir.dir, 'alerts.jsonl');
    const { forwarder, lines } = makeForwarder({ jsonlPath });
    await forwarder.start();
    const bad: unknown[] = [
      { kind: 'alert.closed', alert: alertJson(1), at_ms: T0 },
      { kind: 'alert.opened', alert: { ...alertJson(1), id: 0 }, at_ms: T0 },
      { kind: 'alert.opened', alert: alertJson(1), at_ms: Number.NaN },
      { kind: 'alert.opened', alert: { ...alertJson(1), huge: 10n }, at_ms: T0 },
      null,
    ];
    for (const offer of bad) expect(() => forwarder.offer(offer as AlertEventOffer)).not.toThrow();
    forwarder.offer(offers[0]!);
    expect(forwarder.stats().refused).toBe(5);
    await until('good one written', () => expect(forwarder.stats().jsonl!.written).toBe(1));
    expect(lines.filter((l) => l.msg === 'alert event not forwarded: the offer could not be serialised')).toHaveLength(5);
  });

  it('with neither sink configured the forwarder is a no-op', async () => {
    const { forwarder } = makeForwarder({});
    expect(forwarder.enabled).toBe(false);
    await forwarder.start();
    forwarder.offer(offers[0]!);
    expect(forwarder.stats()).toEqual({ refused: 0, webhook: null, jsonl: null });
  });
});
