import { parseArgs } from 'node:util';
import { parseSince } from '../api/since.js';
import { BUSY_PROCESS_ENDPOINTS } from '../detect/reconnect-loops.js';
import { loadClientConfig } from '../config/client-config.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace loops [--since 1h] [--sensor ID] [--all] [--json] [--server URL] [--token T]

Reconnect loops found in telemetry alone (no MFA log needed): one long-lived
process opening session after session to the same endpoint, each after the
previous one closed — the WinSCP signature.

A process that talked to ${BUSY_PROCESS_ENDPOINTS} or more endpoints in the window (a browser) is
"busy": its chains are mostly connection reuse, so they are counted but not
listed unless --all. --json always has them all, each with "busy".

  --since WHEN    look back this far (default 1h): 30s, 10m, 2h, 7d or an ISO time
  --sensor ID     only this sensor
  --all           list the loops of busy processes too
  --json          print JSON only
`;

interface LoopView {
  sensor_id: number;
  hostname: string;
  process: { name: string; pid: number; path: string };
  destination: { ip: string; port: number };
  sessions: number;
  first_session: string;
  last_session: string;
  process_endpoints: number;
  busy: boolean;
}

export const loopsCommand: Command = {
  summary: 'reconnect loops seen in telemetry (no MFA data needed)',
  usage: USAGE,
  async run(args, io) {
    const { values } = withUsageErrors('loops', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, since: { type: 'string' }, sensor: { type: 'string' }, all: { type: 'boolean' } }, strict: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (values.since !== undefined) parseSince(values.since, Date.now(), '--since');
    const config = loadClientConfig(values, io.env);
    const { loops } = (await getJson(config, '/api/v1/loops', { since: values.since, sensor: values.sensor })) as { loops: LoopView[] };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(loops, null, 2)}\n`);
      return EXIT.OK;
    }
    const shown = values.all ? loops : loops.filter((l) => !l.busy);
    const hidden = loops.length - shown.length;
    const hiddenNote = hidden === 0 ? '' : `${hidden} loop${hidden === 1 ? '' : 's'} of busy processes (${BUSY_PROCESS_ENDPOINTS}+ endpoints, such as browsers) not shown; --all lists them\n`;
    if (shown.length === 0) {
      io.stdout.write(`no reconnect loops\n${hiddenNote}`);
      return EXIT.OK;
    }
    io.stdout.write(renderTable(
      ['SENSOR', 'HOSTNAME', 'PROCESS', 'DESTINATION', 'SESSIONS', 'FIRST', 'LAST', 'ENDPOINTS'],
      shown.map((l) => [String(l.sensor_id), l.hostname, `${l.process.name} (${l.process.pid})`,
        `${l.destination.ip}:${l.destination.port}`, String(l.sessions), shortTime(l.first_session), shortTime(l.last_session),
        `${l.process_endpoints}${l.busy ? ' (busy)' : ''}`]),
    ));
    io.stdout.write(hiddenNote);
    return EXIT.OK;
  },
};
