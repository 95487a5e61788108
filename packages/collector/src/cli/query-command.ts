import { parseArgs } from 'node:util';
import type { ProcessSearchView } from '../api/query-routes.js';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { PROCESS_FIELDS, PROCESS_SORT_KEYS, compileProcessQuery, parseProcessSort } from '../query/process-query.js';
import { isQueryError, type QueryError } from '../query/query-error.js';
import { getJson } from './api-client.js';
import { EXIT, type CliIo, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace query 'QUERY' [--sort KEY] [--limit N] [--offset N] [--json] [--server URL] [--token T]

Searches processes with the query language (Carbon Black style): field:value
terms joined by AND (or just a space), OR, NOT (or a leading -), and
parentheses; * wildcards; "quoted values" (\\\\ for a backslash, \\" for a quote);
ranges [A TO B] with * for an open end; times as 2015-06-08T13:11:16Z,
NOW-10MINUTES (SECONDS MINUTES HOURS DAYS WEEKS, or s m h d w) or -10m for
"the last 10 minutes". Text matches ignore case and are exact unless * says
otherwise.

fields: ${Object.keys(PROCESS_FIELDS).join(' ')}

  --sort KEY      ${PROCESS_SORT_KEYS.join(', ')};
                  '-' in front for descending (default -start)
  --limit N       processes per page (default 100, at most 10000)
  --offset N      skip the first N matches (the next page)
  --json          print { query, total, offset, limit, has_more, processes } as JSON, nothing else
  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)

examples:
  pushtrace query 'sensor_id:54341 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]'
  pushtrace query 'hostname:*LAPTOP* process_name:winscp*'
  pushtrace query 'ipaddr:203.0.113.0/24 OR ipport:22' --sort -netconn_count
`;

const FLAGS = {
  ...CLIENT_FLAGS,
  sort: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
} as const;

interface SearchAnswer {
  query: string;
  total: number | null;
  offset: number;
  limit: number;
  has_more: boolean;
  processes: ProcessSearchView[];
}

export const queryCommand: Command = {
  summary: 'search processes with the query language',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('query', () =>
      parseArgs({ args: [...args], options: FLAGS, strict: true, allowPositionals: true }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    if (positionals.length !== 1) {
      throw new CollectorError('COLLECTOR_E_USAGE', positionals.length === 0
        ? 'pushtrace query: the query is missing'
        : `pushtrace query: expected one query, got ${positionals.length} arguments (quote the whole query: 'a:1 b:2')`);
    }
    const q = positionals[0]!;
    // Checked here first: a mistake is shown with a caret under it, and no request is made.
    try {
      compileProcessQuery(q, { now: Date.now });
    } catch (err) {
      if (!isQueryError(err)) throw err;
      io.stderr.write(pointAt(q, err));
      return EXIT.USAGE;
    }
    if (values.sort !== undefined) parseProcessSort(values.sort, '--sort');
    if (values.limit !== undefined) wholeNumber('--limit', values.limit);
    if (values.offset !== undefined) wholeNumber('--offset', values.offset);
    const config = loadClientConfig(values, io.env);
    const answer = (await getJson(config, '/api/v1/processes', {
      q, sort: values.sort, limit: values.limit, offset: values.offset,
    })) as SearchAnswer;
    if (values.json) {
      io.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
      return EXIT.OK;
    }
    printTable(answer, io);
    return EXIT.OK;
  },
};

function printTable(answer: SearchAnswer, io: CliIo): void {
  const { processes, offset, total } = answer;
  if (processes.length === 0) {
    io.stdout.write(offset > 0 && total !== null && total > 0 ? `no processes past ${offset} (${total} match)\n` : 'no processes match\n');
    return;
  }
  io.stdout.write(renderTable(
    ['SENSOR', 'HOSTNAME', 'PID', 'NAME', 'USER', 'STARTED', 'LAST ACTIVE', 'CONNS', 'PATH'],
    processes.map((p) => [
      String(p.sensor_id),
      p.hostname || '-',
      String(p.pid),
      p.name || '-',
      p.user || '-',
      shortTime(p.start_time),
      shortTime(p.last_update),
      String(p.netconn_count),
      p.path || '-',
    ]),
  ));
  const shown = `${offset + 1}-${offset + processes.length}`;
  const more = answer.has_more ? `; next page: --offset ${offset + processes.length}` : '';
  io.stdout.write(`${shown} of ${total ?? '?'} processes${more}\n`);
}

/** The error, then the query with a caret under the column it names; `command` names the pushtrace command. */
export function pointAt(query: string, err: QueryError, command = 'query'): string {
  const oneLine = query.replace(/[\r\n\t]/g, ' ');
  return `pushtrace ${command}: ${err.message}\n  ${oneLine}\n  ${' '.repeat(Math.max(0, err.column - 1))}^\n`;
}

function wholeNumber(flag: string, text: string): void {
  if (!/^\d{1,16}$/.test(text)) {
    throw new CollectorError('COLLECTOR_E_BAD_PARAM', `${flag}: "${text}" is not a whole number of 0 or more`);
  }
}
