import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';

/** One Duo Admin API v2 authentication-log record, as the demo's stand-in service produces it. */
export interface DuoAuthlogRecord {
  timestamp: number;
  isotimestamp: string;
  txid: string;
  event_type: 'authentication';
  factor: 'duo_push';
  result: 'denied' | 'fraud' | 'success';
  reason: string;
  user: { name: string };
  application: { name: string };
  access_device: { ip: string; hostname: string | null };
  auth_device: { name: string };
}

export interface SftpStandIn {
  port: number;
  /** Sessions accepted so far. */
  readonly sessions: number;
  close(): Promise<void>;
}

const REASONS = ['no_response', 'user_mistake'] as const;

/**
 * A TCP service on 127.0.0.1 standing in for an SFTP server behind Duo: it
 * holds every session, and `pushDelayMs` after each new one it "sends the
 * user a push", reported through `onPush` as the Duo authentication-log
 * record the push would leave: the first one approved (the user's own
 * login), every later one denied (the user did not ask for it).
 */
export async function startSftpStandIn(options: {
  user: string;
  application: string;
  /** The public IP Duo sees the session come from. */
  accessIp: string;
  pushDelayMs: number;
  onPush: (record: DuoAuthlogRecord) => void;
}): Promise<SftpStandIn> {
  const open = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let sessions = 0;
  const server = createServer((socket) => {
    open.add(socket);
    const n = sessions++;
    socket.on('error', () => {});
    socket.on('close', () => open.delete(socket));
    const timer = setTimeout(() => {
      timers.delete(timer);
      const now = Date.now();
      options.onPush({
        timestamp: Math.floor(now / 1000),
        isotimestamp: new Date(now).toISOString(),
        txid: randomUUID(),
        event_type: 'authentication',
        factor: 'duo_push',
        result: n === 0 ? 'success' : 'denied',
        reason: n === 0 ? 'user_approved' : REASONS[n % REASONS.length]!,
        user: { name: options.user },
        application: { name: options.application },
        access_device: { ip: options.accessIp, hostname: null },
        auth_device: { name: 'iPhone 6' },
      });
    }, options.pushDelayMs);
    timers.add(timer);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('demo: SFTP stand-in has no port');
  return {
    port: address.port,
    get sessions() {
      return sessions;
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of open) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
