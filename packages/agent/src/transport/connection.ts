import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { decodeEnvelope, encodeEnvelope, type Command, type EnvelopeInit, type Envelope, type Welcome } from '@pushtrace/proto';
import { pino, type Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import { AgentError } from '../errors.js';
import type { Spool } from '../spool/spool.js';
import { Backoff } from './backoff.js';
import { describeClose, type CloseFacts, type DisconnectReason } from './close-reasons.js';
import { agentEndpoint, redact } from './collector-url.js';
import { resolveConnectionOptions, type AgentConnectionOptions, type ResolvedConnectionOptions } from './connection-options.js';
import { Heartbeat } from './heartbeat.js';
import { loadIdentity, saveIdentity, type SensorIdentity } from './sensor-identity.js';

/** Live-only messages: sent now if connected, dropped otherwise. */
export type ControlBody = Pick<EnvelopeInit, 'checkin'> | Pick<EnvelopeInit, 'spoolDrops'>;

export interface ConnectedInfo {
  sensorId: number;
  /** This connection enrolled the agent (a token was just saved). */
  enrolled: boolean;
  /** Not the first Welcome since start(). */
  reconnect: boolean;
  welcome: Welcome;
}

export type ConnectionEvents = {
  /** Every Welcome. */
  connected: [info: ConnectedInfo];
  /** Every Welcome after the first one since start(): time to refresh the external IP. */
  reconnect: [sensorId: number];
  /** Every connection end (also failed attempts); `retryInMs` is undefined after stop(). */
  disconnected: [reason: DisconnectReason & { retryInMs: number | undefined }];
  /** The collector committed everything this connection sent up to the seq. */
  ack: [throughSeq: number];
  /**
   * A live-response command arrived (after Welcome). The connection only
   * relays it: checking and running it, and spooling its result, are the
   * listener's (live-response/command-runner.ts). A listener must not throw.
   */
  command: [command: Command];
};

export type { AgentConnectionOptions };

export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'waiting' | 'stopped';

/** One WebSocket and what happened on it. */
interface Session {
  ws: WebSocket;
  ready: boolean;
  acked: boolean;
  inFlight: Array<{ seq: number; size: number }>;
  inFlightBytes: number;
  heartbeat?: Heartbeat;
  timer?: NodeJS.Timeout;
  notice?: { code: string; message: string };
  local?: string;
  error?: Error;
}

/**
 * The agent's link to the collector. Connects, says Hello (enroll secret the
 * first time, sensor token after), waits for Welcome, then drains the spool
 * through a window of unacked messages; a lost connection rolls the window
 * back into the spool and reconnects with capped, jittered backoff. Data
 * goes only through the spool; control messages only through sendControl().
 */
export class AgentConnection extends EventEmitter<ConnectionEvents> {
  readonly endpoint: URL;
  readonly #o: ResolvedConnectionOptions;
  readonly #enrollSecret: string | undefined;
  readonly #ca: Buffer | undefined;
  readonly #backoff: Backoff;
  readonly #log: Logger;
  readonly #spool: Spool;
  #identity: SensorIdentity | undefined;
  #session: Session | undefined;
  #state: ConnectionState = 'idle';
  #retryTimer: NodeJS.Timeout | undefined;
  #pumpScheduled = false;
  #welcomes = 0;
  #stopped: (() => void) | undefined;
  readonly #onEnqueued = (): void => this.#schedulePump();
  readonly #onDrops = (): void => { this.#sendDropReport(); };

  constructor(options: AgentConnectionOptions) {
    super();
    this.endpoint = agentEndpoint(options.collectorUrl, options.allowInsecure ?? false);
    this.#o = resolveConnectionOptions(options);
    this.#spool = options.spool;
    this.#enrollSecret = options.enrollSecret || undefined;
    this.#backoff = options.backoff ?? new Backoff();
    this.#log = options.log ?? pino({ level: 'silent' });
    if (options.caFile !== undefined) {
      try {
        this.#ca = readFileSync(options.caFile);
      } catch (cause) {
        throw new AgentError('AGENT_E_CONFIG', `caFile ${options.caFile}: cannot read: ${(cause as Error).message}`, { cause });
      }
    }
    this.#identity = loadIdentity(this.#o.stateDir);
    if (!this.#identity && !this.#enrollSecret) {
      throw new AgentError('AGENT_E_CONFIG', `enrollSecret (--enroll-secret): required, no sensor token saved in ${this.#o.stateDir}`);
    }
  }

  /** True between a Welcome and the end of that connection. */
  get connected(): boolean {
    return this.#session?.ready === true;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  /** The sensor id, once enrolled. */
  get sensorId(): number | undefined {
    return this.#identity?.sensorId;
  }

  start(): void {
    if (this.#state !== 'idle') return;
    this.#spool.on('enqueued', this.#onEnqueued);
    this.#spool.on('drops', this.#onDrops);
    this.#connect();
  }

  /** Closes the connection (leases go back to the spool) and stops reconnecting. */
  async stop(): Promise<void> {
    if (this.#state === 'stopped' || this.#state === 'idle') {
      this.#state = 'stopped';
      return;
    }
    this.#state = 'stopped';
    clearTimeout(this.#retryTimer);
    this.#spool.off('enqueued', this.#onEnqueued);
    this.#spool.off('drops', this.#onDrops);
    const s = this.#session;
    if (!s) return;
    await new Promise<void>((resolve) => {
      this.#stopped = resolve;
      s.ws.close(1001, 'agent stopping');
      // A peer that never answers the close frame must not hold up shutdown.
      setTimeout(() => s.ws.terminate(), 2000).unref();
    });
  }

  /**
   * Sends a control message (Checkin, SpoolDropReport) now, if connected.
   * Returns false when offline: control messages describe the present and
   * are never queued (seq 0).
   */
  sendControl(body: ControlBody): boolean {
    const s = this.#session;
    if (!s?.ready) return false;
    s.ws.send(encodeEnvelope({ ...body, seq: 0, sensorId: this.#identity?.sensorId ?? 0, sentAtMs: this.#o.now() }));
    return true;
  }

  // ---- connection lifecycle ----

  #connect(): void {
    this.#state = 'connecting';
    const ws = new WebSocket(this.endpoint, {
      maxPayload: this.#o.maxPayload,
      handshakeTimeout: this.#o.welcomeTimeoutMs,
      perMessageDeflate: false,
      followRedirects: false,
      ...(this.#ca ? { ca: this.#ca } : {}),
    });
    const s: Session = { ws, ready: false, acked: false, inFlight: [], inFlightBytes: 0 };
    this.#session = s;
    ws.on('open', () => this.#onOpen(s));
    ws.on('message', (data, isBinary) => this.#onMessage(s, data, isBinary));
    ws.on('ping', () => s.heartbeat?.seen());
    ws.on('error', (err) => { s.error ??= err; });
    ws.on('close', (code, reason) => this.#onClose(s, code, reason.toString('utf8')));
  }

  #onOpen(s: Session): void {
    s.heartbeat = new Heartbeat(s.ws, {
      intervalMs: this.#o.pingIntervalMs,
      timeoutMs: this.#o.idleTimeoutMs,
      onDead: (ms) => this.#abort(s, `no frame or pong from the collector for ${ms} ms`),
    });
    s.heartbeat.start();
    s.timer = setTimeout(() => this.#abort(s, `no Welcome within ${this.#o.welcomeTimeoutMs} ms`), this.#o.welcomeTimeoutMs);
    const auth = this.#identity ? { sensorToken: this.#identity.sensorToken } : { enrollSecret: this.#enrollSecret! };
    s.ws.send(encodeEnvelope({
      seq: 0,
      sensorId: this.#identity?.sensorId ?? 0,
      sentAtMs: this.#o.now(),
      hello: { ...auth, hostname: this.#o.hostname, agentVersion: this.#o.agentVersion, nextSeq: this.#spool.stats().nextSeq },
    }));
  }

  #onMessage(s: Session, data: RawData, isBinary: boolean): void {
    if (s !== this.#session) return;
    s.heartbeat?.seen();
    try {
      this.#handleFrame(s, data, isBinary);
    } catch (err) {
      // Spool or state-dir I/O failed: drop this connection (leases roll
      // back) and let the backoff retry, rather than crash inside ws.
      this.#log.error({ err }, 'handling a collector frame failed');
      this.#abort(s, `agent failed: ${(err as Error).message}`);
    }
  }

  #handleFrame(s: Session, data: RawData, isBinary: boolean): void {
    if (!isBinary) {
      this.#abort(s, 'collector sent a text frame');
      return;
    }
    let env: Envelope;
    try {
      env = decodeEnvelope(toBytes(data));
    } catch (err) {
      this.#abort(s, `collector sent an undecodable frame: ${(err as Error).message}`);
      return;
    }
    switch (env.body) {
      case 'welcome':
        if (s.ready) this.#abort(s, 'collector sent a second Welcome');
        else this.#onWelcome(s, env.welcome!);
        return;
      case 'ack':
        if (!s.ready) this.#abort(s, 'collector sent an Ack before Welcome');
        else this.#onAck(s, env.ack!.throughSeq as number);
        return;
      case 'error':
        s.notice = { code: env.error!.code ?? '', message: env.error!.message ?? '' };
        return;
      case 'command':
        if (!s.ready) this.#abort(s, 'collector sent a Command before Welcome');
        else this.#onCommand(env.command!);
        return;
      default:
        this.#log.warn({ body: env.body }, 'collector sent a message the agent does not expect; ignored');
    }
  }

  #onWelcome(s: Session, welcome: Welcome): void {
    clearTimeout(s.timer);
    const sensorId = welcome.sensorId ?? 0;
    const lastStored = (welcome.lastStoredSeq as number | null | undefined) ?? 0;
    if (sensorId <= 0) {
      this.#abort(s, 'collector sent a Welcome without a sensor id');
      return;
    }
    let enrolled = false;
    if (welcome.sensorToken) {
      this.#identity = { sensorId, sensorToken: welcome.sensorToken, collector: redact(this.endpoint), enrolledAtMs: this.#o.now() };
      saveIdentity(this.#o.stateDir, this.#identity);
      enrolled = true;
      this.#log.info({ sensorId }, 'enrolled; sensor token saved');
    } else if (!this.#identity) {
      this.#abort(s, 'collector accepted the enroll secret but sent no sensor token');
      return;
    } else if (this.#identity.sensorId !== sensorId) {
      this.#log.warn({ saved: this.#identity.sensorId, sensorId }, 'collector knows this token under another sensor id; saving it');
      this.#identity = { ...this.#identity, sensorId };
      saveIdentity(this.#o.stateDir, this.#identity);
    }
    // Anything at or below lastStored is already in the store (its ack was
    // lost with an earlier connection); and those seqs are taken.
    this.#spool.rollback();
    const discarded = this.#spool.discardThrough(lastStored);
    this.#spool.ensureSeqAbove(lastStored);
    s.ready = true;
    this.#state = 'connected';
    const reconnect = this.#welcomes > 0;
    this.#welcomes += 1;
    s.timer = setTimeout(() => this.#backoff.reset(), this.#o.healthyAfterMs);
    this.#log.info({ sensorId, lastStoredSeq: lastStored, discarded, queued: this.#spool.stats().queuedMessages }, 'connected to collector');
    this.#sendDropReport();
    this.emit('connected', { sensorId, enrolled, reconnect, welcome });
    if (reconnect) this.emit('reconnect', sensorId);
    this.#pump();
  }

  #onAck(s: Session, throughSeq: number): void {
    this.#spool.ack(throughSeq);
    while (s.inFlight.length > 0 && s.inFlight[0]!.seq <= throughSeq) s.inFlightBytes -= s.inFlight.shift()!.size;
    if (!s.acked) {
      // The collector commits what this agent sends: the path works end to end.
      s.acked = true;
      this.#backoff.reset();
    }
    this.emit('ack', throughSeq);
    this.#pump();
  }

  #onCommand(command: Command): void {
    if (this.listenerCount('command') === 0) {
      this.#log.warn({ commandId: command.id, verb: command.verb }, 'collector sent a live-response command; this agent runs none');
      return;
    }
    try {
      this.emit('command', command);
    } catch (err) {
      // A broken listener must not cost the connection (and the telemetry on it).
      this.#log.error({ err, commandId: command.id }, 'live-response command listener threw');
    }
  }

  /** Ends the connection from this side; #onClose does the rest. */
  #abort(s: Session, why: string): void {
    if (s !== this.#session || s.local) return;
    s.local = why;
    s.ws.terminate();
  }

  #onClose(s: Session, code: number, reasonText: string): void {
    if (s !== this.#session) return;
    this.#session = undefined;
    s.heartbeat?.stop();
    clearTimeout(s.timer);
    this.#spool.rollback();
    // ws reports a bad frame from the collector (too big, invalid) as an
    // error with a WS_ERR_ code and closes with 1009/1002/1007 itself: that
    // is this side's decision, not a refusal by the collector.
    const wsCode = (s.error as NodeJS.ErrnoException | undefined)?.code;
    const local = s.local ?? (wsCode?.startsWith('WS_ERR_') ? `collector sent an invalid frame: ${s.error!.message}` : undefined);
    const facts: CloseFacts = {
      code,
      reason: reasonText,
      ...(s.notice ? { notice: s.notice } : {}),
      ...(local ? { local } : {}),
      ...(s.error ? { error: s.error } : {}),
    };
    const reason = describeClose(facts);
    if (this.#state === 'stopped') {
      this.#log.info({ code }, 'disconnected from collector (agent stopping)');
      this.emit('disconnected', { ...reason, retryInMs: undefined });
      this.#stopped?.();
      return;
    }
    if (reason.refused) this.#backoff.toCap();
    const retryInMs = this.#backoff.next();
    const fields = { code: reason.code, codeName: reason.codeName, noticeCode: reason.noticeCode, retryInMs, wasConnected: s.ready };
    if (reason.refused) this.#log.error(fields, reason.message);
    else this.#log.warn(fields, reason.message);
    this.#state = 'waiting';
    this.emit('disconnected', { ...reason, retryInMs });
    this.#retryTimer = setTimeout(() => this.#connect(), retryInMs);
  }

  // ---- data ----

  #schedulePump(): void {
    if (this.#pumpScheduled || !this.connected) return;
    this.#pumpScheduled = true;
    // Batches a burst of enqueues into one pass.
    setImmediate(() => {
      this.#pumpScheduled = false;
      const s = this.#session;
      try {
        this.#pump();
      } catch (err) {
        this.#log.error({ err }, 'sending from the spool failed');
        if (s) this.#abort(s, `agent failed: ${(err as Error).message}`);
      }
    });
  }

  /** Sends spooled messages until the window is full or the spool is empty. */
  #pump(): void {
    const s = this.#session;
    if (!s?.ready) return;
    while (s.inFlight.length < this.#o.windowMessages && s.inFlightBytes < this.#o.windowBytes) {
      const entries = this.#spool.lease(this.#o.windowMessages - s.inFlight.length, this.#o.windowBytes - s.inFlightBytes);
      if (entries.length === 0) return;
      for (const e of entries) {
        s.ws.send(e.bytes);
        s.inFlight.push({ seq: e.seq, size: e.bytes.length });
        s.inFlightBytes += e.bytes.length;
      }
    }
  }

  #sendDropReport(): void {
    const t = this.#spool.dropTotals();
    this.sendControl({ spoolDrops: { droppedMessages: t.messages, droppedBytes: t.bytes, lastDroppedSeq: t.lastSeq } });
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
