import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertForwarder } from '../src/forward/alert-forwarder.js';
import { parseForwardConfig } from '../src/forward/forward-config.js';
import { ManualClock, T0, alertJson, captureLog, tempDir, until } from './forward-fixtures.js';
import { startReceiver, type ReceivedEvent } from './forward-receiver.js';

/*
 * The receiver code in docs/alert-forwarding.md is what customers copy:
 * run both snippets, as printed, against a request the forwarder really
 * sent, and against tampered and stale copies of it.
 */

const DOC = new URL('../../../docs/alert-forwarding.md', import.meta.url);
const SECRET = 'docs-secret-4c1f9e2a7b';

function codeBlock(markdown: string, lang: string): string {
  const match = new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(markdown);
  if (match === null) throw new Error(`docs/alert-forwarding.md has no \`\`\`${lang} block`);
  return match[1]!;
}

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

let dir: { dir: string; remove: () => Promise<void> };
let sent: ReceivedEvent;

beforeAll(async () => {
  dir = await tempDir();
  const clock = new ManualClock(T0);
  const receiver = await startReceiver({ secret: SECRET, now: () => clock.now() });
  const { log } = captureLog();
  const forwarder = new AlertForwarder({ config: parseForwardConfig({ webhookUrl: receiver.url, webhookSecret: SECRET }, { dbPath: join(dir.dir, 'p.db') }), log, clock });
  try {
    await forwarder.start();
    // Non-ASCII content: the signature is over bytes, and the snippets must agree on them.
    forwarder.offer({ kind: 'alert.opened', alert: alertJson(1, { user: 'zoë@example.com', hostname: 'LAPTOP-Ü' }), at_ms: T0 });
    await until('delivered', () => expect(receiver.requests).toHaveLength(1));
    sent = receiver.requests[0]!;
  } finally {
    await forwarder.stop();
    await receiver.down();
  }
});

afterAll(() => dir.remove());

/** [description, headers, body, now ms, expected verdict] */
function cases(): Array<[string, Record<string, string>, Buffer, number, boolean]> {
  const headers = { 'x-pushtrace-timestamp': String(sent.timestamp), 'x-pushtrace-signature': sent.signature };
  const tampered = Buffer.from(sent.rawBody.toString('utf8').replace('"severity":"low"', '"severity":"high"'));
  expect(tampered.equals(sent.rawBody)).toBe(false);
  return [
    ['the request as sent', headers, sent.rawBody, T0 + 1000, true],
    ['a changed body', headers, tampered, T0 + 1000, false],
    ['a timestamp moved by one second', { ...headers, 'x-pushtrace-timestamp': String(sent.timestamp + 1) }, sent.rawBody, T0 + 1000, false],
    ['a replay 6 minutes later', headers, sent.rawBody, T0 + 360_000, false],
    ['no signature', { 'x-pushtrace-timestamp': headers['x-pushtrace-timestamp'] }, sent.rawBody, T0, false],
  ];
}

describe('receiver code in docs/alert-forwarding.md', () => {
  it('the Node.js snippet accepts the real request and refuses altered or stale ones', async () => {
    const snippet = codeBlock(await readFile(DOC, 'utf8'), 'js');
    const file = join(dir.dir, 'verify.mjs');
    await writeFile(file, `${snippet}\nexport { verifyPushtrace };\n`);
    const { verifyPushtrace } = (await import(pathToFileURL(file).href)) as { verifyPushtrace: (s: string, h: Record<string, string>, b: Buffer, now: number) => boolean };
    for (const [what, headers, body, now, expected] of cases()) expect([what, verifyPushtrace(SECRET, headers, body, now)]).toEqual([what, expected]);
  });

  it.skipIf(!hasPython())('the Python snippet agrees (skipped only where python3 is not installed)', async () => {
    const snippet = codeBlock(await readFile(DOC, 'utf8'), 'python');
    const runner = `${snippet}
import json, sys, base64
for c in json.load(sys.stdin):
    h = {"X-Pushtrace-Timestamp": c["ts"], "X-Pushtrace-Signature": c["sig"]}
    h = {k: v for k, v in h.items() if v is not None}
    print(json.dumps(verify_pushtrace(c["secret"].encode(), h, base64.b64decode(c["body"]), c["now"])))
`;
    const input = cases().map(([, headers, body, now]) => ({
      secret: SECRET, ts: headers['x-pushtrace-timestamp'] ?? null, sig: headers['x-pushtrace-signature'] ?? null, body: body.toString('base64'), now: now / 1000,
    }));
    const out = execFileSync('python3', ['-c', runner], { input: JSON.stringify(input), encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l) as boolean);
    expect(out).toEqual(cases().map((c) => c[4]));
  });
});
