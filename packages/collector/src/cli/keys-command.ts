import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveKeyDir } from '../config/operator-key-config.js';
import { CollectorError } from '../errors.js';
import { EXIT, type Command } from './cli-io.js';
import { agentTrustSnippet, createOperatorKey, KEY_NAME } from './operator-keys.js';
import { withUsageErrors } from './parse-flags.js';

const USAGE = `usage: pushtrace keys create --name NAME [--key-dir DIR] [--json]
       pushtrace keys show NAME [--key-dir DIR] [--json]

Operator signing keys for live response (ed25519). "create" writes
DIR/NAME.key (private, mode 0600 — it never leaves this machine) and
DIR/NAME.pub, and prints the public key with the agent config fragment that
trusts it. An agent runs a command only if its own config trusts the key
that signed it, for that verb: add the fragment to the agents' config files
with the verbs this operator may use.

  --key-dir DIR   where keys live (default PUSHTRACE_KEY_DIR or ~/.config/pushtrace/keys)
`;

const ALL_VERBS = ['myip', 'ps', 'netstat', 'procinfo', 'kill', 'execfg'];

export const keysCommand: Command = {
  summary: 'create and show operator signing keys for live response',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = withUsageErrors('keys', () => parseArgs({
      args: [...args], options: { name: { type: 'string' }, 'key-dir': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true, allowPositionals: true,
    }));
    if (values.help) {
      io.stdout.write(USAGE);
      return EXIT.OK;
    }
    const dir = resolveKeyDir(values['key-dir'], io.env);
    const usage = (why: string) => new CollectorError('COLLECTOR_E_USAGE', `pushtrace keys: ${why}`);
    const [sub, ...rest] = positionals;
    if (sub === 'create') {
      if (rest.length > 0 || values.name === undefined) throw usage('create needs --name NAME and nothing else');
      const key = await createOperatorKey(dir, values.name);
      if (values.json) {
        io.stdout.write(`${JSON.stringify({ name: key.name, public_key: key.publicKeyText, private_key_file: key.file }, null, 2)}\n`);
      } else {
        io.stdout.write(`${key.publicKeyText}\n`);
        io.stderr.write(`private key written to ${key.file} (0600); agents that should obey it need, in their config:\n`
          + `${agentTrustSnippet(key, ALL_VERBS)}\n(trim "verbs" to what this operator may run)\n`);
      }
      return EXIT.OK;
    }
    if (sub === 'show') {
      if (rest.length !== 1 || !KEY_NAME.test(rest[0]!)) throw usage('show needs one key NAME');
      const file = path.join(dir, `${rest[0]}.pub`);
      let text: string;
      try {
        text = (await readFile(file, 'utf8')).trim();
      } catch (err) {
        throw new CollectorError('COLLECTOR_E_USAGE', `public key ${file}: ${(err as Error).message}`);
      }
      io.stdout.write(values.json ? `${JSON.stringify({ name: rest[0], public_key: text }, null, 2)}\n` : `${text}\n`);
      return EXIT.OK;
    }
    throw usage(sub === undefined ? 'expected create or show' : `unknown sub-command "${sub}" (create, show)`);
  },
};
