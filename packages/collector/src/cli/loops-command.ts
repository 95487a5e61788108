import { parseArgs } from 'node:util';
import { parseSince } from '../api/since.js';
import { loadClientConfig } from '../config/client-config.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace loops [--since 1h] [--sensor ID] [--json] [--server URL] [--token T]

Reconnect loops found in telemetry alone (no MFA log needed): one long-lived
process opening session after session to the same endpoint, each after the
previous one closed — the WinSCP signature.

  --since WHEN    look back this far (default 1h): 30s, 10m, 2h, 7d or an ISO time
  --sensor ID     only this sensor
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
}

export const loopsCommand: Command = {
  summary: 'reconnect loops seen in telemetry (no MFA data needed)',
  usage: USAGE,
  async run(args, io) {
    const { values } = withUsageErrors('loops', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, since: { type: 'string' }, sensor: { type: 'string' } }, strict: true,
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
    if (loops.length === 0) {
      io.stdout.write('no reconnect loops\n');
      return EXIT.OK;
    }
    io.stdout.write(renderTable(
      ['SENSOR', 'HOSTNAME', 'PROCESS', 'DESTINATION', 'SESSIONS', 'FIRST', 'LAST'],
      loops.map((l) => [String(l.sensor_id), l.hostname, `${l.process.name} (${l.process.pid})`,
        `${l.destination.ip}:${l.destination.port}`, String(l.sessions), shortTime(l.first_session), shortTime(l.last_session)]),
    ));
    return EXIT.OK;
  },
};
