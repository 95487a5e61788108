import { parseArgs } from 'node:util';
import { loadClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { getJson, postJson } from './api-client.js';
import { EXIT, type Command } from './cli-io.js';
import { CLIENT_FLAGS, withUsageErrors } from './parse-flags.js';
import { renderTable, shortTime } from './table.js';

const USAGE = `usage: pushtrace token create --role viewer|responder|admin --name NAME [--json]
       pushtrace token list [--json]
       pushtrace token revoke NAME

Manages API tokens (needs an admin token). Roles:
  viewer     reads: sensors, processes, queries, alerts, bundles
  responder  also acts: triage, MFA log ingest, live response
  admin      also manages tokens and reads the audit log
The token text is printed once, by "create"; the collector keeps only its hash.

  --server URL    collector (default PUSHTRACE_SERVER or http://127.0.0.1:8650)
  --token T       API token (default PUSHTRACE_TOKEN)
`;

interface TokenView {
  name: string;
  role: string;
  created_at: string;
  created_by: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export const tokenCommand: Command = {
  summary: 'create, list and revoke API tokens with roles (viewer, responder, admin)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('token', () => parseArgs({
      args: [...args], options: { ...CLIENT_FLAGS, role: { type: 'string' }, name: { type: 'string' } }, strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    const usage = (why: string) => new CollectorError('COLLECTOR_E_USAGE', `pushtrace token: ${why}`);
    const [sub, ...rest] = positionals;
    if (sub !== 'create' && (values.role !== undefined || values.name !== undefined)) throw usage('--role and --name belong to "token create"');
    const config = () => loadClientConfig(values, io.env);
    switch (sub) {
      case 'create': {
        if (rest.length > 0) throw usage(`unexpected "${rest[0]}" (give --role and --name)`);
        if (values.role === undefined || values.name === undefined) throw usage('create needs --role and --name');
        const created = (await postJson(config(), '/api/v1/tokens/create', { name: values.name, role: values.role })) as TokenView & { token: string };
        if (values.json) io.stdout.write(`${JSON.stringify(created, null, 2)}\n`);
        else io.stdout.write(`${created.token}\n`);
        io.stderr.write(`token "${created.name}" (${created.role}) created; it is shown only now — store it like a password\n`);
        return EXIT.OK;
      }
      case 'list': {
        if (rest.length > 0) throw usage(`unexpected "${rest[0]}"`);
        const { tokens } = (await getJson(config(), '/api/v1/tokens')) as { tokens: TokenView[] };
        if (values.json) {
          io.stdout.write(`${JSON.stringify(tokens, null, 2)}\n`);
          return EXIT.OK;
        }
        io.stdout.write(tokens.length === 0 ? 'no API tokens (only the bootstrap admin token)\n' : renderTable(
          ['NAME', 'ROLE', 'CREATED', 'BY', 'LAST USED', 'REVOKED'],
          tokens.map((t) => [t.name, t.role, shortTime(t.created_at), t.created_by, t.last_used_at ? shortTime(t.last_used_at) : '-',
            t.revoked_at ? shortTime(t.revoked_at) : '-']),
        ));
        return EXIT.OK;
      }
      case 'revoke': {
        if (rest.length !== 1) throw usage('revoke needs one token NAME');
        const answer = await postJson(config(), '/api/v1/tokens/revoke', { name: rest[0] });
        io.stdout.write(values.json ? `${JSON.stringify(answer, null, 2)}\n` : `token "${rest[0]}" revoked\n`);
        return EXIT.OK;
      }
      default:
        throw usage(sub === undefined ? 'expected create, list or revoke' : `unknown sub-command "${sub}" (create, list, revoke)`);
    }
  },
};
