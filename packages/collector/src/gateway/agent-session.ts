import type { Logger } from 'pino';
import { WebSocket, type RawData } from 'ws';
import { CloseCode, decodeEnvelope, encodeEnvelope, type Command, type Envelope, type EnvelopeInit } from '@pushtrace/proto';
import { CollectorError } from '../errors.js';
import type { SequencedMessage, Store } from '../store/store.js';
import { DATA_BODIES } from './body-kinds.js';
import { checkFrame, type Refusal } from './frame-rules.js';
import { answerHello, type HelloOutcome } from './hello.js';

/** What a session needs from the gateway; all of it injected so tests use real parts. */
export interface SessionContext {
  readonly store: Store;
  readonly log: Logger;
  readonly enrollSecret: string;
  readonly checkinIntervalS: number;
  readonly maxFrameBytes: number;
  /** Most data messages committed in one store transaction. */
  readonly commitBatchMax: number;
  readonly helloTimeoutMs: number;
  readonly now: () => number;
  /** The session authenticated as a sensor (the gateway replaces an older session of it). */
  onAuthenticated(session: AgentSession): void;
  /** The agent has its Welcome: commands may be sent from now on. */
  onReady(session: AgentSession): void;
  /** The socket is closed; the gateway forgets the session. */
  onClosed(session: AgentSession): void;
  /** A batch of this sensor's data messages is committed (before its ack goes out). */
  onCommitted(sensorId: number, messages: readonly SequencedMessage[]): void;
  /** A checkin is recorded (it re-confirms the sensor's current IP up to now). */
  onCheckin(sensorId: number): void;
}

type Inbound = { readonly envelope: Envelope } | { readonly refusal: Refusal };

type State =
  /** Waiting for (or checking) the first frame. */
  | 'hello'
  /** Authenticated; data and control frames flow. */
  | 'ready'
  /** Shutting down: no new frames, the in-flight commit finishes and is acked. */
  | 'draining'
  /** A close frame was sent; nothing more is read or written. */
  | 'closing'
  | 'closed';

/**
 * One agent connection. Frames are handled strictly in arrival order by one
 * async pump, so an ack never overtakes a refusal and a refusal never
 * overtakes the commit of the data in front of it. Consecutive data frames
 * that queue up while a commit runs (or within one event-loop turn) are
 * committed together in one transaction and acked once, after the commit.
 */
export class AgentSession {
  readonly remote: string;
  private sensorIdValue: number | null = null;
  private state: State = 'hello';
  private readonly queue: Inbound[] = [];
  private pumping: Promise<void> | null = null;
  private helloTimer: NodeJS.Timeout | null = null;
  private log: Logger;
  private readonly closed: Promise<void>;
  /** Set by the gateway's heartbeat; false means a ping went unanswered. */
  alive = true;

  constructor(
    readonly socket: WebSocket,
    remote: string,
    private readonly ctx: SessionContext,
  ) {
    this.remote = remote;
    this.log = ctx.log.child({ remote });
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    socket.on('pong', () => { this.alive = true; });
    socket.on('error', (err: Error & { code?: string }) => this.onSocketError(err));
    socket.on('close', (code, reason) => this.onClose(code, reason.toString('utf8')));
    this.helloTimer = setTimeout(() => {
      this.refuse({
        code: 'COLLECTOR_E_PROTOCOL_VIOLATION',
        closeCode: CloseCode.PROTOCOL_VIOLATION,
        message: `no Hello within ${ctx.helloTimeoutMs} ms of connecting`,
      });
    }, ctx.helloTimeoutMs);
    this.helloTimer.unref();
  }

  /** The authenticated sensor, or null before a good Hello. */
  get sensorId(): number | null {
    return this.sensorIdValue;
  }

  /**
   * Ends the session with a coded close: ErrorNotice first (so the agent can
   * log why), then the close frame. Frames still queued are dropped: nothing
   * of them was acked, so the agent replays them on its next connection.
   */
  refuse(refusal: Refusal): void {
    if (this.state === 'closing' || this.state === 'closed') return;
    this.state = 'closing';
    this.queue.length = 0;
    this.clearHelloTimer();
    const level = refusal.closeCode === CloseCode.GOING_AWAY ? 'info' : 'warn';
    this.log[level]({ code: refusal.code, closeCode: refusal.closeCode }, `agent connection closed: ${refusal.message}`);
    this.send({ error: { code: refusal.code, message: refusal.message } });
    if (this.socket.readyState === WebSocket.OPEN || this.socket.readyState === WebSocket.CONNECTING) {
      // The reason is limited to 123 bytes; the stable code always fits.
      this.socket.close(refusal.closeCode, refusal.code);
    }
  }

  /**
   * Graceful shutdown: stop taking frames, let the commit in flight finish
   * and its ack go out, then close with GOING_AWAY. Resolves when the socket
   * is closed (or terminated after `closeTimeoutMs`).
   */
  async drain(closeTimeoutMs: number): Promise<void> {
    if (this.state === 'hello' || this.state === 'ready') {
      this.state = 'draining';
      this.queue.length = 0;
    }
    if (this.pumping !== null) await this.pumping;
    this.refuse({ code: 'COLLECTOR_E_SHUTTING_DOWN', closeCode: CloseCode.GOING_AWAY, message: 'the collector is shutting down' });
    const timer = setTimeout(() => this.socket.terminate(), closeTimeoutMs);
    await this.closed;
    clearTimeout(timer);
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.state !== 'hello' && this.state !== 'ready') return;
    this.queue.push(this.decode(data, isBinary));
    this.schedulePump();
  }

  private decode(data: RawData, isBinary: boolean): Inbound {
    if (!isBinary) {
      return { refusal: { code: 'COLLECTOR_E_UNDECODABLE', closeCode: CloseCode.UNDECODABLE, message: 'text frame: the agent protocol uses binary frames only' } };
    }
    const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
    try {
      return { envelope: decodeEnvelope(bytes) };
    } catch (err) {
      return { refusal: { code: 'COLLECTOR_E_UNDECODABLE', closeCode: CloseCode.UNDECODABLE, message: (err as Error).message } };
    }
  }

  private schedulePump(): void {
    if (this.pumping !== null) return;
    // setImmediate lets every frame of the current socket read join the
    // first batch instead of committing them one by one.
    this.pumping = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pump())
      .catch((err: unknown) => {
        this.log.error({ err }, 'agent session failed unexpectedly');
        this.refuse({ code: 'COLLECTOR_E_INTERNAL', closeCode: CloseCode.INTERNAL_ERROR, message: 'internal error; reconnect and replay' });
      })
      .finally(() => {
        this.pumping = null;
        if (this.queue.length > 0 && (this.state === 'hello' || this.state === 'ready')) this.schedulePump();
      });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 && (this.state === 'hello' || this.state === 'ready')) {
      const item = this.queue.shift()!;
      if ('refusal' in item) {
        this.refuse(item.refusal);
        return;
      }
      const envelope = item.envelope;
      const refusal = checkFrame(envelope, this.state === 'hello' ? null : this.sensorIdValue);
      if (refusal !== null) {
        this.refuse(refusal);
        return;
      }
      if (envelope.body === 'hello') {
        await this.onHello(envelope);
      } else if (DATA_BODIES.has(envelope.body!)) {
        await this.commit(this.takeDataBatch(envelope));
      } else {
        await this.onControl(envelope);
      }
    }
  }

  /** The given data frame plus the good data frames queued right behind it. */
  private takeDataBatch(first: Envelope): SequencedMessage[] {
    const batch: SequencedMessage[] = [{ seq: first.seq, envelope: first }];
    while (batch.length < this.ctx.commitBatchMax) {
      const next = this.queue[0];
      if (next === undefined || !('envelope' in next)) break;
      if (!DATA_BODIES.has(next.envelope.body!) || checkFrame(next.envelope, this.sensorIdValue) !== null) break;
      this.queue.shift();
      batch.push({ seq: next.envelope.seq, envelope: next.envelope });
    }
    return batch;
  }

  private async commit(batch: SequencedMessage[]): Promise<void> {
    try {
      const stored = await this.ctx.store.commitMessages(this.sensorIdValue!, batch, this.ctx.now());
      this.ctx.onCommitted(this.sensorIdValue!, batch);
      this.ack(batch, batch.length, stored);
    } catch (err) {
      if (isRejection(err)) {
        await this.commitOneByOne(batch);
        return;
      }
      this.commitFailed(err, batch.length);
    }
  }

  /**
   * A batch the store rejected (a constraint said no) is retried message by
   * message, so one bad message cannot hold back the good ones around it. A
   * message rejected on its own would be rejected on every replay: it is
   * logged as an error with its seq and acked, because the alternative is an
   * agent replaying it forever and never getting past it.
   */
  private async commitOneByOne(batch: SequencedMessage[]): Promise<void> {
    let handled = 0;
    let stored = 0;
    for (const message of batch) {
      try {
        stored += await this.ctx.store.commitMessages(this.sensorIdValue!, [message], this.ctx.now());
        this.ctx.onCommitted(this.sensorIdValue!, [message]);
      } catch (err) {
        if (!isRejection(err)) {
          this.ack(batch, handled, stored);
          this.commitFailed(err, batch.length - handled);
          return;
        }
        this.log.error({ err, code: 'COLLECTOR_E_STORE_REJECTED', seq: message.seq, body: message.envelope.body },
          'the store rejects this message and always will; acked and dropped so the agent does not replay it forever');
      }
      handled += 1;
    }
    this.ack(batch, handled, stored);
  }

  /** Acks the first `count` messages of the batch (all committed or finally rejected). */
  private ack(batch: SequencedMessage[], count: number, stored: number): void {
    let throughSeq = 0;
    for (let i = 0; i < count; i++) if (batch[i]!.seq > throughSeq) throughSeq = batch[i]!.seq;
    if (throughSeq === 0) return;
    // Acked even while draining: this commit is durable and the agent may forget it.
    this.send({ ack: { throughSeq } });
    this.log.debug({ messages: count, stored, throughSeq }, 'batch committed and acked');
  }

  private commitFailed(err: unknown, messages: number): void {
    this.log.error({ err, messages }, 'commit failed; closing so the agent replays');
    this.refuse({ code: 'COLLECTOR_E_INTERNAL', closeCode: CloseCode.INTERNAL_ERROR,
      message: 'the collector could not store your data; keep it spooled and reconnect' });
  }

  private async onHello(envelope: Envelope): Promise<void> {
    const hello = envelope.hello!;
    let outcome: HelloOutcome;
    try {
      outcome = await answerHello(envelope, this.ctx);
    } catch (err) {
      this.log.error({ err }, 'store failed during Hello');
      this.refuse({ code: 'COLLECTOR_E_INTERNAL', closeCode: CloseCode.INTERNAL_ERROR, message: 'the collector could not check your Hello; retry later' });
      return;
    }
    if ('refusal' in outcome) {
      if (outcome.knownSensorId !== null) this.log = this.log.child({ knownSensorId: outcome.knownSensorId });
      this.refuse(outcome.refusal);
      return;
    }
    if (!this.authenticated(outcome.sensorId)) return;
    const lastStoredSeq = outcome.welcome.lastStoredSeq ?? 0;
    const nextSeq = hello.nextSeq ?? 0;
    if (nextSeq !== 0 && nextSeq <= lastStoredSeq) {
      this.log.warn({ nextSeq, lastStoredSeq }, 'agent spool went back in time; it will skip to after lastStoredSeq');
    }
    this.log.info({ hostname: hello.hostname, agentVersion: hello.agentVersion, lastStoredSeq },
      outcome.enrolled ? 'sensor enrolled' : 'sensor connected');
    this.send({ welcome: outcome.welcome });
    // Only now may commands follow: an agent acts on nothing before its Welcome.
    this.ctx.onReady(this);
  }

  /** Sends a live-response command; false when the connection is not open and ready. */
  sendCommand(command: Command): boolean {
    if (this.state !== 'ready' || this.socket.readyState !== WebSocket.OPEN) return false;
    this.send({ command });
    return true;
  }

  /** Binds the session to its sensor; false if the connection ended meanwhile. */
  private authenticated(sensorId: number): boolean {
    this.clearHelloTimer();
    if (this.state !== 'hello') return false;
    this.state = 'ready';
    this.sensorIdValue = sensorId;
    this.log = this.log.child({ sensorId });
    this.ctx.onAuthenticated(this);
    return true;
  }

  private async onControl(envelope: Envelope): Promise<void> {
    const sensorId = this.sensorIdValue!;
    try {
      if (envelope.body === 'checkin') {
        const c = envelope.checkin!;
        await this.ctx.store.recordCheckin(sensorId, {
          receivedAtMs: this.ctx.now(),
          sentAtMs: envelope.sentAtMs,
          nextCheckinAtMs: c.nextCheckinAtMs ?? 0,
          agentUptimeS: c.agentUptimeS ?? 0,
          spoolQueuedMessages: c.spoolQueuedMessages ?? 0,
          spoolQueuedBytes: c.spoolQueuedBytes ?? 0,
          externalIp: c.externalIp ?? '',
        });
        this.ctx.onCheckin(sensorId);
      } else if (envelope.body === 'spoolDrops') {
        const d = envelope.spoolDrops!;
        if ((d.droppedMessages ?? 0) > 0) this.log.warn({ droppedMessages: d.droppedMessages, droppedBytes: d.droppedBytes }, 'agent spool dropped messages');
        await this.ctx.store.recordSpoolDrops(sensorId, {
          droppedMessages: d.droppedMessages ?? 0,
          droppedBytes: d.droppedBytes ?? 0,
          lastDroppedSeq: d.lastDroppedSeq ?? 0,
        });
      } else if (envelope.body === 'error') {
        this.log.warn({ agentCode: envelope.error!.code }, `agent reported: ${envelope.error!.message}`);
      }
    } catch (err) {
      this.log.error({ err, body: envelope.body }, 'store failed on a control message');
      this.refuse({ code: 'COLLECTOR_E_INTERNAL', closeCode: CloseCode.INTERNAL_ERROR, message: 'the collector could not record a control message; reconnect' });
    }
  }

  private send(init: Omit<EnvelopeInit, 'protocolVersion'>): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const frame = encodeEnvelope({ sensorId: this.sensorIdValue ?? 0, seq: 0, sentAtMs: this.ctx.now(), ...init });
    this.socket.send(frame, { binary: true });
  }

  private onSocketError(err: Error & { code?: string }): void {
    if (err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') {
      this.log.warn({ code: 'COLLECTOR_E_FRAME_TOO_BIG', closeCode: CloseCode.MESSAGE_TOO_BIG, maxFrameBytes: this.ctx.maxFrameBytes },
        'agent connection closed: frame larger than maxFrameBytes');
    } else {
      this.log.warn({ err, wsCode: err.code }, 'agent connection error');
    }
    // ws closes the connection itself after a protocol-level error.
    if (this.state !== 'closed') this.state = 'closing';
    this.queue.length = 0;
  }

  private onClose(code: number, reason: string): void {
    this.state = 'closed';
    this.queue.length = 0;
    this.clearHelloTimer();
    this.log.debug({ closeCode: code, reason }, 'agent connection closed');
    this.ctx.onClosed(this);
  }

  private clearHelloTimer(): void {
    if (this.helloTimer !== null) clearTimeout(this.helloTimer);
    this.helloTimer = null;
  }
}

/** The store refused the input itself (it would refuse it again), as opposed to failing now. */
function isRejection(err: unknown): boolean {
  return err instanceof CollectorError && err.code === 'COLLECTOR_E_STORE_REJECTED';
}
