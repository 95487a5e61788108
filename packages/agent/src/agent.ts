import { readdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { ScheduledTask } from 'node-cron';
import { childProcessEnv } from './config/load.js';
import type { AgentConfig } from './config/schema.js';
import { ExternalIpTracker } from './external-ip-tracker.js';
import { CommandRunner } from './live-response/command-runner.js';
import { createPidLister } from './live-response/process-list.js';
import { NetconnReporter } from './netconn-reporter.js';
import { ExecutableHasher } from './sampling/hasher.js';
import { collectHostInfo, interfaceFingerprint } from './sampling/host.js';
import { createProcessSource } from './sampling/platform-process-source.js';
import { ProcessCatalog } from './sampling/process-catalog.js';
import { createSocketSampler } from './sampling/socket-sampler.js';
import { every } from './schedule.js';
import { Spool } from './spool/spool.js';
import { readBootTimeMs } from './sampling/boot-time.js';
import { saveConnTable, takeConnTable } from './state/conn-table-file.js';
import { loadOrCreateInstallId } from './state/install-id.js';
import { AgentConnection } from './transport/connection.js';
import { AGENT_VERSION } from './version.js';
import { toProcessInfo } from './wire-mapping.js';

/** How often the process catalog forgets pids that no longer exist. */
const SWEEP_INTERVAL_S = 60;
/** How long a stopping agent waits for its spool to drain to a connected collector. */
const DRAIN_ON_STOP_MS = 3_000;

export interface RunningAgent {
  /** Stops sampling, gives the collector a moment to ack what is queued, closes everything. */
  stop(): Promise<void>;
}

/** Starts every part of the agent. */
export async function startAgent(config: AgentConfig, log: Logger): Promise<RunningAgent> {
  const startedAt = Date.now();
  const installId = loadOrCreateInstallId(config.stateDir);
  const spool = Spool.open(join(config.stateDir, 'spool'), { maxBytes: config.spoolMaxBytes, log: log.child({ part: 'spool' }) });
  const sampler = createSocketSampler({ excludeCidrs: [...config.excludeCidrs] });
  const processSource = createProcessSource();
  const hasher = new ExecutableHasher();
  const catalog = new ProcessCatalog({
    source: processSource,
    hasher,
    installId,
    onNewProcess: (process) => spool.enqueue({ processInfo: toProcessInfo(process) }),
    log,
  });
  const reporter = new NetconnReporter(sampler, catalog, spool);
  const bootTimeMs = await readBootTimeMs();
  const savedConns = takeConnTable(config.stateDir, log);
  if (savedConns !== undefined) {
    const how = reporter.restore(savedConns, bootTimeMs);
    log.info({ connections: savedConns.table.conns.size, savedAt: new Date(savedConns.savedAtMs).toISOString() },
      how === 'carried-on' ? 'carrying on from the connections open at the last stop' : 'the host restarted since the last stop: its connections are closed');
  }
  const externalIp = new ExternalIpTracker({ spool, log, resolvers: config.resolvers, timeoutMs: config.resolverTimeoutMs });
  const connection = new AgentConnection({
    collectorUrl: config.collector,
    stateDir: config.stateDir,
    ...(config.enrollSecret !== undefined ? { enrollSecret: config.enrollSecret } : {}),
    ...(config.caFile !== undefined ? { caFile: config.caFile } : {}),
    allowInsecure: config.allowInsecure,
    spool,
    hostname: hostname(),
    agentVersion: AGENT_VERSION,
    log: log.child({ part: 'transport' }),
  });
  const commands = new CommandRunner({
    config: config.liveResponse,
    stateDir: config.stateDir,
    spool,
    sensorId: () => connection.sensorId,
    verbs: {
      processes: processSource,
      listPids: createPidLister(),
      catalog,
      sampler,
      hasher,
      installId,
      resolvers: config.resolvers,
      resolverTimeoutMs: config.resolverTimeoutMs,
      agentPid: process.pid,
      now: Date.now,
    },
    childEnv: childProcessEnv(),
    log: log.child({ part: 'live-response' }),
  });
  // Commands run beside sampling, a few at a time; their results are data
  // and wait in the spool like everything else while the collector is away.
  connection.on('command', (command) => commands.submit(command));

  let fingerprint = interfaceFingerprint();
  const reportHost = async () => {
    spool.enqueue({ hostInfo: await collectHostInfo({ agentVersion: AGENT_VERSION }) });
  };
  await reportHost();
  const sendCheckin = () => {
    const now = Date.now();
    const stats = spool.stats();
    connection.sendControl({
      checkin: {
        nextCheckinAtMs: now + config.checkinInterval * 1000,
        agentUptimeS: Math.floor((now - startedAt) / 1000),
        spoolQueuedMessages: stats.queuedMessages,
        spoolQueuedBytes: stats.queuedBytes,
        externalIp: externalIp.current,
      },
    });
  };
  // A checkin right away, so the sensor shows online without waiting a period.
  connection.on('connected', sendCheckin);
  connection.on('reconnect', () => void externalIp.refresh('reconnect'));
  connection.start();
  void externalIp.refresh('start');

  const tasks: ScheduledTask[] = [
    every(config.interval, 'sample', async () => {
      const current = interfaceFingerprint();
      if (current !== fingerprint) {
        fingerprint = current;
        log.info('network interfaces changed');
        await reportHost();
        void externalIp.refresh('interface change');
      }
      await reporter.sampleOnce(Date.now());
    }, log),
    every(config.checkinInterval, 'checkin', async () => sendCheckin(), log),
    every(config.externalIpInterval, 'external-ip', () => externalIp.refresh('schedule'), log),
    every(SWEEP_INTERVAL_S, 'process-sweep', async () => {
      const live = await livePids();
      if (live) catalog.sweep(live);
    }, log),
  ];
  log.info({ version: AGENT_VERSION, collector: config.collector, stateDir: config.stateDir, interval: config.interval }, 'agent started');

  return {
    async stop() {
      await Promise.all(tasks.map((task) => task.destroy()));
      // No pass runs any more: what the last one saw is what the next start carries on from.
      await reporter.idle();
      const open = reporter.snapshot();
      if (open !== undefined) {
        try {
          saveConnTable(config.stateDir, { ...open, bootTimeMs, savedAtMs: Date.now() });
        } catch (err) {
          log.warn({ err }, 'cannot save the open connections; the next start reports them as new');
        }
      }
      await commands.stop();
      await catalog.idle();
      const deadline = Date.now() + DRAIN_ON_STOP_MS;
      while (connection.connected && spool.stats().queuedMessages > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await connection.stop();
      await sampler.close();
      const stats = spool.stats();
      spool.close();
      log.info({ nextSeq: stats.nextSeq, queuedMessages: stats.queuedMessages, droppedMessages: stats.droppedMessages,
        skippedSeqs: stats.skippedSeqs }, 'agent stopped');
    },
  };
}

/** Pids that exist now (Linux); undefined where /proc is not available. */
async function livePids(): Promise<number[] | undefined> {
  if (process.platform !== 'linux') return undefined;
  const names = await readdir('/proc');
  return names.filter((name) => /^\d+$/.test(name)).map(Number);
}
