import { createInterface } from 'node:readline';
import type { ClientConfig } from '../config/client-config.js';
import { CollectorError } from '../errors.js';
import { EXIT, type CliIo } from './cli-io.js';
import { printResult, runOne } from './lr-command.js';
import type { OperatorKey } from './operator-keys.js';

export interface LrSessionOptions {
  config: ClientConfig;
  key: OperatorKey;
  sensorId: number;
  lifetimeMs: number;
  io: CliIo;
}

const HELP = `verbs: myip | ps | netstat | procinfo PID | kill PID | execfg NAME
other: help, exit (or Ctrl-D)
`;

/**
 * `pushtrace lr SENSOR` alone: a prompt like Carbon Black's live response,
 * one signed command per line. A failed command does not end the session;
 * exit does. No shell: a line is split into words and nothing else.
 */
export async function runLrSession(o: LrSessionOptions): Promise<number> {
  const input = o.io.stdin ?? process.stdin;
  const rl = createInterface({ input, output: o.io.stdout, terminal: (input as { isTTY?: boolean }).isTTY === true });
  const prompt = `sensor ${o.sensorId}> `;
  o.io.stdout.write(`live response on sensor ${o.sensorId}, signing as "${o.key.name}". ${HELP}`);
  rl.setPrompt(prompt);
  rl.prompt();
  let failures = 0;
  for await (const line of rl) {
    let words: string[];
    try {
      words = splitWords(line);
    } catch (err) {
      o.io.stderr.write(`${(err as Error).message}\n`);
      rl.prompt();
      continue;
    }
    const [verb, ...args] = words;
    if (verb === undefined) {
      rl.prompt();
      continue;
    }
    if (verb === 'exit' || verb === 'quit') break;
    if (verb === 'help') {
      o.io.stdout.write(HELP);
      rl.prompt();
      continue;
    }
    try {
      const view = await runOne(o.config, o.key, o.sensorId, verb, args, o.lifetimeMs, o.io);
      printResult(view, o.io);
      if (!(view.result?.status === 'ok' && view.result.exit_code === 0)) failures++;
    } catch (err) {
      if (!(err instanceof CollectorError)) throw err;
      o.io.stderr.write(`${err.message}\n`);
      failures++;
    }
    rl.prompt();
  }
  rl.close();
  return failures === 0 ? EXIT.OK : EXIT.FAILURE;
}

/** Words separated by blanks; "double" or 'single' quotes keep blanks inside one word. */
export function splitWords(line: string): string[] {
  const words: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/gy;
  let rest = line.trimEnd();
  let match: RegExpExecArray | null;
  let pos = 0;
  while (pos < rest.length && (match = re.exec(rest)) !== null) {
    words.push(match[1] ?? match[2] ?? match[3]!);
    pos = re.lastIndex;
  }
  rest = rest.slice(pos).trim();
  if (rest !== '') throw new Error(`unbalanced quote in: ${line}`);
  return words;
}
