import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import { CloseCode, type Command } from '@pushtrace/proto';
import type { SequencedMessage, Store } from '../store/store.js';
import { AgentSession } from './agent-session.js';

export interface GatewayOptions {
  store: Store;
  log: Logger;
  /** The deployment's enroll secret. */
  enrollSecret: string;
  /** Told to agents in Welcome, seconds. */
  checkinIntervalS: number;
  /** ws maxPayload: larger frames are closed with 1009. */
  maxFrameBytes: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
  /** Most data messages per store transaction. Default 256. */
  commitBatchMax?: number;
  /** A connection that sends no Hello in this time is closed. Default 10 000 ms. */
  helloTimeoutMs?: number;
  /** Ping period; a connection that misses one pong is dropped. Default 30 000 ms. */
  pingIntervalMs?: number;
  /** How long shutdown waits for an agent to answer the close frame. Default 2 000 ms. */
  closeTimeoutMs?: number;
  /** Told about every committed batch (the detector re-checks verdicts that late telemetry may change). */
  onCommitted?: (sensorId: number, messages: readonly SequencedMessage[]) => void;
  /** Told about every recorded checkin (it extends the sensor's current IP to now). */
  onCheckin?: (sensorId: number) => void;
  /** Told when a sensor's connection is ready for commands (after its Welcome): live response sends what waits. */
  onSensorReady?: (sensorId: number) => void;
}

/**
 * The /agent WebSocket endpoint: accepts upgrades, runs one AgentSession per
 * connection and keeps at most one live session per sensor (a newer
 * connection replaces an older one, which is closed with GOING_AWAY).
 */
export class AgentGateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<AgentSession>();
  private readonly bySensor = new Map<number, AgentSession>();
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeTimeoutMs: number;
  private closing = false;

  constructor(private readonly options: GatewayOptions) {
    this.closeTimeoutMs = options.closeTimeoutMs ?? 2000;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false,
      // Text frames are refused with UNDECODABLE whatever their bytes, so
      // ws need not check their UTF-8 (it would close with 1007 instead).
      skipUTF8Validation: true,
      clientTracking: false,
    });
    this.heartbeat = setInterval(() => this.ping(), options.pingIntervalMs ?? 30_000);
    this.heartbeat.unref();
  }

  /** Hands an HTTP upgrade request for /agent to the WebSocket server. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (this.closing) {
        // The upgrade finished after shutdown began: nothing would drain it.
        ws.close(CloseCode.GOING_AWAY, 'COLLECTOR_E_SHUTTING_DOWN');
        return;
      }
      const remote = `${req.socket.remoteAddress ?? '?'}:${req.socket.remotePort ?? '?'}`;
      const session = new AgentSession(ws, remote, {
        store: this.options.store,
        log: this.options.log,
        enrollSecret: this.options.enrollSecret,
        checkinIntervalS: this.options.checkinIntervalS,
        maxFrameBytes: this.options.maxFrameBytes,
        commitBatchMax: this.options.commitBatchMax ?? 256,
        helloTimeoutMs: this.options.helloTimeoutMs ?? 10_000,
        now: this.options.now ?? Date.now,
        onAuthenticated: (s) => this.onAuthenticated(s),
        onReady: (s) => {
          if (this.bySensor.get(s.sensorId!) === s) this.options.onSensorReady?.(s.sensorId!);
        },
        onCommitted: (sensorId, messages) => this.options.onCommitted?.(sensorId, messages),
        onCheckin: (sensorId) => this.options.onCheckin?.(sensorId),
        onClosed: (s) => this.onClosed(s),
      });
      this.sessions.add(session);
      this.options.log.debug({ remote }, 'agent connected');
    });
  }

  /** Whether the sensor has a live, authenticated connection right now. */
  isConnected(sensorId: number): boolean {
    return this.bySensor.has(sensorId);
  }

  /** Sends a live-response command to the sensor's connection; false when it has none ready. */
  sendCommand(sensorId: number, command: Command): boolean {
    return this.bySensor.get(sensorId)?.sendCommand(command) ?? false;
  }

  /** Open agent connections, authenticated or not. */
  get connectionCount(): number {
    return this.sessions.size;
  }

  /**
   * Shutdown: refuses new upgrades, lets every in-flight commit finish and
   * its ack go out, then closes every agent with GOING_AWAY.
   */
  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    await Promise.all([...this.sessions].map((s) => s.drain(this.closeTimeoutMs)));
    this.wss.close();
  }

  private onAuthenticated(session: AgentSession): void {
    const sensorId = session.sensorId!;
    const older = this.bySensor.get(sensorId);
    this.bySensor.set(sensorId, session);
    if (older !== undefined && older !== session) {
      older.refuse({ code: 'COLLECTOR_E_REPLACED', closeCode: CloseCode.GOING_AWAY,
        message: `a newer connection of sensor ${sensorId} (from ${session.remote}) replaced this one` });
    }
  }

  private onClosed(session: AgentSession): void {
    this.sessions.delete(session);
    const sensorId = session.sensorId;
    if (sensorId !== null && this.bySensor.get(sensorId) === session) this.bySensor.delete(sensorId);
  }

  private ping(): void {
    for (const session of this.sessions) {
      if (!session.alive) {
        this.options.log.warn({ remote: session.remote, sensorId: session.sensorId }, 'agent missed a ping; dropping the connection');
        session.socket.terminate();
        continue;
      }
      if (session.socket.readyState !== WebSocket.OPEN) continue;
      session.alive = false;
      session.socket.ping();
    }
  }
}
