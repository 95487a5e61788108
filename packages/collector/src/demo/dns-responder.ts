import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { isIPv4 } from 'node:net';
import dnsPacket from 'dns-packet';

/** The name OpenDNS answers with the asker's public address. */
export const MYIP_NAME = 'myip.opendns.com';

export interface DnsResponderOptions {
  /** The address answered for myip.opendns.com (default 203.0.113.7, TEST-NET-3). */
  ip?: string;
  /** Where to listen: "127.0.0.1" (default) or "::1". */
  host?: '127.0.0.1' | '::1';
  /** UDP port (default 0: any free port; read `port` after start()). */
  port?: number;
  /** Start in drop mode: every query is counted and never answered. */
  drop?: boolean;
}

/** One query as received. */
export interface ReceivedQuery {
  name: string;
  type: string;
  at: number;
}

const NXDOMAIN = 3;

/**
 * A real UDP DNS server on loopback standing in for resolver1.opendns.com:
 * A queries for myip.opendns.com get the configured address, other names
 * NXDOMAIN, other record types for myip an empty NOERROR. `setIp` simulates
 * the laptop moving to another network; drop mode simulates a resolver that
 * never answers (to test deadlines).
 */
export class DnsResponder {
  readonly #host: '127.0.0.1' | '::1';
  readonly #requestedPort: number;
  #ip: string;
  #drop: boolean;
  #socket: Socket | null = null;
  #port = 0;
  /** Every query received, answered or not. */
  readonly queries: ReceivedQuery[] = [];
  /** Datagrams that were not DNS queries. */
  malformed = 0;

  constructor(options: DnsResponderOptions = {}) {
    this.#host = options.host ?? '127.0.0.1';
    this.#requestedPort = options.port ?? 0;
    this.#ip = DnsResponder.#checkIp(options.ip ?? '203.0.113.7');
    this.#drop = options.drop ?? false;
  }

  static #checkIp(ip: string): string {
    if (!isIPv4(ip)) throw new TypeError(`DnsResponder: ${JSON.stringify(ip)} is not an IPv4 address`);
    return ip;
  }

  /** Binds and returns the port. */
  async start(): Promise<number> {
    if (this.#socket !== null) throw new Error('DnsResponder: already started');
    const socket = createSocket(this.#host === '::1' ? 'udp6' : 'udp4');
    socket.on('message', (message, remote) => this.#onMessage(socket, message, remote));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.#requestedPort, this.#host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    socket.on('error', () => {});
    this.#socket = socket;
    this.#port = socket.address().port;
    return this.#port;
  }

  async stop(): Promise<void> {
    const socket = this.#socket;
    this.#socket = null;
    if (socket !== null) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  get port(): number {
    if (this.#port === 0) throw new Error('DnsResponder: not started');
    return this.#port;
  }

  /** "127.0.0.1:PORT" or "[::1]:PORT", as `--resolver` takes it. */
  get address(): string {
    return this.#host === '::1' ? `[::1]:${this.port}` : `127.0.0.1:${this.port}`;
  }

  get queryCount(): number {
    return this.queries.length;
  }

  get ip(): string {
    return this.#ip;
  }

  /** Changes the answer from the next query on. */
  setIp(ip: string): void {
    this.#ip = DnsResponder.#checkIp(ip);
  }

  /** Drop mode: count queries, answer none. */
  setDrop(drop: boolean): void {
    this.#drop = drop;
  }

  #onMessage(socket: Socket, message: Buffer, remote: RemoteInfo): void {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      this.malformed++;
      return;
    }
    const question = query.questions?.[0];
    if (query.type !== 'query' || question === undefined) {
      this.malformed++;
      return;
    }
    this.queries.push({ name: question.name, type: question.type, at: Date.now() });
    if (this.#drop) return;

    const isMyIp = question.name.toLowerCase().replace(/\.$/, '') === MYIP_NAME;
    const response = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | (isMyIp ? 0 : NXDOMAIN),
      questions: [question],
      answers: isMyIp && question.type === 'A' ? [{ type: 'A', class: 'IN', name: question.name, ttl: 0, data: this.#ip }] : [],
    });
    socket.send(response, remote.port, remote.address);
  }
}
