import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/*
 * A customer's webhook receiver on 127.0.0.1, written from
 * docs/alert-forwarding.md ("Verifying a request") and not from src/, so a
 * mistake in the collector's signer cannot cancel itself out: raw body,
 * timestamp within 300 s of the receiver's clock, HMAC-SHA256 over
 * "<timestamp>.<body>", constant-time compare. Requests that fail are
 * answered 401 and kept in `refused`.
 */

export interface ReceivedEvent {
  deliveryId: string;
  kind: string;
  timestamp: number;
  signature: string;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  event: { schema_version: number; delivery_id: string; kind: string; at: string; at_ms: number; alert: { id: number; [k: string]: unknown } };
}

/** How to answer one verified request; default 204. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Resolve this to send the answer; until then the request hangs. */
  after?: Promise<void>;
}

export interface ReceiverOptions {
  secret: string;
  /** The receiver's clock (share the forwarder's test clock). */
  now: () => number;
  /** Chooses the answer; called once per verified request. */
  answer?: (req: ReceivedEvent, nth: number) => Answer;
}

export interface Receiver {
  url: string;
  port: number;
  /** Verified requests, in arrival order (whatever the answer). */
  requests: ReceivedEvent[];
  /** Requests whose signature or timestamp did not verify, with why. */
  refused: Array<{ why: string; headers: IncomingHttpHeaders }>;
  answer: (req: ReceivedEvent, nth: number) => Answer;
  /** Stops listening and drops open connections: the next POST is refused. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
}

const TOLERANCE_S = 300;

export function verifyPushtrace(secret: string, headers: IncomingHttpHeaders, rawBody: Buffer, nowMs: number): string | null {
  const ts = headers['x-pushtrace-timestamp'];
  const sig = headers['x-pushtrace-signature'];
  if (typeof ts !== 'string' || !/^\d+$/.test(ts)) return 'timestamp header missing or not digits';
  if (typeof sig !== 'string') return 'signature header missing';
  if (Math.abs(nowMs / 1000 - Number(ts)) > TOLERANCE_S) return `timestamp ${ts} outside ${TOLERANCE_S} s of now`;
  const expected = `sha256=${createHmac('sha256', secret).update(`${ts}.`).update(rawBody).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(sig);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return 'signature mismatch';
  return null;
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  let server: Server | null = null;
  let port = 0;
  const requests: ReceivedEvent[] = [];
  const refused: Receiver['refused'] = [];

  const receiver: Receiver = {
    url: '',
    port: 0,
    requests,
    refused,
    answer: options.answer ?? (() => ({ status: 204 })),
    async down() {
      const s = server;
      server = null;
      if (s === null) return;
      s.closeAllConnections();
      await new Promise<void>((resolve, reject) => s.close((err) => (err ? reject(err) : resolve())));
    },
    async up() {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const rawBody = Buffer.concat(chunks);
          const why = req.method !== 'POST' ? `method ${req.method}` : verifyPushtrace(options.secret, req.headers, rawBody, options.now());
          if (why !== null) {
            refused.push({ why, headers: req.headers });
            res.writeHead(401).end(why);
            return;
          }
          const event = JSON.parse(rawBody.toString('utf8')) as ReceivedEvent['event'];
          const received: ReceivedEvent = {
            deliveryId: String(req.headers['x-pushtrace-delivery']),
            kind: String(req.headers['x-pushtrace-event']),
            timestamp: Number(req.headers['x-pushtrace-timestamp']),
            signature: String(req.headers['x-pushtrace-signature']),
            headers: req.headers,
            rawBody,
            event,
          };
          requests.push(received);
          const answer = receiver.answer(received, requests.length);
          const send = (r: ServerResponse) => r.writeHead(answer.status, answer.headers).end(answer.body ?? '');
          if (answer.after) void answer.after.then(() => { if (!res.destroyed) send(res); });
          else send(res);
        });
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, '127.0.0.1', () => resolve());
      });
      port = (server.address() as AddressInfo).port;
      receiver.port = port;
      receiver.url = `http://127.0.0.1:${port}/hooks/pushtrace?token=t0ken`;
    },
  };
  await receiver.up();
  return receiver;
}
