import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { resolveAdminToken } from '../api/admin-token.js';
import { loadCollectorConfig, type CollectorConfig } from '../config/collector-config.js';
import { CollectorError } from '../errors.js';
import { ingestEvents } from '../ingest/ingest-service.js';
import { DuoLogPoller } from '../ingest/duo-pull/duo-log-poller.js';
import { startCollectorServer } from '../server.js';
import { loadOrCreateCollectorKey } from '../live-response/collector-key.js';
import { startRetentionJob } from '../retention/retention-job.js';
import { AlertForwarder } from '../forward/alert-forwarder.js';
import { forwardConfigWarnings } from '../forward/forward-config.js';
import type { Store } from '../store/store.js';
import { EXIT, type CliIo, type Command } from './cli-io.js';
import { withUsageErrors } from './parse-flags.js';

const USAGE = `usage: pushtrace collector [--listen H:P] [--db PATH] [--enroll-secret S] [--admin-token T]
                          [--log-level L] [--max-frame-bytes N] [--checkin-interval S] [--offline-grace S]
                          [detection options] [--duo-api-host H --duo-ikey K --duo-skey S]

Runs the collector: agent WebSocket at /agent, JSON API at /api/v1, console at /.
Logs are pino JSON lines on stdout.

  --listen H:P            where to listen (default 127.0.0.1:8650; port 0 picks a free one)
  --db PATH               SQLite database file (default ./pushtrace.db)
  --enroll-secret S       secret agents present once to enroll (or PUSHTRACE_ENROLL_SECRET); required
  --admin-token T         admin API token (or PUSHTRACE_ADMIN_TOKEN); without one a token is
                          created at first start, printed once on stderr, and only its SHA-256
                          kept in PATH.admin-token.sha256
  --log-level L           fatal, error, warn, info (default), debug, trace, silent
  --max-frame-bytes N     largest agent frame accepted (default 4194304)
  --checkin-interval S    checkin interval told to agents, seconds (default 15; advisory)
  --offline-grace S       how long a checkin may be late before a sensor shows offline (default 15)

Detection (durations like 30s, 10m, 2h):
  --burst-min-pushes K    non-approved pushes for one user that make a burst (default 3)
  --burst-window M        ... within this window (default 10m)
  --align-before D        a session may open this long before a push and line up with it (default 60s)
  --align-after D         ... or this long after it (default 5s)
  --loop-min-sessions N   sessions of one process to one endpoint that make a reconnect loop (default 3)
  --loop-window W         ... within this window (default 10m)

Duo live pull (polls /admin/v2/logs/authentication once a minute; all three or none):
  --duo-api-host H        api-XXXXXXXX.duosecurity.com (or PUSHTRACE_DUO_API_HOST)
  --duo-ikey K            Admin API integration key (or PUSHTRACE_DUO_IKEY)
  --duo-skey S            Admin API secret key (or PUSHTRACE_DUO_SKEY)
  --duo-base-url URL      talk to this URL instead of https://H (a local mirror or test server)

Retention and live response:
  --retention D           delete netconns older than D, hourly (default 30d, or PUSHTRACE_RETENTION;
                          "off" keeps everything); alerts and the telemetry they rest on are kept
  --auto-confirm on|off   when an alert names a sensor, run "myip" there, signed with the collector's
                          own key (PATH.collector-key.pem, created at first start), and attach the
                          answer to the alert (default on). Agents must trust that key for myip:
                          GET /api/v1/collector-key gives their config fragment.

Alert forwarding (docs/alert-forwarding.md): every alert as it opens, changes or is triaged
  --forward-webhook-url U POST each event, signed with HMAC-SHA256 (or PUSHTRACE_FORWARD_WEBHOOK_URL);
                          the secret comes from PUSHTRACE_FORWARD_WEBHOOK_SECRET only (flags show in ps);
                          undelivered events wait in PATH.forward-outbox.jsonl across restarts
  --forward-jsonl FILE    append each event as one JSON line (or PUSHTRACE_FORWARD_JSONL)
`;

const FLAGS = {
  listen: { type: 'string' },
  db: { type: 'string' },
  'enroll-secret': { type: 'string' },
  'admin-token': { type: 'string' },
  'log-level': { type: 'string' },
  'max-frame-bytes': { type: 'string' },
  'checkin-interval': { type: 'string' },
  'offline-grace': { type: 'string' },
  'burst-min-pushes': { type: 'string' },
  'burst-window': { type: 'string' },
  'align-before': { type: 'string' },
  'align-after': { type: 'string' },
  'loop-min-sessions': { type: 'string' },
  'loop-window': { type: 'string' },
  'duo-api-host': { type: 'string' },
  'duo-ikey': { type: 'string' },
  'duo-skey': { type: 'string' },
  'duo-base-url': { type: 'string' },
  retention: { type: 'string' },
  'auto-confirm': { type: 'string' },
  'forward-webhook-url': { type: 'string' },
  'forward-jsonl': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const collectorCommand: Command = {
  summary: 'run the collector (agent gateway, API, console)',
  usage: USAGE,
  async run(args, io) {
    const { values } = withUsageErrors('collector', () => parseArgs({ args: [...args], options: FLAGS, strict: true }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    const config = loadCollectorConfig({
      listen: values.listen,
      db: values.db,
      enrollSecret: values['enroll-secret'],
      adminToken: values['admin-token'],
      logLevel: values['log-level'],
      maxFrameBytes: values['max-frame-bytes'],
      checkinInterval: values['checkin-interval'],
      offlineGrace: values['offline-grace'],
      burstMinPushes: values['burst-min-pushes'],
      burstWindow: values['burst-window'],
      alignBefore: values['align-before'],
      alignAfter: values['align-after'],
      loopMinSessions: values['loop-min-sessions'],
      loopWindow: values['loop-window'],
      duoApiHost: values['duo-api-host'],
      duoIkey: values['duo-ikey'],
      duoSkey: values['duo-skey'],
      duoBaseUrl: values['duo-base-url'],
      retention: values.retention,
      autoConfirm: values['auto-confirm'],
      forwardWebhookUrl: values['forward-webhook-url'],
      forwardJsonl: values['forward-jsonl'],
    }, io.env);
    // Synchronous so the "listening" line is out before anyone waits on it
    // and nothing is lost when the process exits.
    const log = pino({ level: config.logLevel, base: { service: 'pushtrace-collector', pid: process.pid } },
      pino.destination({ dest: 1, sync: true }));
    return runCollector(config, log, io);
  },
};

async function runCollector(config: CollectorConfig, log: Logger, io: CliIo): Promise<number> {
  let store: Store;
  try {
    // Loaded here so that the client commands never load the native SQLite module.
    const { openSqliteStore } = await import('../store/sqlite/sqlite-store.js');
    store = await openSqliteStore(config.dbPath);
    await store.migrate();
  } catch (err) {
    log.fatal({ err, db: config.dbPath }, 'cannot open the database');
    throw new CollectorError('COLLECTOR_E_CONFIG', (err as Error).message, { cause: err });
  }
  try {
    const admin = await resolveAdminToken(config.adminToken, config.dbPath);
    if (admin.createdToken !== null) {
      io.stderr.write(
        `pushtrace collector: created the admin API token. It is shown only this once; only its SHA-256 is kept (${admin.hashFile}).\n` +
        `PUSHTRACE_TOKEN=${admin.createdToken}\n`);
    }
    const collectorKey = config.autoConfirm ? await loadOrCreateCollectorKey(config.dbPath) : null;
    if (collectorKey !== null) {
      log.info({ keyId: collectorKey.keyId, publicKey: collectorKey.publicKeyText, file: collectorKey.file, created: collectorKey.created },
        'collector signing key for automatic myip confirmation (agents must trust it for myip only)');
    }
    for (const warning of forwardConfigWarnings(config.forward)) log.warn({ component: 'forward' }, warning);
    const forwarder = new AlertForwarder({ config: config.forward, log: log.child({ component: 'forward' }) });
    // Before listening: an unusable outbox stops the start, not the first alert.
    await forwarder.start();
    const running = await startCollectorServer({
      config, store, log, adminTokenHash: admin.hash, collectorKey,
      onAlertEvent: (kind, alert, mergedAlertId) =>
        forwarder.offer({ kind, alert, at_ms: Date.now(), ...(mergedAlertId === undefined ? {} : { merged_alert_id: mergedAlertId }) }),
    });
    const retention = config.retentionMs === null ? null : startRetentionJob({
      store, log: log.child({ component: 'retention' }), now: Date.now, keepMs: config.retentionMs, detection: config.detection,
    });
    const duo = config.duo === null ? null : new DuoLogPoller({
      settings: config.duo,
      checkpoints: { get: (key) => store.getState(key), set: (key, value) => store.setState(key, value) },
      onEvents: async (events, rejected) => {
        const outcome = await ingestEvents(store, running.detection, events, rejected);
        if (outcome.stored > 0 || outcome.rejected.length > 0) {
          log.info({ source: 'duo-pull', stored: outcome.stored, rejected: outcome.rejected, alerts: outcome.alerts.length }, 'Duo authentication log pulled');
        }
      },
      log: log.child({ component: 'duo-pull' }),
    });
    duo?.start();
    const signal = await nextStopSignal(log);
    log.info({ signal }, 'stop signal received');
    await retention?.stop();
    await duo?.stop();
    await running.close();
    // After the detector went idle: nothing is offered after this.
    await forwarder.stop();
  } finally {
    await store.close();
  }
  return EXIT.OK;
}

/** Resolves on the first SIGTERM/SIGINT; a second one exits at once. */
function nextStopSignal(log: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) {
        log.warn({ signal }, 'second stop signal: exiting without finishing the shutdown');
        process.exit(EXIT.FAILURE);
      }
      received = true;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
