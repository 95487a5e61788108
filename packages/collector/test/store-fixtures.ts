// Messages, checkins and a store harness shared by the store contract suites.
import { afterEach } from 'vitest';
import { decodeEnvelope, encodeEnvelope, pb, type EnvelopeInit, type NetconnEvent } from '@pushtrace/proto';
import type { SequencedMessage, Store } from '../src/store/store.js';

/**
 * Opens a store on the storage named `key`. The same key reaches the same
 * data again (after the previous store on it was closed); a new key starts
 * empty. The store may come un-migrated: the suite calls migrate() itself.
 */
export type MakeStore = (key: string) => Promise<Store>;

/**
 * Creates the storage named `key` at schema `version` — migrations 1 to
 * `version` only, as an older collector left it — runs `statements` on it
 * (portable SQL written for that version) and closes it. The suite then
 * opens it with MakeStore and migrates it to the latest version.
 */
export type SeedAtVersion = (key: string, version: number, statements: readonly string[]) => Promise<void>;

export interface StoreBackend {
  makeStore: MakeStore;
  seedAtVersion: SeedAtVersion;
}

export const T0 = 1_800_000_000_000;
const { Kind, Protocol, Direction } = pb.NetconnEvent;

/** A data message as the gateway hands it over: encoded and decoded like a real frame. */
export function msg(seq: number, body: Omit<EnvelopeInit, 'seq' | 'sensorId'>, sentAtMs = T0): SequencedMessage {
  return { seq, envelope: decodeEnvelope(encodeEnvelope({ sensorId: 1, seq, sentAtMs, ...body })) };
}

export function conn(connId: string, atMs: number, over: Partial<NetconnEvent> = {}): NetconnEvent {
  return {
    kind: Kind.OPEN, connId, protocol: Protocol.TCP, direction: Direction.OUTBOUND, processGuid: 'g-ssh', pid: 100,
    localIp: '10.0.0.5', localPort: 50_000, remoteIp: '203.0.113.9', remotePort: 22, state: 'ESTABLISHED',
    firstSeenMs: atMs, lastSeenMs: atMs, ...over,
  };
}

export const netconns = (seq: number, sampledAtMs: number, events: NetconnEvent[]): SequencedMessage =>
  msg(seq, { netconnBatch: { sampledAtMs, events } });

export const processInfo = (seq: number, processGuid: string, name: string, over: Record<string, unknown> = {}): SequencedMessage =>
  msg(seq, { processInfo: { processGuid, name, pid: 100, ppid: 1, startTimeMs: T0 - 60_000, path: `/usr/bin/${name}`,
    argv: [name, 'host'], cmdline: `${name} host`, username: 'alice', uid: 1000, observedAtMs: T0, ...over } });

export const externalIp = (seq: number, ip: string, observedAtMs: number): SequencedMessage =>
  msg(seq, { externalIp: { ip, resolver: '127.0.0.1:53', observedAtMs } });

export const hostInfo = (seq: number, hostname: string, interfaces: Array<{ name: string; addresses: string[] }>, observedAtMs: number): SequencedMessage =>
  msg(seq, { hostInfo: { hostname, osPlatform: 'linux', interfaces, observedAtMs } });

export const checkin = (receivedAtMs: number, over: Partial<Parameters<Store['recordCheckin']>[1]> = {}) => ({
  receivedAtMs, sentAtMs: receivedAtMs, nextCheckinAtMs: receivedAtMs + 60_000, agentUptimeS: 10,
  spoolQueuedMessages: 0, spoolQueuedBytes: 0, externalIp: '', ...over,
});

/**
 * Opens stores for the tests of one describe block and closes them after
 * each test. Call inside describe(); `prefix` keeps storage keys apart from
 * other suites sharing the backend's storage.
 */
export function useStores(makeStore: MakeStore, prefix: string) {
  const opened: Store[] = [];
  let counter = 0;
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
  });
  const nextKey = (): string => `${prefix}-${++counter}`;
  async function fresh(key = nextKey()): Promise<Store> {
    const store = await makeStore(key);
    opened.push(store);
    await store.migrate();
    return store;
  }
  async function withSensor(hostname = 'laptop-1'): Promise<{ store: Store; sensorId: number }> {
    const store = await fresh();
    const sensorId = await store.createSensor({ tokenHash: `hash-${prefix}-${counter}`, hostname, agentVersion: '0.1.0', enrolledAtMs: T0 });
    return { store, sensorId };
  }
  return { nextKey, fresh, withSensor };
}
