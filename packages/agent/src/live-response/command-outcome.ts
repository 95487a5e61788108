import { CommandStatus } from '@pushtrace/proto';
import type { LiveResponseConfig } from '../config/live-response-schema.js';
import type { ProgramOutcome } from './run-program.js';
import type { Refusal } from './verify-command.js';

/** How a command ended, before it becomes a CommandResult. */
export interface Outcome {
  status: CommandStatus;
  exitCode: number;
  stdout: Buffer;
  stderr: Buffer;
  truncated: boolean;
  message: string;
}

/** FAILED before or without a program running to its end: exit -1, no output. */
export function failed(message: string): Outcome {
  return { status: CommandStatus.COMMAND_STATUS_FAILED, exitCode: -1, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), truncated: false, message };
}

/** A refusal: nothing ran. */
export function refusalOutcome(refusal: Refusal): Outcome {
  return { ...failed(refusal.message), status: refusal.status };
}

/** An execfg run → outcome. A program that ran to its own end is OK whatever its exit code. */
export function programOutcome(argv: readonly string[], p: ProgramOutcome, config: LiveResponseConfig): Outcome {
  const base = { exitCode: -1, stdout: p.stdout, stderr: p.stderr, truncated: p.truncated };
  if (p.spawnError !== undefined) return { ...base, status: CommandStatus.COMMAND_STATUS_FAILED, message: `cannot start ${argv[0]}: ${p.spawnError}` };
  if (p.timedOut) return { ...base, status: CommandStatus.COMMAND_STATUS_TIMED_OUT, message: `${argv[0]} did not finish within ${config.timeoutMs} ms; killed` };
  if (p.capExceeded) return { ...base, status: CommandStatus.COMMAND_STATUS_FAILED, message: `${argv[0]} wrote more than ${config.outputCapBytes} bytes; killed, output truncated` };
  if (p.aborted) return { ...base, status: CommandStatus.COMMAND_STATUS_FAILED, message: `${argv[0]} killed: agent stopping` };
  if (p.exitCode === null) return { ...base, status: CommandStatus.COMMAND_STATUS_FAILED, message: `${argv[0]} ended by signal ${p.signal ?? 'unknown'}` };
  return { ...base, exitCode: p.exitCode, status: CommandStatus.COMMAND_STATUS_OK, message: '' };
}
