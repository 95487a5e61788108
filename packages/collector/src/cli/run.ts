import { CollectorError } from '../errors.js';
import { EXIT, type CliIo } from './cli-io.js';
import { COMMANDS } from './commands.js';

/** `pushtrace --help`: the command list. */
export function mainUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `usage: pushtrace <command> [flags]

commands:
${lines.join('\n')}

Read commands are API clients: --server URL (or PUSHTRACE_SERVER, default
http://127.0.0.1:8650) and --token T (or PUSHTRACE_TOKEN); with --json they
print JSON only on stdout. \`pushtrace <command> --help\` for its flags.
`;
}

/**
 * Runs one `pushtrace` command line and returns the exit code: 0 done,
 * 1 failed (server unreachable, API error), 2 bad usage or configuration.
 * Errors go to stderr as one clear line; stdout carries only results.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) {
    io.stderr.write(mainUsage());
    return EXIT.USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? args[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS[topic];
    io.stdout.write(command?.usage ?? mainUsage());
    return EXIT.OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.stderr.write(`pushtrace: unknown command "${name}"\n\n${mainUsage()}`);
    return EXIT.USAGE;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (!(err instanceof CollectorError)) throw err;
    switch (err.code) {
      case 'COLLECTOR_E_USAGE':
        io.stderr.write(`${err.message}\n\n${command.usage}`);
        return EXIT.USAGE;
      case 'COLLECTOR_E_CONFIG':
      case 'COLLECTOR_E_BAD_PARAM':
        io.stderr.write(`pushtrace ${name}: ${err.message}\n`);
        return EXIT.USAGE;
      default:
        io.stderr.write(`pushtrace ${name}: ${err.message}\n`);
        return EXIT.FAILURE;
    }
  }
}
