import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AgentError } from '../errors.js';
import { createAddressFilter } from './address-filter.js';
import type { ProcSocketReaderOptions } from './proc-socket-reader.js';
import { unpackSocketRecords, type SocketRecordBatch } from './socket-record-batch.js';
import type { SocketRecord, SocketSampler } from './types.js';

/**
 * Linux sampler: /proc read in a worker thread (linux-socket-sampler-worker.ts).
 * A /proc pass over thousands of sockets takes tens of milliseconds of
 * synchronous file and readlink calls; in the worker that time is not taken
 * from the agent's event loop (heartbeats, acks, live response).
 *
 * The worker starts on the first sample, is unref()ed while idle so it never
 * keeps the process alive by itself, and is restarted on the next sample if
 * it dies (losing only its inode cache).
 */

export interface LinuxSocketSamplerOptions extends ProcSocketReaderOptions {
  /**
   * Extra Node flags for the worker thread, after the process's own. Default
   * none. Tests that run from TypeScript source pass a loader here.
   */
  workerExecArgv?: readonly string[];
}

/** @internal Message to the worker. */
export interface SampleRequest {
  id: number;
}

/** @internal Message from the worker. */
export type SampleReply =
  | { id: number; batch: SocketRecordBatch }
  | { id: number; error: { message: string; code: string } };

interface Pending {
  resolve: (records: SocketRecord[]) => void;
  reject: (err: Error) => void;
}

export function createLinuxSocketSampler(options: LinuxSocketSamplerOptions = {}): SocketSampler {
  createAddressFilter(options.excludeCidrs); // validate in the caller's thread, where the error is useful
  return new LinuxSocketSampler(options);
}

class LinuxSocketSampler implements SocketSampler {
  readonly #options: LinuxSocketSamplerOptions;
  readonly #pending = new Map<number, Pending>();
  #worker: Worker | null = null;
  #nextId = 1;
  #closed = false;

  constructor(options: LinuxSocketSamplerOptions) {
    this.#options = options;
  }

  sample(): Promise<SocketRecord[]> {
    if (this.#closed) return Promise.reject(new AgentError('AGENT_E_SAMPLER_CLOSED', 'socket sampler is closed'));
    const worker = this.#worker ?? this.#start();
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id } satisfies SampleRequest);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const worker = this.#worker;
    this.#worker = null;
    this.#rejectAll(new AgentError('AGENT_E_SAMPLER_CLOSED', 'socket sampler closed while sampling'));
    await worker?.terminate();
  }

  #start(): Worker {
    const { procRoot, excludeCidrs, workerExecArgv } = this.#options;
    const worker = new Worker(workerEntry(), {
      workerData: { procRoot, excludeCidrs } satisfies ProcSocketReaderOptions,
      ...(workerExecArgv === undefined ? {} : { execArgv: [...process.execArgv, ...workerExecArgv] }),
    });
    worker.unref();
    worker.on('message', (reply: SampleReply) => this.#onReply(worker, reply));
    worker.on('error', (err) => this.#onDeath(worker, err));
    worker.on('exit', (code) => this.#onDeath(worker, new Error(`socket sampler worker exited with code ${code}`)));
    this.#worker = worker;
    return worker;
  }

  #onReply(worker: Worker, reply: SampleReply): void {
    const pending = this.#pending.get(reply.id);
    this.#pending.delete(reply.id);
    if (this.#pending.size === 0) worker.unref();
    if (pending === undefined) return;
    if ('batch' in reply) {
      pending.resolve(unpackSocketRecords(reply.batch));
    } else if (reply.error.code === 'AGENT_E_PARSE') {
      pending.reject(new AgentError('AGENT_E_PARSE', reply.error.message));
    } else {
      pending.reject(new AgentError('AGENT_E_SAMPLER_FAILED', reply.error.message));
    }
  }

  #onDeath(worker: Worker, cause: Error): void {
    if (this.#worker !== worker) return; // already replaced, or closed on purpose
    this.#worker = null;
    this.#rejectAll(new AgentError('AGENT_E_SAMPLER_FAILED', `socket sampler worker failed: ${cause.message}`, { cause }));
  }

  #rejectAll(err: Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const p of pending) p.reject(err);
  }
}

/**
 * The compiled worker beside this file; when running from TypeScript source
 * (tests) there is only the .ts, which needs a loader in workerExecArgv.
 */
function workerEntry(): URL {
  const compiled = new URL('./linux-socket-sampler-worker.js', import.meta.url);
  if (compiled.protocol !== 'file:' || existsSync(fileURLToPath(compiled))) return compiled;
  return new URL('./linux-socket-sampler-worker.ts', import.meta.url);
}
