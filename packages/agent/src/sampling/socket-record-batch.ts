import type { SocketRecord } from './types.js';

/**
 * SocketRecord[] packed for the trip from the sampler worker to the main
 * thread. Structured-cloning thousands of small objects costs the receiving
 * thread several milliseconds of deserialising; this form is one
 * transferable Float64Array (moved, not copied) plus a short table of the
 * distinct strings (addresses and states repeat a lot), and rebuilding the
 * objects on the main thread is a tight loop.
 */
export interface SocketRecordBatch {
  strings: string[];
  /** COLUMNS numbers per record, in COLUMN order. */
  numbers: Float64Array;
}

/** protocol (0 tcp, 1 udp), localIp, localPort, remoteIp, remotePort, state, pid, inode. */
const COLUMNS = 8;

export function packSocketRecords(records: readonly SocketRecord[]): SocketRecordBatch {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const numbers = new Float64Array(records.length * COLUMNS);
  let at = 0;
  for (const r of records) {
    numbers[at++] = r.protocol === 'udp' ? 1 : 0;
    numbers[at++] = intern(r.localIp);
    numbers[at++] = r.localPort;
    numbers[at++] = intern(r.remoteIp);
    numbers[at++] = r.remotePort;
    numbers[at++] = intern(r.state);
    numbers[at++] = r.pid;
    numbers[at++] = r.inode;
  }
  return { strings, numbers };
}

export function unpackSocketRecords(batch: SocketRecordBatch): SocketRecord[] {
  const { strings, numbers } = batch;
  const records: SocketRecord[] = new Array<SocketRecord>(numbers.length / COLUMNS);
  for (let i = 0, at = 0; at < numbers.length; i++, at += COLUMNS) {
    records[i] = {
      protocol: numbers[at] === 1 ? 'udp' : 'tcp',
      localIp: strings[numbers[at + 1]!]!,
      localPort: numbers[at + 2]!,
      remoteIp: strings[numbers[at + 3]!]!,
      remotePort: numbers[at + 4]!,
      state: strings[numbers[at + 5]!]!,
      pid: numbers[at + 6]!,
      inode: numbers[at + 7]!,
    };
  }
  return records;
}
