import { pb, type NetconnEvent, type ProcessInfo } from '@pushtrace/proto';
import type { ObservedProcess } from './sampling/process-catalog.js';
import type { NetconnEventRecord } from './sampling/types.js';

const KIND = { open: pb.NetconnEvent.Kind.OPEN, close: pb.NetconnEvent.Kind.CLOSE } as const;
const PROTOCOL = { tcp: pb.NetconnEvent.Protocol.TCP, udp: pb.NetconnEvent.Protocol.UDP } as const;
const DIRECTION = { outbound: pb.NetconnEvent.Direction.OUTBOUND, inbound: pb.NetconnEvent.Direction.INBOUND } as const;

/** A diff event as it goes on the wire, owned by `processGuid` ("" = unknown owner). */
export function toNetconnEvent(event: NetconnEventRecord, processGuid: string): NetconnEvent {
  return {
    kind: KIND[event.kind],
    connId: event.connId,
    protocol: PROTOCOL[event.protocol],
    direction: DIRECTION[event.direction],
    processGuid,
    pid: event.pid,
    localIp: event.localIp,
    localPort: event.localPort,
    remoteIp: event.remoteIp,
    remotePort: event.remotePort,
    state: event.state,
    firstSeenMs: event.firstSeenMs,
    lastSeenMs: event.lastSeenMs,
  };
}

export function toProcessInfo(process: ObservedProcess): ProcessInfo {
  return {
    processGuid: process.processGuid,
    pid: process.pid,
    ppid: process.ppid,
    startTimeMs: process.startTimeMs,
    name: process.name,
    path: process.path,
    argv: process.argv,
    cmdline: process.cmdline,
    username: process.username,
    uid: process.uid,
    sha256: process.sha256,
    md5: process.md5,
    hashError: process.hashError,
    observedAtMs: process.observedAtMs,
    exeDeleted: process.exeDeleted,
  };
}
