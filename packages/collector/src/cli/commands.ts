import type { Command } from './cli-io.js';
import { collectorCommand } from './collector-command.js';
import { demoCommand } from '../demo/demo-command.js';
import { alertsCommand } from './alerts-command.js';
import { ingestCommand } from './ingest-command.js';
import { loopsCommand } from './loops-command.js';
import { queryCommand } from './query-command.js';
import { processesCommand } from './processes-command.js';
import { sensorsCommand } from './sensors-command.js';
import { auditCommand } from './audit-command.js';
import { keysCommand } from './keys-command.js';
import { lrCommand } from './lr-command.js';
import { tokenCommand } from './token-command.js';

/** Every `pushtrace` command, in the order `--help` lists them. One line per command. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  collector: collectorCommand,
  sensors: sensorsCommand,
  processes: processesCommand,
  ingest: ingestCommand,
  alerts: alertsCommand,
  loops: loopsCommand,
  query: queryCommand,
  lr: lrCommand,
  keys: keysCommand,
  token: tokenCommand,
  audit: auditCommand,
  demo: demoCommand,
};
