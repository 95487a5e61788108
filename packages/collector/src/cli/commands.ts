import type { Command } from './cli-io.js';
import { collectorCommand } from './collector-command.js';
import { demoCommand } from '../demo/demo-command.js';
import { alertsCommand } from './alerts-command.js';
import { ingestCommand } from './ingest-command.js';
import { loopsCommand } from './loops-command.js';
import { notYetCommand } from './not-yet-command.js';
import { processesCommand } from './processes-command.js';
import { sensorsCommand } from './sensors-command.js';

/** Every `pushtrace` command, in the order `--help` lists them. One line per command. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  collector: collectorCommand,
  sensors: sensorsCommand,
  processes: processesCommand,
  ingest: ingestCommand,
  alerts: alertsCommand,
  loops: loopsCommand,
  query: notYetCommand("query 'Q'", 'search processes with the query language', 'the query language'),
  lr: notYetCommand('lr SENSOR VERB [ARGS]', 'live response on one sensor', 'live response'),
  demo: demoCommand,
};
