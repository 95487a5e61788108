import { parseArgs } from 'node:util';
import { pino, type Logger } from 'pino';
import { resolveAdminToken } from '../api/admin-token.js';
import { loadCollectorConfig, type CollectorConfig } from '../config/collector-config.js';
import { CollectorError } from '../errors.js';
import { startCollectorServer } from '../server.js';
import type { Store } from '../store/store.js';
import { EXIT, type CliIo, type Command } from './cli-io.js';
import { withUsageErrors } from './parse-flags.js';

const USAGE = `usage: pushtrace collector [--listen H:P] [--db PATH] [--enroll-secret S] [--admin-token T]
                          [--log-level L] [--max-frame-bytes N] [--checkin-interval S] [--offline-grace S]

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
    const running = await startCollectorServer({ config, store, log, adminTokenHash: admin.hash });
    const signal = await nextStopSignal(log);
    log.info({ signal }, 'stop signal received');
    await running.close();
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
