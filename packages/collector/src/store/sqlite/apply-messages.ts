import type { CommandResult, HostInfo, NetconnBatch, ProcessInfo } from '@pushtrace/proto';
import { pb } from '@pushtrace/proto';
import type { SequencedMessage } from '../store.js';
import { directionName, firstKnownTime, interfaceAddresses, normaliseIp, protocolName } from '../wire-values.js';
import { observeExternalIp, observeInterfaces } from './ip-history.js';
import type { Statements } from './statements.js';

/**
 * Applies one sequenced message inside the caller's transaction; false if
 * its (sensor, seq) was stored before and it was skipped. A body kind that
 * is not a data message is recorded as seen and otherwise ignored: the
 * gateway decides what is acceptable, the store only must not replay it.
 */
export function applyMessage(st: Statements, sensorId: number, message: SequencedMessage, receivedAtMs: number,
  hooks: MessageHooks = {}): boolean {
  if (st.insertSeq.run(sensorId, message.seq, receivedAtMs).changes === 0) return false;
  const env = message.envelope;
  // The time a body falls back to when it carries none of its own.
  const envelopeTime = firstKnownTime(env.sentAtMs, receivedAtMs);
  switch (env.body) {
    case 'hostInfo':
      if (env.hostInfo) applyHostInfo(st, sensorId, message.seq, env.hostInfo, envelopeTime);
      break;
    case 'processInfo':
      if (env.processInfo) applyProcessInfo(st, sensorId, env.processInfo, envelopeTime);
      break;
    case 'netconnBatch':
      if (env.netconnBatch) applyNetconnBatch(st, sensorId, env.netconnBatch, envelopeTime);
      break;
    case 'externalIp': {
      const ip = normaliseIp(env.externalIp?.ip);
      if (ip !== '') observeExternalIp(st, sensorId, ip, firstKnownTime(env.externalIp?.observedAtMs, envelopeTime));
      break;
    }
    case 'commandResult':
      if (env.commandResult) hooks.commandResult?.(sensorId, env.commandResult, receivedAtMs);
      break;
    default:
      break;
  }
  return true;
}

/** Bodies another part of the store records, inside the same transaction. */
export interface MessageHooks {
  commandResult?: (sensorId: number, result: CommandResult, receivedAtMs: number) => void;
}

function applyHostInfo(st: Statements, sensorId: number, seq: number, host: HostInfo, envelopeTime: number): void {
  const applied = st.applyHostInfo.run({
    sensorId,
    seq,
    hostname: host.hostname ?? '',
    osPlatform: host.osPlatform ?? '',
    osVersion: host.osVersion ?? '',
    osRelease: host.osRelease ?? '',
    arch: host.arch ?? '',
    agentVersion: host.agentVersion ?? '',
    bootTimeMs: firstKnownTime(host.bootTimeMs) || null,
    loggedInUsers: JSON.stringify(host.loggedInUsers ?? []),
  }).changes;
  // An older snapshot replayed late must not end interface stretches a newer one confirmed.
  if (applied === 0) return;
  observeInterfaces(st, sensorId, interfaceAddresses(host.interfaces), firstKnownTime(host.observedAtMs, envelopeTime));
}

function applyProcessInfo(st: Statements, sensorId: number, p: ProcessInfo, envelopeTime: number): void {
  st.upsertProcess.run({
    sensorId,
    processGuid: p.processGuid ?? '',
    pid: p.pid ?? 0,
    ppid: p.ppid ?? 0,
    startTimeMs: p.startTimeMs ?? 0,
    name: p.name ?? '',
    path: p.path ?? '',
    argv: JSON.stringify(p.argv ?? []),
    cmdline: p.cmdline ?? '',
    username: p.username ?? '',
    uid: p.uid ?? 0,
    sha256: (p.sha256 ?? '').toLowerCase(),
    md5: (p.md5 ?? '').toLowerCase(),
    hashError: p.hashError ?? '',
    exeDeleted: p.exeDeleted === true ? 1 : 0,
    firstSeenMs: firstKnownTime(p.observedAtMs, envelopeTime),
  });
}

/**
 * Netconn times are the agent's clock, stored exactly as sent: the sensor's
 * clock offset is kept apart (sensors.clock_offset_ms) and detection applies
 * it, so a better offset estimate later corrects old rows too.
 */
function applyNetconnBatch(st: Statements, sensorId: number, batch: NetconnBatch, envelopeTime: number): void {
  const sampledAt = firstKnownTime(batch.sampledAtMs, envelopeTime);
  for (const ev of batch.events ?? []) {
    const kind = ev.kind ?? pb.NetconnEvent.Kind.KIND_UNSPECIFIED;
    if (kind !== pb.NetconnEvent.Kind.OPEN && kind !== pb.NetconnEvent.Kind.CLOSE) continue;
    const isClose = kind === pb.NetconnEvent.Kind.CLOSE;
    const openedAtMs = firstKnownTime(ev.firstSeenMs, ev.lastSeenMs, sampledAt);
    // A CLOSE is reported by the first sample that no longer saw the connection.
    const closedAtMs = isClose ? sampledAt : null;
    st.mergeNetconn.run({
      sensorId,
      connId: ev.connId ?? '',
      processGuid: ev.processGuid ?? '',
      pid: ev.pid ?? 0,
      protocol: protocolName(ev.protocol),
      direction: directionName(ev.direction),
      localIp: ev.localIp ?? '',
      localPort: ev.localPort ?? 0,
      remoteIp: ev.remoteIp ?? '',
      remotePort: ev.remotePort ?? 0,
      state: ev.state ?? '',
      openedAtMs,
      closedAtMs,
      lastSeenMs: Math.max(openedAtMs, firstKnownTime(ev.lastSeenMs)),
    });
  }
}
