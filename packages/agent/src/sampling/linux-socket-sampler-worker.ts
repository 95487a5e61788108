import { parentPort, workerData } from 'node:worker_threads';
import { ProcSocketReader, type ProcSocketReaderOptions } from './proc-socket-reader.js';
import { packSocketRecords } from './socket-record-batch.js';
import type { SampleReply, SampleRequest } from './linux-socket-sampler.js';

/**
 * Worker-thread side of the Linux sampler: owns the reader (and so the inode
 * cache) and answers one request at a time. Reading /proc synchronously here
 * keeps the agent's event loop free however many sockets the machine has.
 */

if (parentPort === null) throw new Error('linux-socket-sampler-worker must run as a worker thread');
const port = parentPort;
const reader = new ProcSocketReader(workerData as ProcSocketReaderOptions);

port.on('message', (request: SampleRequest) => {
  let reply: SampleReply;
  try {
    reply = { id: request.id, batch: packSocketRecords(reader.read()) };
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    const message = err instanceof Error ? err.message : String(err);
    reply = { id: request.id, error: { message, code: typeof code === 'string' ? code : '' } };
  }
  port.postMessage(reply, 'batch' in reply ? [reply.batch.numbers.buffer as ArrayBuffer] : []);
});
