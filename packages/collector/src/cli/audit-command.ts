import { parseArgs } from 'node:util';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace audit [--limit N] [--sensor ID] [--command ID] [--json]

The append-only audit log (needs an admin token): every live-response
command issued, refused, sent, answered or expired (who, when, sensor, verb,
args, sha256 of the output, outcome), token changes, triage and exports.
Each entry carries the hash of the one before it; the first line says
whether that chain is intact (exit 1 when it is not).

  --limit N       the newest N entries (default 1000), shown oldest first
  --sensor ID     only this sensor's entries
  --command ID    only this command's entries
  --json          print JSON only
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

interface AuditView {
  chain: { entries: number; intact: boolean; broken_at: number | null };
  entries: Array<{
    id: number; at: string; actor: string; action: string; sensor_id: number | null; command_id: string | null; verb: string | null;
    args: string[] | null; outcome: string; output_sha256: string | null;
  }>;
}

export const auditCommand: Command = {
  summary: 'the append-only audit log of live response, tokens and triage (admin)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('audit', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, limit: { type: 'string' }, sensor: { type: 'string' }, command: { type: 'string' } },
      strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (positionals.length > 0) throw new CollectorError('COLLECTOR_E_USAGE', `pushtrace audit: unexpected "${positionals[0]}"`);
    const config = loadClientConfig(values, io.env);
    const view = (await getJson(config, '/api/v1/audit', { limit: values.limit, sensor: values.sensor, command: values.command })) as AuditView;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    } else {
      io.stdout.write(view.chain.intact
        ? `audit chain intact (${view.chain.entries} entries)\n`
        : `AUDIT CHAIN BROKEN at entry ${view.chain.broken_at}: an entry was changed or removed outside the collector\n`);
      if (view.entries.length > 0) {
        io.stdout.write(renderTable(
          ['ID', 'AT', 'ACTOR', 'ACTION', 'SENSOR', 'VERB', 'ARGS', 'OUTCOME', 'OUTPUT SHA256'],
          view.entries.map((e) => [String(e.id), shortTime(e.at), e.actor, e.action, e.sensor_id === null ? '-' : String(e.sensor_id),
            e.verb ?? '-', e.args === null ? '-' : e.args.join(' ') || '-', e.outcome || '-', e.output_sha256 ? e.output_sha256.slice(0, 16) : '-']),
        ));
      }
    }
    return view.chain.intact ? EXIT.OK : EXIT.FAILURE;
  },
};
