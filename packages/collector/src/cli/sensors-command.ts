import { parseArgs } from 'node:util';
import type { SensorView } from '../api/sensor-view.js';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { isQueryError } from '../query/query-error.js';
import { compileSensorQuery } from '../query/sensor-query.js';
import { getJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { pointAt } from './query-command.js';
import { humanDuration, renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace sensors ['QUERY'] [--json] [--server URL] [--token T]

Lists every enrolled sensor: status (online/offline), last and next checkin,
external and interface IPs, host uptime, and events its spool dropped.
With QUERY, only the sensors it matches (the syntax of pushtrace query):
fields sensor_id hostname os ipaddr username last_checkin, for example
'hostname:*LAPTOP*', 'ipaddr:10.0.0.0/8', 'os:windows username:jdoe'.

  --json          print the sensors as a JSON array, nothing else
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

export const sensorsCommand: Command = {
  summary: 'list sensors: status, last checkin, IPs, dropped events',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('sensors', () =>
      parseArgs({ args: [...args], options: CLIENT_FLAGS, strict: true, allowPositionals: true }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (positionals.length > 1) {
      throw new CollectorError('COLLECTOR_E_USAGE',
        `pushtrace sensors: expected at most one query, got ${positionals.length} arguments (quote the whole query: 'a:1 b:2')`);
    }
    const q = positionals[0];
    if (q !== undefined) {
      // Checked here first: a mistake is shown with a caret under it, and no request is made.
      try {
        compileSensorQuery(q, { now: Date.now });
      } catch (err) {
        if (!isQueryError(err)) throw err;
        io.stderr.write(pointAt(q, err, 'sensors'));
        return EXIT.USAGE;
      }
    }
    const config = loadClientConfig(values, io.env);
    const { sensors } = (await getJson(config, '/api/v1/sensors', { q })) as { sensors: SensorView[] };
    if (values.json) {
      io.stdout.write(`${JSON.stringify(sensors, null, 2)}\n`);
      return EXIT.OK;
    }
    if (sensors.length === 0) {
      io.stdout.write(q === undefined ? 'no sensors enrolled yet\n' : 'no sensors match\n');
      return EXIT.OK;
    }
    io.stdout.write(renderTable(
      ['ID', 'HOSTNAME', 'STATUS', 'OS', 'AGENT', 'LAST CHECKIN', 'EXTERNAL IP', 'UPTIME', 'DROPPED', 'INTERFACE IPS'],
      sensors.map((s) => [
        String(s.sensor_id),
        s.hostname || '-',
        s.revoked ? 'revoked' : s.status,
        s.os || '-',
        s.agent_version || '-',
        shortTime(s.last_checkin),
        s.external_ip ?? '-',
        humanDuration(s.uptime_s),
        String(s.dropped_events),
        s.interface_ips.join(', ') || '-',
      ]),
    ));
    return EXIT.OK;
  },
};
