import type { Command } from './cli-io.js';
import { collectorCommand } from './collector-command.js';
import { demoCommand } from '../demo/demo-command.js';
import { notYetCommand } from './not-yet-command.js';
import { processesCommand } from './processes-command.js';
import { sensorsCommand } from './sensors-command.js';

/** Every `pushtrace` command, in the order `--help` lists them. One line per command. */
export const COMMANDS: Readonly<Record<string, Command>> = {
  collector: collectorCommand,
  sensors: sensorsCommand,
  processes: processesCommand,
  ingest: notYetCommand('ingest duo FILE', 'load an MFA log (Duo CSV or JSON)', 'the MFA log ingest'),
  alerts: notYetCommand('alerts', 'list push-burst alerts and their verdicts', 'the detector'),
  query: notYetCommand("query 'Q'", 'search processes with the query language', 'the query language'),
  lr: notYetCommand('lr SENSOR VERB [ARGS]', 'live response on one sensor', 'live response'),
  demo: demoCommand,
};
