import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlertForwarder } from '../src/forward/alert-forwarder.js';
import { parseForwardConfig } from '../src/forward/forward-config.js';
import { OutboxFile, type OutboxEntry } from '../src/forward/outbox-file.js';
import { CollectorError } from '../src/errors.js';
import { ManualClock, T0, captureLog, tempDir } from './forward-fixtures.js';

let dir: { dir: string; remove: () => Promise<void> };
let file: string;

beforeEach(async () => {
  dir = await tempDir();
  file = join(dir.dir, 'db.forward-outbox.jsonl');
});
afterEach(() => dir.remove());

const entry = (n: number, alertId = n): OutboxEntry => ({ id: `d${n}`, alertId, kind: 'alert.opened', offeredMs: T0 + n, body: JSON.stringify({ n, text: 'line\nbreak "quoted"' }) });
const lineCount = async () => (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '').length;

describe('webhook outbox file', () => {
  it('replays adds minus dones, in order, across open/close', async () => {
    const { outbox, loaded } = await OutboxFile.open(file);
    expect(loaded).toEqual({ entries: [], skipped: [] });
    await Promise.all([outbox.add(entry(1)), outbox.add(entry(2)), outbox.add(entry(3))]);
    await outbox.settle('d2', 'delivered');
    await outbox.close();

    const again = await OutboxFile.open(file);
    expect(again.loaded.entries).toEqual([entry(1), entry(3)]);
    expect(again.loaded.skipped).toEqual([]);
    // Opening compacts: only the live adds are left.
    expect(await lineCount()).toBe(2);
    await again.outbox.close();
  });

  it('skips a torn last line and garbage, naming the line, and keeps the rest', async () => {
    const add = (e: OutboxEntry) => JSON.stringify({ op: 'add', id: e.id, alert_id: e.alertId, kind: e.kind, offered_ms: e.offeredMs, body: e.body });
    await writeFile(file, [
      add(entry(1)),
      'not json at all',
      JSON.stringify({ op: 'add', id: 'd9', alert_id: 'nine', kind: 'alert.opened', offered_ms: 1, body: '{}' }),
      add(entry(2)),
      JSON.stringify({ op: 'done', id: 'd1', why: 'delivered' }),
      add(entry(3)).slice(0, 40), // a crash mid-write: no newline
    ].join('\n'));
    const { outbox, loaded } = await OutboxFile.open(file);
    expect(loaded.entries).toEqual([entry(2)]);
    expect(loaded.skipped.map((s) => s.line)).toEqual([2, 3, 6]);
    expect(loaded.skipped[2]!.why).toMatch(/torn/);
    await outbox.close();
    expect((await readFile(file, 'utf8')).endsWith('\n')).toBe(true);
    expect(await lineCount()).toBe(1);
  });

  it('truncates when drained and rewrites when done records pile up', async () => {
    const { outbox } = await OutboxFile.open(file);
    await outbox.add(entry(1));
    await outbox.settle('d1', 'delivered');
    expect((await stat(file)).size).toBe(0);

    // One entry stays pending while 1200 others come and go: the file is
    // rewritten instead of growing without end.
    await outbox.add(entry(0));
    for (let round = 0; round < 4; round++) {
      const writes: Array<Promise<void>> = [];
      for (let n = round * 300 + 1; n <= (round + 1) * 300; n++) writes.push(outbox.add(entry(n, 1)), outbox.settle(`d${n}`, 'delivered'));
      await Promise.all(writes);
    }
    expect(outbox.size).toBe(1);
    expect(await lineCount()).toBeLessThanOrEqual(2 + 1000 + 2);
    await outbox.close();
    const again = await OutboxFile.open(file);
    expect(again.loaded.entries).toEqual([entry(0)]);
    await again.outbox.close();
  });

  it('an outbox path that cannot be used stops start() with COLLECTOR_E_CONFIG naming the file', async () => {
    const outboxPath = join(dir.dir, 'a-folder');
    await mkdir(outboxPath);
    const { log } = captureLog();
    const config = parseForwardConfig({ webhookUrl: 'http://127.0.0.1:9/hook', webhookSecret: 'x'.repeat(16), outboxPath });
    const forwarder = new AlertForwarder({ config, log, clock: new ManualClock(T0) });
    const err = await forwarder.start().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(CollectorError);
    expect((err as CollectorError).code).toBe('COLLECTOR_E_CONFIG');
    expect((err as CollectorError).message).toContain(outboxPath);
    expect((err as CollectorError).message).toContain('EISDIR');
  });
});
