import { parseArgs } from 'node:util';
import { loadClientConfig, type ClientConfig } from '../config/client-config.js';
import { durationMs } from '../config/duration.js';
import { resolveKeyChoice, resolveKeyDir } from '../config/operator-key-config.js';
import { CollectorError } from '../errors.js';
import type { CommandView } from '../live-response/command-wire.js';
import { EXIT, type CliIo, type Command } from './cli-io.js';
import { sendSignedCommand, waitForCommand } from './command-request.js';
import { runLrSession } from './lr-session.js';
import { loadOperatorKey, type OperatorKey } from './operator-keys.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { Progress } from './progress.js';

const USAGE = `usage: pushtrace lr SENSOR VERB [ARGS...] [--key NAME|FILE] [--deadline 10m] [--json]
       pushtrace lr SENSOR [--key NAME|FILE]          (interactive session)

Live response on one sensor. The command is signed here with your operator
key (see "pushtrace keys create"); the agent runs it only if its own config
trusts that key for that verb. Needs a responder token.

Verbs (what the agent offers; its config decides what may run):
  myip              the laptop's public IP, by the OpenDNS lookup
  ps                processes (JSON)
  netstat           connections with their processes (JSON)
  procinfo PID      one process: details, hashes, connections (JSON)
  kill PID          only where the agent's config allows it
  execfg NAME       a program the agent's config allowlists under NAME

An offline sensor gets the command when it reconnects, until the deadline;
"lr" waits for the result with a progress line on stderr.

  --key K         signing key: a name in the key dir or a .key file (default PUSHTRACE_KEY)
  --key-dir DIR   default PUSHTRACE_KEY_DIR or ~/.config/pushtrace/keys
  --deadline D    how long the command stays valid (default 10m, at most 24h)
  --json          print the command and its result as JSON only
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

const MAX_DEADLINE_MS = 24 * 3600_000;

export const lrCommand: Command = {
  summary: 'live response on one sensor: signed commands (myip, ps, procinfo, ...) or an interactive session',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('lr', () => parseArgs({
      args: [...args],
      options: { ...CLIENT_FLAGS, key: { type: 'string' }, 'key-dir': { type: 'string' }, deadline: { type: 'string' } },
      strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    const usage = (why: string) => new CollectorError('COLLECTOR_E_USAGE', `pushtrace lr: ${why}`);
    const [sensorText, verb, ...verbArgs] = positionals;
    if (sensorText === undefined || !/^\d+$/.test(sensorText) || Number(sensorText) < 1) throw usage('expected a SENSOR id (a number) first');
    const lifetimeMs = values.deadline === undefined ? 10 * 60_000 : durationMs(values.deadline);
    if (lifetimeMs === null || lifetimeMs <= 0 || lifetimeMs > MAX_DEADLINE_MS) throw usage(`--deadline must be a duration from 1s to 24h, got "${values.deadline}"`);
    const config = loadClientConfig(values, io.env);
    const choice = resolveKeyChoice(values.key, io.env);
    if (choice === null) throw usage('no signing key: pass --key NAME or set PUSHTRACE_KEY (create one with "pushtrace keys create --name NAME")');
    const key = await loadOperatorKey(resolveKeyDir(values['key-dir'], io.env), choice);
    const sensorId = Number(sensorText);
    if (verb === undefined) {
      if (values.json) throw usage('--json needs a VERB (the interactive session prints text)');
      return runLrSession({ config, key, sensorId, lifetimeMs, io });
    }
    const view = await runOne(config, key, sensorId, verb, verbArgs, lifetimeMs, io);
    if (values.json) io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    else printResult(view, io);
    return view.state === 'done' && view.result?.status === 'ok' && view.result.exit_code === 0 ? EXIT.OK : EXIT.FAILURE;
  },
};

/** Sends one command and waits for it with a progress line; the settled command. */
export async function runOne(config: ClientConfig, key: OperatorKey, sensorId: number, verb: string, args: readonly string[],
  lifetimeMs: number, io: CliIo): Promise<CommandView> {
  const { command, connected } = await sendSignedCommand(config, key, sensorId, verb, args, lifetimeMs);
  const progress = new Progress(io.stderr);
  const describe = (view: CommandView, isConnected: boolean) => (view.state === 'sent'
    ? `sensor ${sensorId}: ${verb} sent, waiting for the result`
    : isConnected ? `sensor ${sensorId}: ${verb} queued` : `sensor ${sensorId} is offline: ${verb} waits until it reconnects (deadline ${view.deadline})`);
  progress.update(describe(command, connected));
  try {
    return await waitForCommand(config, command.id, Date.parse(command.deadline!) + 5000, (view, isConnected) => progress.update(describe(view, isConnected)));
  } finally {
    progress.done();
  }
}

/** The result as a person reads it: the output on stdout, anything else on stderr. */
export function printResult(view: CommandView, io: CliIo): void {
  if (view.state === 'expired') {
    io.stderr.write(`command ${view.id} expired at ${view.deadline} without a result (the sensor did not come back in time)\n`);
    return;
  }
  const r = view.result;
  if (r === null) {
    io.stderr.write(`command ${view.id}: no result yet (state ${view.state})\n`);
    return;
  }
  if (r.stdout !== '') io.stdout.write(r.stdout.endsWith('\n') ? r.stdout : `${r.stdout}\n`);
  if (r.stderr !== '') io.stderr.write(r.stderr.endsWith('\n') ? r.stderr : `${r.stderr}\n`);
  if (r.truncated) io.stderr.write('(output truncated at the agent\'s cap)\n');
  if (r.status !== 'ok' || r.exit_code !== 0) {
    io.stderr.write(`${view.verb}: ${r.status}${r.exit_code !== 0 ? ` (exit ${r.exit_code})` : ''}${r.message ? `: ${r.message}` : ''}\n`);
  }
}
