import { AgentError } from '../errors.js';
import { ProcSocketReader, type ProcSocketReaderOptions } from './proc-socket-reader.js';
import type { SocketRecord, SocketSampler } from './types.js';

/**
 * Linux sampler: /proc read on the agent's main thread by ProcSocketReader,
 * whose table reads go through the libuv threadpool.
 *
 * Why not a worker thread: a worker is a second V8 isolate, about 13 MB of
 * RSS on an agent whose idle budget is 80 MB. What a worker saved the event
 * loop is mostly the kernel producing /proc/net/{tcp,tcp6,udp,udp6} (about
 * 19 of 24 ms per pass at 4,000 sockets), and async reads hand that to the
 * threadpool just as well. What stays on the loop is the parsing (about
 * 5 ms at 4,000 sockets, one table at a time) and the inode → pid
 * resolution, which its cache makes nearly free once warm; the first sample
 * and a full fd scan (socket-inode-owners.ts) do read every fd link on the
 * loop, about 80-100 ms at 4,000 sockets. The price of the threadpool is
 * CPU: the kernel hands out /proc/net text a page (27 TCP lines) per read,
 * so a big table is hundreds of threadpool round trips. bench/sampler.js
 * measures the CPU and the loop delay, against the same reader reading
 * synchronously.
 */

export type LinuxSocketSamplerOptions = ProcSocketReaderOptions;

/** Throws AGENT_E_CONFIG, naming the entry, for a bad excludeCidrs. */
export function createLinuxSocketSampler(options: LinuxSocketSamplerOptions = {}): SocketSampler {
  return new LinuxSocketSampler(new ProcSocketReader(options));
}

class LinuxSocketSampler implements SocketSampler {
  readonly #reader: ProcSocketReader;
  #closed = false;

  constructor(reader: ProcSocketReader) {
    this.#reader = reader;
  }

  /**
   * Overlapping calls are served one after the other, each with its own
   * pass (see ProcSocketReader.read). Rejects with AGENT_E_SAMPLER_CLOSED
   * after close(), including a sample still running when close() was called.
   */
  async sample(): Promise<SocketRecord[]> {
    if (this.#closed) throw closedError('socket sampler is closed');
    let records: SocketRecord[];
    try {
      records = await this.#reader.read();
    } catch (err) {
      if (this.#closed) throw closedError('socket sampler closed while sampling');
      throw err;
    }
    if (this.#closed) throw closedError('socket sampler closed while sampling');
    return records;
  }

  /** Nothing to release but the inode cache, which goes with this object. */
  async close(): Promise<void> {
    this.#closed = true;
  }
}

function closedError(message: string): AgentError {
  return new AgentError('AGENT_E_SAMPLER_CLOSED', message);
}
