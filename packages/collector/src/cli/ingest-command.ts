import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { postText } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';

const USAGE = `usage: pushtrace ingest duo|okta|entra FILE [--format auto|json|csv] [--json] [--server URL] [--token T]

Loads an MFA log file into the collector, which stores the new events and
recomputes the push-burst verdicts they touch.
  duo    Admin API v2 authentication log (JSON: records, JSON lines, arrays or the
         API envelope) or the Admin Panel's CSV export; the format is detected
  okta   System Log JSON export
  entra  Entra ID sign-in log JSON (Graph signIns)

A record that cannot be read is reported with its line or record number and
why; the good ones still go in. Exit status 1 when any record was rejected.

  --format F      auto (default), json or csv
  --json          print the outcome as JSON, nothing else
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

interface IngestAnswer {
  received: number;
  stored: number;
  duplicates: number;
  rejected: Array<{ where: string; reason: string }>;
  alerts: Array<{ id: number; verdict: string; user: string }>;
}

export const ingestCommand: Command = {
  summary: 'load an MFA log (Duo CSV or JSON, Okta, Entra ID)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('ingest', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, format: { type: 'string' } }, strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    const [source, file, ...extra] = positionals;
    if (source === undefined || file === undefined || extra.length > 0) {
      throw new CollectorError('COLLECTOR_E_USAGE', 'pushtrace ingest: expected a source (duo, okta, entra) and one FILE');
    }
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new CollectorError('COLLECTOR_E_USAGE', `pushtrace ingest: cannot read ${file}: ${(err as Error).message}`, { cause: err });
    }
    const config = loadClientConfig(values, io.env);
    const answer = (await postText(config, `/api/v1/ingest/${encodeURIComponent(source)}`, text, { format: values.format })) as IngestAnswer;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    } else {
      io.stdout.write(`${file}: ${answer.received} events read, ${answer.stored} new, ${answer.duplicates} already stored, ${answer.rejected.length} rejected\n`);
      for (const r of answer.rejected) io.stdout.write(`  rejected ${r.where}: ${r.reason}\n`);
      for (const a of answer.alerts) io.stdout.write(`  alert ${a.id}: ${a.verdict} (user ${a.user})\n`);
    }
    return answer.rejected.length > 0 ? EXIT.FAILURE : EXIT.OK;
  },
};
