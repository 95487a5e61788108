// Idle cost of a running agent: CPU % of one core and resident memory of a
// real pushtrace-agent process at the default 2 s interval, connected to a
// real collector, on a host doing nothing special. Baseline, measured in the
// same run the same way: a bare `node` process that only keeps a timer.
//
//   pnpm build && node bench/agent-idle.js [--seconds N] [--warmup N]
//
// CPU comes from /proc/PID/stat utime+stime (clock ticks, all threads) over
// the measuring window; RSS from /proc/PID/status VmRSS, sampled every
// second (max and last). Targets: < 1 % of one core and < 80 MB RSS.
// Results go to stdout as text; nothing is asserted.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '10' },
  },
});
const SECONDS = Number(args.seconds);
const WARMUP = Number(args.warmup);

if (process.platform !== 'linux') {
  console.log('bench/agent-idle.js reads /proc; nothing to do on', process.platform);
  process.exit(0);
}

const root = new URL('../', import.meta.url).pathname;
const { DnsResponder } = await import(new URL('packages/collector/dist/index.js', `file://${root}`).href);
const deadline = setTimeout(() => {
  console.log('bench/agent-idle.js: gave up');
  process.exit(2);
}, (SECONDS + WARMUP + 60) * 1000);

const CLK_TCK = 100;
const cpuTicks = (pid) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
};
const rssMb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

async function measure(pid) {
  await new Promise((resolve) => setTimeout(resolve, WARMUP * 1000));
  const t0 = process.hrtime.bigint();
  const c0 = cpuTicks(pid);
  let maxRss = 0;
  let lastRss = 0;
  for (let i = 0; i < SECONDS; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    lastRss = rssMb(pid);
    maxRss = Math.max(maxRss, lastRss);
  }
  const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuS = (cpuTicks(pid) - c0) / CLK_TCK;
  return { cpuPct: (cpuS / wallS) * 100, maxRss, lastRss };
}

const stopChild = async (child) => {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await once(child, 'exit');
};

const dir = mkdtempSync(join(tmpdir(), 'pushtrace-bench-idle-'));
const dns = new DnsResponder({ ip: '203.0.113.7' });
await dns.start();
const collector = spawn(process.execPath, [join(root, 'packages/collector/bin/pushtrace.js'), 'collector',
  '--listen', '127.0.0.1:0', '--db', join(dir, 'c.db'), '--enroll-secret', 'bench', '--admin-token', 'bench'],
{ stdio: ['ignore', 'pipe', 'inherit'] });
let url;
for await (const line of createInterface({ input: collector.stdout })) {
  if (line.includes('"collector listening"')) {
    url = JSON.parse(line).url;
    break;
  }
}
collector.stdout.resume();

const agent = spawn(process.execPath, [join(root, 'packages/agent/bin/pushtrace-agent.js'),
  '--collector', url.replace('http', 'ws'), '--enroll-secret', 'bench', '--state-dir', join(dir, 'agent'),
  '--resolver', dns.address, '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'inherit'] });
const baseline = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });

try {
  const sockets = readFileSync('/proc/net/tcp', 'utf8').split('\n').length + readFileSync('/proc/net/tcp6', 'utf8').split('\n').length - 4;
  console.log(`agent idle: default interval (2 s), ${WARMUP} s warm-up, ${SECONDS} s measured, ~${sockets} TCP sockets on the host`);
  const [a, b] = await Promise.all([measure(agent.pid), measure(baseline.pid)]);
  const row = (name, r) => console.log(`  ${name.padEnd(22)} CPU ${r.cpuPct.toFixed(2).padStart(6)} % of one core   RSS max ${r.maxRss.toFixed(1).padStart(6)} MB, last ${r.lastRss.toFixed(1).padStart(6)} MB`);
  row('pushtrace-agent', a);
  row('bare node (baseline)', b);
  console.log(`  agent − baseline: CPU +${(a.cpuPct - b.cpuPct).toFixed(2)} points, RSS ×${(a.maxRss / b.maxRss).toFixed(2)} of a bare node`);
  console.log(`  targets: CPU < 1 % ${a.cpuPct < 1 ? 'met' : 'MISSED'}; RSS < 80 MB ${a.maxRss < 80 ? 'met' : 'MISSED'}`);
} finally {
  await Promise.all([stopChild(agent), stopChild(baseline)]);
  await stopChild(collector);
  await dns.stop();
  clearTimeout(deadline);
}
