import { parseArgs } from 'node:util';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import type { StoredAlert } from '../store/store.js';
import { renderAlertTimeline, type AlertView } from './alert-timeline.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { runTriageAction, TRIAGE_ACTIONS } from './alert-triage-actions.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace alerts [--limit N] [--json] [--server URL] [--token T]
       pushtrace alerts show ID [--json]
       pushtrace alerts tag|untag ID TAG [--note TEXT]
       pushtrace alerts close ID --as benign|malicious [--note TEXT]
       pushtrace alerts status ID new|investigating|closed-benign|closed-malicious [--note TEXT]
       pushtrace alerts assign ID WHO [--note TEXT]
       pushtrace alerts note ID "TEXT"
       pushtrace alerts export ID [--out DIR]
       pushtrace alerts verify DIR

Lists push-burst alerts, newest first, each with its verdict:
  reconnect-loop     a process on a known laptop reconnects and each session asks for MFA (low)
  unattributed       the access IP belongs to no sensor: someone outside has the password (high)
  sensor-no-process  a sensor had the IP but no process lined up with the pushes (medium)
  ambiguous          several processes line up equally (medium)
"alerts show ID" prints one alert's evidence as a timeline, with advice.
Triage (tag, close, status, assign, note) needs a responder token; each step
is kept with its author. "export" writes an evidence bundle (every record the
verdict rests on, with a sha256 manifest) that opens without the collector;
"verify" re-checks one against its manifest.

  --limit N       at most N alerts (default 200)
  --json          print JSON only (the alert contract of DESIGN.md)
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

export const alertsCommand: Command = {
  summary: 'list push-burst alerts and their verdicts; "alerts show ID" for the evidence',
  usage: USAGE,
  async run(args, io) {
    const action = TRIAGE_ACTIONS.find((a) => a === args[0]);
    const { values, positionals } = withUsageErrors('alerts', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, limit: { type: 'string' }, note: { type: 'string' }, as: { type: 'string' }, out: { type: 'string' } },
      strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (action !== undefined) {
      // Re-parsed by the action itself, without the client flags, so each
      // action names its own mistakes.
      const rest = withoutClientFlags(args.slice(1));
      return runTriageAction(action, rest, () => loadClientConfig(values, io.env), io, values.json ?? false);
    }
    if (values.note !== undefined || values.as !== undefined || values.out !== undefined) {
      throw new CollectorError('COLLECTOR_E_USAGE', 'pushtrace alerts: --note, --as and --out belong to a triage action (tag, close, export, ...)');
    }
    const config = loadClientConfig(values, io.env);
    if (positionals[0] === 'show') {
      const id = positionals[1];
      if (id === undefined || positionals.length > 2 || !/^\d+$/.test(id)) {
        throw new CollectorError('COLLECTOR_E_USAGE', 'pushtrace alerts show: expected one alert ID (a number)');
      }
      const { alert } = (await getJson(config, `/api/v1/alerts/${id}`)) as { alert: AlertView };
      io.stdout.write(values.json ? `${JSON.stringify(alert, null, 2)}\n` : renderAlertTimeline(alert));
      return EXIT.OK;
    }
    if (positionals.length > 0) {
      throw new CollectorError('COLLECTOR_E_USAGE', `pushtrace alerts: unexpected "${positionals[0]}" (did you mean "alerts show ID"?)`);
    }
    const { alerts } = (await getJson(config, '/api/v1/alerts', { limit: values.limit })) as { alerts: StoredAlert[] };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(alerts, null, 2)}\n`);
      return EXIT.OK;
    }
    if (alerts.length === 0) {
      io.stdout.write('no alerts\n');
      return EXIT.OK;
    }
    io.stdout.write(renderTable(
      ['ID', 'VERDICT', 'SEV', 'USER', 'ACCESS IP', 'PUSHES', 'ALIGNED', 'FIRST PUSH', 'HOST', 'PROCESS', 'DESTINATION'],
      alerts.map((a) => [
        String(a.id),
        a.verdict,
        a.severity,
        a.user,
        a.access_ip ?? '-',
        String(a.pushes_total),
        String(a.pushes_aligned),
        shortTime(a.first_push),
        a.hostname ?? '-',
        a.process ? `${a.process.name} (${a.process.pid})` : '-',
        a.destination ? `${a.destination.ip}:${a.destination.port}` : '-',
      ]),
    ));
    return EXIT.OK;
  },
};

/** Drops --server/--token/--json (and their values) that the outer parse already read. */
function withoutClientFlags(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--json') continue;
    if (a === '--server' || a === '--token') {
      i++;
      continue;
    }
    if (a.startsWith('--server=') || a.startsWith('--token=')) continue;
    out.push(a);
  }
  return out;
}
