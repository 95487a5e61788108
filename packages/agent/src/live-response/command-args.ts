import { CommandStatus } from '@pushtrace/proto';
import type { LiveResponseConfig } from '../config/live-response-schema.js';
import { refuse, type Refusal } from './verify-command.js';
import type { LiveResponseVerb } from './verbs.js';

/** What a verified command will do, arguments checked. */
export type CommandPlan =
  | { verb: 'myip' | 'ps' | 'netstat' }
  | { verb: 'procinfo'; pid: number }
  | { verb: 'kill'; pid: number }
  | { verb: 'execfg'; name: string; argv: readonly string[] };

/**
 * Checks a genuine command against this agent's own switches (kill,
 * the execfg allowlist) and the verb's argument shape. Switches come first:
 * "kill is off here" is the more useful answer than "bad pid".
 */
export function planCommand(
  verb: LiveResponseVerb,
  args: readonly string[],
  config: Pick<LiveResponseConfig, 'allowKill' | 'execfg'>,
  agentPid: number,
): CommandPlan | Refusal {
  switch (verb) {
    case 'myip':
    case 'ps':
    case 'netstat':
      if (args.length !== 0) return badArgs(`${verb} takes no arguments, got ${args.length}`);
      return { verb };
    case 'procinfo': {
      const pid = parsePid(verb, args);
      return typeof pid === 'number' ? { verb, pid } : pid;
    }
    case 'kill': {
      if (!config.allowKill) {
        return refuse(CommandStatus.COMMAND_STATUS_REFUSED_DISABLED, 'kill is disabled on this agent (liveResponse.allowKill is false)');
      }
      const pid = parsePid(verb, args);
      if (typeof pid !== 'number') return pid;
      if (pid <= 1) return badArgs(`kill ${pid}: refusing to kill pid ${pid}`);
      if (pid === agentPid) return badArgs(`kill ${pid}: that is the pushtrace agent itself`);
      return { verb, pid };
    }
    case 'execfg': {
      if (args.length !== 1) {
        return badArgs(`execfg takes exactly one NAME from this agent's allowlist and no other arguments, got ${args.length} arguments`);
      }
      const name = args[0]!;
      const argv = Object.hasOwn(config.execfg, name) ? config.execfg[name] : undefined;
      if (argv === undefined) {
        const names = Object.keys(config.execfg);
        return refuse(CommandStatus.COMMAND_STATUS_REFUSED_DISABLED,
          `execfg "${name}" is not in this agent's allowlist (${names.length === 0 ? 'which is empty' : `it has: ${names.join(', ')}`})`);
      }
      return { verb, name, argv };
    }
  }
}

function parsePid(verb: string, args: readonly string[]): number | Refusal {
  if (args.length !== 1) return badArgs(`${verb} takes exactly one PID, got ${args.length} arguments`);
  const text = args[0]!;
  const pid = Number(text);
  if (!/^\d{1,10}$/.test(text) || !Number.isSafeInteger(pid) || pid < 1 || pid > 0xffff_ffff) {
    return badArgs(`${verb}: PID must be a positive integer, got ${JSON.stringify(text)}`);
  }
  return pid;
}

function badArgs(message: string): Refusal {
  return refuse(CommandStatus.COMMAND_STATUS_REFUSED_BAD_ARGS, message);
}
