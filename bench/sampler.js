// Socket sampler benchmark: CPU per sample of the pushtrace Linux sampler
// (main thread: the four /proc/net tables read async on the libuv
// threadpool, parse and cached inode→pid resolution synchronous) against
// `ss -tanp` and systeminformation.networkConnections(), with N loopback TCP
// connections held open by this process; plus the event loop's delay while
// sampling, against the same reader given synchronous reads (readFileSync),
// which is what the async reads save the loop from.
//
//   pnpm build && node bench/sampler.js [--connections N] [--samples N] [--churn N] [--dist DIR]
//
// How CPU is measured, per sample:
// - pushtrace: process.cpuUsage() delta (getrusage(RUSAGE_SELF): every thread
//   of this process, so the threadpool's reads are counted with the main
//   thread's parsing).
// - ss -tanp: the child's own user+system time, to the millisecond, from
//   `bash -c 'ss -tanp; times'` (bash's `times` prints its children's
//   rusage; bash itself is not counted); plus this process's cpuUsage() delta
//   (spawn, pipe, parseSsOutput). Node has no getrusage(RUSAGE_CHILDREN), and
//   /proc/self/stat cutime+cstime (reaped children) counts in 10 ms clock
//   ticks, too coarse for one sample; ss run directly and measured that way
//   over all samples is printed as a cross-check.
// - systeminformation: cpuUsage() delta plus the children it spawns
//   (sh → netstat, grep) from /proc/self/stat cutime+cstime deltas — ticks,
//   but its samples are long enough for them.
// Results go to stdout as text; nothing is asserted.

import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';

const execFileP = promisify(execFile);
const { values: args } = parseArgs({
  options: {
    connections: { type: 'string', default: '2000' },
    samples: { type: 'string', default: '15' },
    churn: { type: 'string', default: '50' },
    dist: { type: 'string', default: new URL('../packages/agent/dist/', import.meta.url).pathname },
  },
});
const SAMPLES = Number(args.samples);
const CHURN = Number(args.churn);
const dist = pathToFileURL(args.dist.endsWith('/') ? args.dist : `${args.dist}/`);

if (process.platform !== 'linux') {
  console.log('bench/sampler.js measures the Linux /proc sampler; nothing to do on', process.platform);
  process.exit(0);
}

const { createLinuxSocketSampler } = await import(new URL('sampling/linux-socket-sampler.js', dist).href);
const { ProcSocketReader } = await import(new URL('sampling/proc-socket-reader.js', dist).href);
const { parseSsOutput } = await import(new URL('sampling/ss-output.js', dist).href);
const si = createRequire(new URL('../packages/agent/package.json', import.meta.url))('systeminformation');

// The whole run must end by itself, whatever hangs.
const deadline = setTimeout(() => {
  console.log('bench/sampler.js: gave up after 5 minutes');
  process.exit(2);
}, 5 * 60_000);
deadline.unref();

// ---------------------------------------------------------------- sockets

/** Soft RLIMIT_NOFILE as the kernel reports it for this process. */
function openFileLimit() {
  const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((l) => l.startsWith('Max open files'));
  const soft = line?.split(/\s{2,}/)[1];
  return soft === undefined || soft === 'unlimited' ? Infinity : Number(soft);
}

let connections = Number(args.connections);
const limit = openFileLimit();
// Each connection costs two fds here (client end and accepted end); keep 200 for everything else.
const fit = Math.floor((limit - 200) / 2);
if (connections > fit) {
  console.log(`note: ulimit -n is ${limit}; lowering connections from ${connections} to ${fit}`);
  connections = fit;
}

const server = net.createServer({ noDelay: true });
const accepted = new Set();
server.on('connection', (s) => {
  accepted.add(s);
  s.on('close', () => accepted.delete(s));
  s.on('error', () => {});
});
server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 });
await once(server, 'listening');
const port = server.address().port;
const clients = new Set();

async function openClients(n) {
  const BATCH = 200; // under the listen backlog, so no SYN is dropped and retried
  for (let done = 0; done < n; done += BATCH) {
    const batch = [];
    for (let i = 0; i < Math.min(BATCH, n - done); i++) {
      const c = net.connect(port, '127.0.0.1');
      c.on('error', () => {});
      clients.add(c);
      c.on('close', () => clients.delete(c));
      batch.push(once(c, 'connect'));
    }
    await Promise.all(batch);
  }
}

async function closeClients(n) {
  const victims = [...clients].slice(0, n);
  await Promise.all(victims.map((c) => new Promise((resolve) => c.destroy().once('close', resolve))));
}

await openClients(connections);
while (accepted.size < connections) await new Promise((r) => setTimeout(r, 10));
console.log(`holding ${connections} loopback TCP connections (${connections * 2} sockets + listener) on 127.0.0.1:${port}`);

// ---------------------------------------------------------------- measuring

const cpuMs = (d) => (d.user + d.system) / 1000;
const TICK_MS = 1000 / 100; // USER_HZ

/** Children CPU (reaped) from /proc/self/stat cutime+cstime, in ms. */
function childrenCpuMs() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "(comm) ": state is field 3, so cutime (16) and cstime (17) are at 13 and 14.
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f1 = (x) => x.toFixed(1);

async function measure(label, fn, samples = SAMPLES) {
  for (let i = 0; i < 2; i++) await fn(); // warm-up: JIT, caches
  const rows = [];
  for (let i = 0; i < samples; i++) rows.push(await fn());
  return { label, rows };
}

const sampler = createLinuxSocketSampler({});
try {
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const loop = monitorEventLoopDelay({ resolution: 1 });
  /** Max event-loop delay (ms) seen while `fn` runs, with the loop spinning a little before and after. */
  async function loopDelayDuring(fn) {
    loop.reset();
    loop.enable();
    await sleep(3);
    const result = await fn();
    await sleep(5);
    loop.disable();
    return { result, maxDelayMs: loop.max / 1e6 };
  }

  // pushtrace: async main-thread sampler. The first sample reads every fd link on the machine.
  const coldStart = process.cpuUsage();
  const cold = await loopDelayDuring(() => sampler.sample());
  const coldMs = cpuMs(process.cpuUsage(coldStart));
  const ours = cold.result.filter((r) => r.state === 'ESTABLISHED' && (r.remotePort === port || r.localPort === port));
  if (ours.length !== connections * 2 || ours.some((r) => r.pid !== process.pid)) {
    throw new Error(`sampler saw ${ours.length} of the ${connections * 2} sockets held open, or gave one a wrong pid`);
  }

  const pushtrace = await measure('pushtrace', async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const records = await sampler.sample();
    return { ms: cpuMs(process.cpuUsage(c0)), wallMs: performance.now() - t0, n: records.length };
  });
  const pushtraceLoop = await measure('pushtrace loop', async () => (await loopDelayDuring(() => sampler.sample())).maxDelayMs);

  // Same reader, tables read with readFileSync: the whole pass holds the loop.
  const syncReader = new ProcSocketReader({ readText: async (path) => readFileSync(path, 'latin1') });
  await syncReader.read();
  const syncRun = await measure('sync reads', async () => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const records = await syncReader.read();
    return { ms: cpuMs(process.cpuUsage(c0)), blockedMs: performance.now() - t0, n: records.length };
  });
  const syncLoop = await measure('sync reads loop', async () => (await loopDelayDuring(() => syncReader.read())).maxDelayMs);

  // The still-present check (socket-inode-owners.ts step 3) re-reads a table synchronously; this is its cost for /proc/net/tcp.
  const rereadRun = await measure('sync tcp re-read', async () => {
    const t0 = performance.now();
    readFileSync('/proc/net/tcp', 'latin1');
    return { blockedMs: performance.now() - t0 };
  });

  // Churn: between samples, CHURN connections close and CHURN new ones open
  // (their fd numbers are reused), so every sample has unknown inodes.
  async function settle() {
    while (accepted.size !== clients.size) await sleep(5);
    await sleep(20); // FIN/ACK handling of the closed ones is done before CPU is counted
  }
  const churnRun = await measure('pushtrace churn', async () => {
    await closeClients(CHURN);
    await openClients(CHURN);
    await settle();
    const c0 = process.cpuUsage();
    const { result: records, maxDelayMs } = await loopDelayDuring(() => sampler.sample());
    return { ms: cpuMs(process.cpuUsage(c0)), maxDelayMs, n: records.length };
  });
  const churnRecords = await sampler.sample();
  const unowned = churnRecords.filter((r) => r.inode !== 0 && r.pid === 0 && (r.localPort === port || r.remotePort === port));
  if (unowned.length > 0) throw new Error(`${unowned.length} sockets of this process lost their pid under churn`);

  // ss -tanp, run by bash so that bash's `times` can report the CPU of its
  // one child (ss) with millisecond precision.
  let hasBash = true;
  try {
    await execFileP('bash', ['-c', 'times']);
  } catch {
    hasBash = false;
  }
  /** "0m0.051s" → ms. */
  const timesMs = (t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    if (m === null) throw new Error(`unexpected bash times output "${t}"`);
    return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  };
  const ss = await measure('ss -tanp', async () => {
    const c0 = process.cpuUsage();
    let childMs;
    let stdout;
    if (hasBash) {
      const out = await execFileP('bash', ['-c', 'ss -tanp; times >&2'], { maxBuffer: 256 << 20 });
      stdout = out.stdout;
      // `times` prints the shell's own user/sys, then its children's.
      const [user, sys] = out.stderr.trim().split('\n')[1].trim().split(/\s+/);
      childMs = timesMs(user) + timesMs(sys);
    } else {
      const k0 = childrenCpuMs();
      stdout = (await execFileP('ss', ['-tanp'], { maxBuffer: 256 << 20 })).stdout;
      childMs = childrenCpuMs() - k0;
    }
    const n = parseSsOutput(stdout).length;
    return { ms: childMs, nodeMs: cpuMs(process.cpuUsage(c0)), n };
  });
  // Cross-check of the child figure without bash: ss run directly, reaped-children ticks over all runs.
  const ssDirectBefore = childrenCpuMs();
  for (let i = 0; i < SAMPLES; i++) await execFileP('ss', ['-tanp'], { maxBuffer: 256 << 20 });
  const ssTicksPerSample = (childrenCpuMs() - ssDirectBefore) / SAMPLES;

  // systeminformation.
  const siRun = await measure('systeminformation', async () => {
    const c0 = process.cpuUsage();
    const k0 = childrenCpuMs();
    const rows = await si.networkConnections();
    const nodeMs = cpuMs(process.cpuUsage(c0));
    const childMs = childrenCpuMs() - k0;
    return { ms: nodeMs + childMs, nodeMs, childMs, n: rows.length };
  });

  // ---------------------------------------------------------------- report

  const med = (run, key = 'ms') => median(run.rows.map((r) => r[key]));
  const p = med(pushtrace);
  const ssChild = med(ss);
  const ssTotal = median(ss.rows.map((r) => r.ms + r.nodeMs));
  const siMs = med(siRun);

  console.log(`\nCPU per sample, median of ${SAMPLES} (after 2 warm-ups), ${connections * 2 + 1}+ sockets:`);
  console.log(`  pushtrace async sampler      ${f1(p)} ms   (${pushtrace.rows[0].n} sockets; cold first sample ${f1(coldMs)} ms;` +
    ` ${f1(med(pushtrace, 'wallMs'))} ms wall)`);
  console.log(`  pushtrace under churn        ${f1(med(churnRun))} ms   (${CHURN} closed + ${CHURN} opened between samples)`);
  console.log(`  same reader, sync reads      ${f1(med(syncRun))} ms`);
  console.log(
    `  ss -tanp                     ${f1(ssChild)} ms child${hasBash ? ' (bash times)' : ' (ticks)'}` +
      ` + ${f1(med(ss, 'nodeMs'))} ms node spawn/parse = ${f1(ssTotal)} ms   [ss direct, cutime ticks: ${f1(ssTicksPerSample)} ms]`,
  );
  console.log(`  systeminformation            ${f1(siMs)} ms   (${f1(med(siRun, 'nodeMs'))} node + ${f1(med(siRun, 'childMs'))} children)`);

  console.log('\nRatios:');
  console.log(`  pushtrace / ss -tanp (child)  ${(p / ssChild).toFixed(2)}x   target <= 1.0x`);
  console.log(`  pushtrace / ss -tanp (total)  ${(p / ssTotal).toFixed(2)}x`);
  console.log(`  systeminformation / pushtrace ${(siMs / p).toFixed(1)}x   target >= 2x`);

  console.log('\nEvent-loop delay while sampling (monitorEventLoopDelay, 1 ms resolution):');
  const worst = (rows) => f1(Math.max(...rows));
  const churnDelays = churnRun.rows.map((r) => r.maxDelayMs);
  console.log(`  async reads      max ${worst(pushtraceLoop.rows)} ms, median of per-sample max ${f1(median(pushtraceLoop.rows))} ms`);
  console.log(`  sync reads       max ${worst(syncLoop.rows)} ms, median of per-sample max ${f1(median(syncLoop.rows))} ms` +
    `   (the pass itself blocks ${f1(med(syncRun, 'blockedMs'))} ms wall)`);
  console.log(`  async, churn     max ${worst(churnDelays)} ms, median of per-sample max ${f1(median(churnDelays))} ms   (fd scan for the new sockets)`);
  console.log(`  async, cold      ${f1(cold.maxDelayMs)} ms   (first sample: every fd link on the machine read)`);
  console.log(`  sync re-read of /proc/net/tcp (still-present check, rare): ${f1(med(rereadRun, 'blockedMs'))} ms wall`);
} finally {
  await cleanup();
}

// ---------------------------------------------------------------- cleanup

async function cleanup() {
  await sampler.close();
  for (const c of clients) c.destroy();
  for (const s of accepted) s.destroy();
  await new Promise((resolve) => server.close(resolve));
  clearTimeout(deadline);
}
