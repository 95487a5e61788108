import { DEFAULT_MAX_FRAME_BYTES } from '@pushtrace/proto';
import type { Logger } from 'pino';
import type { Spool } from '../spool/spool.js';
import type { Backoff } from './backoff.js';

export interface AgentConnectionOptions {
  /** Collector URL (ws://, wss://; http(s):// mapped); an empty path becomes /agent. Required. */
  collectorUrl: string;
  /** Directory of sensor.json (the sensor token, 0600). Required. */
  stateDir: string;
  /** Deployment enroll secret; presented only while no sensor token is saved. */
  enrollSecret?: string;
  /** The outbox this connection drains. Required. */
  spool: Spool;
  /** Sent in Hello. Required. */
  hostname: string;
  /** Sent in Hello. Required. */
  agentVersion: string;
  /** PEM file of the CA that signs the collector's certificate; replaces the system CAs. Default: system CAs. */
  caFile?: string;
  /** Allow ws:// to a non-loopback host. Default false. */
  allowInsecure?: boolean;
  /** Largest frame accepted from the collector, bytes. Default DEFAULT_MAX_FRAME_BYTES (4 MiB). */
  maxPayload?: number;
  /** Data messages in flight (sent, not acked). Default 64. */
  windowMessages?: number;
  /** Bytes in flight. Default 1 MiB. */
  windowBytes?: number;
  /** Deadline for the TCP/TLS/HTTP handshake and then for the Welcome, each, ms. Default 15000. */
  welcomeTimeoutMs?: number;
  /** WebSocket ping period, ms. Default 10000. */
  pingIntervalMs?: number;
  /** Silence after which the connection is dropped, ms. Default 30000. */
  idleTimeoutMs?: number;
  /** A connection this old (after Welcome) resets the backoff even without an Ack, ms. Default 30000. */
  healthyAfterMs?: number;
  /** Reconnect delays. Default: new Backoff() (1 s base, 60 s cap, full jitter). */
  backoff?: Backoff;
  /** Default: silent. */
  log?: Logger;
  /** Clock for Envelope.sent_at_ms. Default Date.now. */
  now?: () => number;
}

export type ResolvedConnectionOptions = Readonly<Required<Omit<AgentConnectionOptions, 'enrollSecret' | 'caFile' | 'backoff' | 'log'>>>;

/** Fills in the defaults documented above. */
export function resolveConnectionOptions(options: AgentConnectionOptions): ResolvedConnectionOptions {
  return Object.freeze({
    collectorUrl: options.collectorUrl,
    stateDir: options.stateDir,
    spool: options.spool,
    hostname: options.hostname,
    agentVersion: options.agentVersion,
    allowInsecure: options.allowInsecure ?? false,
    maxPayload: options.maxPayload ?? DEFAULT_MAX_FRAME_BYTES,
    windowMessages: options.windowMessages ?? 64,
    windowBytes: options.windowBytes ?? 1024 * 1024,
    welcomeTimeoutMs: options.welcomeTimeoutMs ?? 15_000,
    pingIntervalMs: options.pingIntervalMs ?? 10_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 30_000,
    healthyAfterMs: options.healthyAfterMs ?? 30_000,
    now: options.now ?? Date.now,
  });
}
