import { parseArgs } from 'node:util';
import type { ProcessView } from '../api/process-view.js';
import { parseSince } from '../api/since.js';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace processes [--sensor ID] [--since 10m] [--limit N] [--json] [--server URL] [--token T]

Lists processes with their network connections, newest activity first.

  --sensor ID     only this sensor
  --since WHEN    only processes with a connection opened since WHEN: a
                  look-back (30s, 10m, 2h, 7d) or an ISO 8601 time
  --limit N       at most N processes (server default 1000)
  --json          print the processes as a JSON array, nothing else
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

const FLAGS = {
  ...CLIENT_FLAGS,
  sensor: { type: 'string' },
  since: { type: 'string' },
  limit: { type: 'string' },
} as const;

export const processesCommand: Command = {
  summary: 'list processes and their network connections',
  usage: USAGE,
  async run(args, io) {
    const { values } = withUsageErrors('processes', () => parseArgs({ args: [...args], options: FLAGS, strict: true }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    // Checked here too, so the error names the flag rather than the query parameter.
    if (values.sensor !== undefined) positiveInteger('--sensor', values.sensor);
    if (values.since !== undefined) parseSince(values.since, Date.now(), '--since');
    if (values.limit !== undefined) positiveInteger('--limit', values.limit);
    const config = loadClientConfig(values, io.env);
    const { processes } = (await getJson(config, '/api/v1/processes', {
      sensor: values.sensor,
      since: values.since,
      limit: values.limit,
    })) as { processes: ProcessView[] };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(processes, null, 2)}\n`);
      return EXIT.OK;
    }
    if (processes.length === 0) {
      io.stdout.write('no processes match\n');
      return EXIT.OK;
    }
    io.stdout.write(renderTable(
      ['SENSOR', 'HOSTNAME', 'PID', 'NAME', 'USER', 'STARTED', 'CONNS', 'REMOTES', 'SHA256', 'PATH'],
      processes.map((p) => [
        String(p.sensor_id),
        p.hostname ?? '-',
        String(p.pid),
        p.name || '-',
        p.user || '-',
        shortTime(p.start_time),
        String(p.netconns.length),
        remotes(p),
        // A prefix is enough to tell binaries apart on screen; --json has the whole digest.
        p.sha256 ? `${p.sha256.slice(0, 16)}…` : '-',
        p.path || '-',
      ]),
    ));
    return EXIT.OK;
  },
};

/** Up to three distinct remote endpoints, then "+N". */
function remotes(p: ProcessView): string {
  const endpoints = [...new Set(p.netconns.map((c) => `${c.remote_ip.includes(':') ? `[${c.remote_ip}]` : c.remote_ip}:${c.remote_port}`))];
  if (endpoints.length === 0) return '-';
  const shown = endpoints.slice(0, 3).join(', ');
  return endpoints.length > 3 ? `${shown} +${endpoints.length - 3}` : shown;
}

function positiveInteger(flag: string, text: string): void {
  if (!/^\d{1,16}$/.test(text) || Number(text) < 1) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `${flag}: "${text}" is not a whole number of 1 or more`);
  }
}
