import { join } from 'node:path';
import { CommandStatus, type Command, type CommandResult } from '@pushtrace/proto';
import type { Logger } from 'pino';
import type { LiveResponseConfig } from '../config/live-response-schema.js';
import { AgentError } from '../errors.js';
import type { SpoolBody } from '../spool/spool-body.js';
import { capText } from './capped-output.js';
import { failed, programOutcome, refusalOutcome, type Outcome } from './command-outcome.js';
import { planCommand, type CommandPlan } from './command-args.js';
import { ReplayGuard } from './replay-guard.js';
import { runProgram } from './run-program.js';
import { trustedKeysFrom, type TrustedKey } from './trusted-keys.js';
import type { VerbContext } from './verb-context.js';
import { runKill } from './verb-kill.js';
import { runMyip } from './verb-myip.js';
import { runNetstat } from './verb-netstat.js';
import { runProcinfo } from './verb-procinfo.js';
import { runPs } from './verb-ps.js';
import { verifyCommand, type Refusal } from './verify-command.js';

/** Where accepted command ids are kept, under the state dir. */
export const SEEN_COMMANDS_FILE = join('live-response', 'seen-commands.json');
/** Commands waiting for a free slot at most; more are answered "busy" at once. */
const MAX_WAITING = 32;

export interface CommandRunnerOptions {
  config: LiveResponseConfig;
  /** The agent's state dir; the replay memory lives under it. */
  stateDir: string;
  /** Where results go: a data message each, delivered when the collector is reachable. */
  spool: { enqueue(body: SpoolBody): number };
  /** This agent's sensor id (undefined before enrollment). */
  sensorId: () => number | undefined;
  verbs: VerbContext;
  /** The whole environment of an execfg program (see childProcessEnv). */
  childEnv: Readonly<Record<string, string>>;
  log: Logger;
  /** Clock for deadlines and result times. Default Date.now. */
  now?: () => number;
  /** Replay memory bound (default 10 000 ids). */
  maxRememberedCommands?: number;
}

interface Job {
  id: string;
  verb: string;
  issuedBy: string;
  plan: CommandPlan;
}

/**
 * Runs live-response commands: checks each (verify-command.ts, then replay,
 * then the agent's own switches and the arguments), runs at most
 * `maxConcurrent` at a time off the sampling path, and spools exactly one
 * CommandResult per command received, refusals included. Never throws into
 * the connection that hands it commands.
 */
export class CommandRunner {
  readonly #o: CommandRunnerOptions;
  readonly #config: LiveResponseConfig;
  readonly #keys: ReadonlyMap<string, TrustedKey>;
  readonly #replay: ReplayGuard;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #waiting: Job[] = [];
  readonly #running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  /** Accepted commands whose result is not spooled yet, by id. */
  readonly #inFlight = new Map<string, { settled: Promise<void>; settle: () => void }>();
  /** Replay refusals held back until the original's result is spooled. */
  readonly #deferred = new Set<Promise<void>>();
  #stopped = false;

  constructor(options: CommandRunnerOptions) {
    this.#o = options;
    this.#config = options.config;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.#keys = trustedKeysFrom(options.config);
    const { guard, recovered } = ReplayGuard.open(join(options.stateDir, SEEN_COMMANDS_FILE), this.#now(), {
      clockSkewMs: options.config.clockSkewMs,
      ...(options.maxRememberedCommands !== undefined ? { maxEntries: options.maxRememberedCommands } : {}),
    });
    this.#replay = guard;
    if (recovered !== undefined) {
      this.#log.error({ path: guard.path, problem: recovered, floorIssuedAtMs: guard.floorIssuedAtMs },
        'live-response replay memory unreadable; refusing every command issued before the floor');
    }
    if (this.#keys.size === 0) this.#log.info('live response: no trusted keys configured; every command will be refused');
  }

  /** Commands running or waiting. */
  get busy(): number {
    return this.#running.size + this.#waiting.length;
  }

  /** Takes one command off the wire. Synchronous checks; the run itself is queued. */
  submit(command: Command): void {
    const startedAt = this.#now();
    const id = command.id ?? '';
    try {
      const admitted = this.#admit(command, startedAt);
      if (!admitted.ok) {
        const original = this.#inFlight.get(id);
        if (admitted.status === CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED && original !== undefined) {
          // A second copy of a command still running (the collector resent it
          // after a reconnect): answer it after the original, so that the
          // first result per id is always the real one.
          const later = original.settled.then(() => this.#finish(id, startedAt, refusalOutcome(admitted), command));
          this.#deferred.add(later);
          void later.finally(() => this.#deferred.delete(later));
          return;
        }
        this.#finish(id, startedAt, refusalOutcome(admitted), command);
        return;
      }
      if (this.#stopped) {
        this.#finish(id, startedAt, failed('agent is stopping'), command);
        return;
      }
      if (this.#waiting.length >= MAX_WAITING) {
        this.#finish(id, startedAt, failed(`agent busy: ${this.#running.size} commands running and ${this.#waiting.length} waiting`), command);
        return;
      }
      let settle!: () => void;
      const settled = new Promise<void>((resolve) => { settle = resolve; });
      this.#inFlight.set(id, { settled, settle });
      this.#waiting.push({ id, verb: command.verb ?? '', issuedBy: command.issuedBy ?? '', plan: admitted.plan });
      this.#log.info({ commandId: id, verb: command.verb, args: command.args, issuedBy: command.issuedBy, keyId: command.keyId }, 'live-response command accepted');
      this.#drain();
    } catch (err) {
      this.#log.error({ err, commandId: id }, 'live-response command handling failed');
      this.#finish(id, startedAt, failed(`agent failed: ${(err as Error).message}`), command);
    }
  }

  /** Resolves when nothing is running or waiting and every result is spooled. */
  async idle(): Promise<void> {
    while (this.#running.size > 0 || this.#waiting.length > 0 || this.#deferred.size > 0) {
      await Promise.all([...this.#running.values()].map((r) => r.done).concat([...this.#deferred]));
    }
  }

  /** Fails what waits, kills what runs, and waits for their results to be spooled. */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const job of this.#waiting.splice(0)) {
      this.#finish(job.id, this.#now(), failed('agent stopped before the command ran'), job);
      this.#settle(job.id);
    }
    for (const run of this.#running.values()) run.controller.abort(new AgentError('AGENT_E_LIVE_RESPONSE', 'agent stopping'));
    await this.idle();
  }

  /** The accepted command's result is spooled: release replay answers held back for it. */
  #settle(id: string): void {
    this.#inFlight.get(id)?.settle();
    this.#inFlight.delete(id);
  }

  #admit(command: Command, nowMs: number): { ok: true; plan: CommandPlan } | Refusal {
    const verdict = verifyCommand(command, {
      sensorId: this.#o.sensorId(),
      keys: this.#keys,
      nowMs,
      clockSkewMs: this.#config.clockSkewMs,
      maxCommandLifetimeMs: this.#config.maxCommandLifetimeMs,
    });
    if (!verdict.ok) return verdict;
    const { fields, key } = verdict;
    if (fields.id.length === 0 || fields.id.length > 128) {
      return { ok: false, status: CommandStatus.COMMAND_STATUS_REFUSED_BAD_ARGS, message: 'command id must be 1-128 characters' };
    }
    const admission = this.#replay.admit(fields.id, fields.issuedAtMs, fields.deadlineMs, nowMs);
    if (!admission.ok) {
      if (!admission.persisted) return { ok: false, status: CommandStatus.COMMAND_STATUS_FAILED, message: admission.message };
      return { ok: false, status: CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED, message: admission.message };
    }
    const plan = planCommand(fields.verb as Parameters<typeof planCommand>[0], fields.args, this.#config, this.#o.verbs.agentPid);
    if ('ok' in plan) return plan;
    this.#log.debug({ commandId: fields.id, key: key.name }, 'live-response command verified');
    return { ok: true, plan };
  }

  #drain(): void {
    while (this.#running.size < this.#config.maxConcurrent && this.#waiting.length > 0) {
      const job = this.#waiting.shift()!;
      const controller = new AbortController();
      const done = this.#run(job, controller).finally(() => {
        this.#running.delete(job.id);
        this.#drain();
      });
      this.#running.set(job.id, { controller, done });
    }
  }

  async #run(job: Job, controller: AbortController): Promise<void> {
    const startedAt = this.#now();
    let outcome: Outcome;
    try {
      outcome = job.plan.verb === 'execfg'
        ? programOutcome(job.plan.argv, await runProgram(job.plan.argv, {
          capBytes: this.#config.outputCapBytes,
          timeoutMs: this.#config.timeoutMs,
          env: this.#o.childEnv,
          signal: controller.signal,
        }), this.#config)
        : await this.#runBuiltIn(job.plan, controller);
    } catch (err) {
      this.#log.error({ err, commandId: job.id }, 'live-response command failed unexpectedly');
      outcome = failed(`agent failed: ${(err as Error).message}`);
    }
    this.#finish(job.id, startedAt, outcome, job);
    this.#settle(job.id);
  }

  /** A built-in verb under the time limit; its text output capped. */
  async #runBuiltIn(plan: Exclude<CommandPlan, { verb: 'execfg' }>, controller: AbortController): Promise<Outcome> {
    const ctx = this.#o.verbs;
    const { signal } = controller;
    const work = (async () => {
      switch (plan.verb) {
        case 'myip': return runMyip(ctx, signal);
        case 'ps': return runPs(ctx, signal);
        case 'netstat': return runNetstat(ctx, signal);
        case 'procinfo': return runProcinfo(ctx, plan.pid, signal);
        case 'kill': return runKill(ctx, plan.pid);
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.#config.timeoutMs);
    });
    const aborted = new Promise<'aborted'>((resolve) => {
      if (signal.aborted) resolve('aborted');
      signal.addEventListener('abort', () => resolve('aborted'), { once: true });
    });
    work.catch(() => {}); // settles after a timeout too; nobody waits for it then
    try {
      const text = await Promise.race([work, limit, aborted]);
      if (text === 'timeout') {
        controller.abort(new AgentError('AGENT_E_LIVE_RESPONSE', 'time limit'));
        return { ...failed(`${plan.verb} did not finish within ${this.#config.timeoutMs} ms`), status: CommandStatus.COMMAND_STATUS_TIMED_OUT, exitCode: -1 };
      }
      if (text === 'aborted') return failed(`${plan.verb} stopped: agent stopping`);
      const { bytes, truncated } = capText(text, this.#config.outputCapBytes);
      return { status: CommandStatus.COMMAND_STATUS_OK, exitCode: 0, stdout: bytes, stderr: Buffer.alloc(0), truncated, message: '' };
    } catch (err) {
      const message = err instanceof AgentError && err.code === 'AGENT_E_LIVE_RESPONSE'
        ? err.message
        : `${plan.verb} failed: ${(err as Error).message}`;
      return { ...failed(message), exitCode: 1, stderr: Buffer.from(`${message}\n`) };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Spools the result; one that cannot be spooled is replaced by a smaller one that says why. */
  #finish(id: string, startedAt: number, outcome: Outcome, about: { verb?: string | null; issuedBy?: string | null }): void {
    const finishedAt = this.#now();
    const result: CommandResult = {
      id,
      status: outcome.status,
      exitCode: outcome.exitCode,
      stdout: outcome.stdout,
      stderr: outcome.stderr,
      truncated: outcome.truncated,
      startedAtMs: startedAt,
      finishedAtMs: finishedAt,
      message: outcome.message,
    };
    const fields = { commandId: id, verb: about.verb, issuedBy: about.issuedBy, status: CommandStatus[outcome.status], message: outcome.message || undefined };
    if (outcome.status >= CommandStatus.COMMAND_STATUS_REFUSED_UNSIGNED) this.#log.warn(fields, 'live-response command refused');
    else this.#log.info({ ...fields, exitCode: outcome.exitCode, stdoutBytes: outcome.stdout.length, truncated: outcome.truncated || undefined }, 'live-response command finished');
    try {
      this.#o.spool.enqueue({ commandResult: result });
    } catch (err) {
      this.#log.error({ err, commandId: id }, 'live-response result could not be spooled; sending a failure without output');
      try {
        this.#o.spool.enqueue({ commandResult: { ...result, status: CommandStatus.COMMAND_STATUS_FAILED, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0),
          message: `result could not be spooled: ${(err as Error).message}` } });
      } catch (again) {
        this.#log.error({ err: again, commandId: id }, 'live-response result lost');
      }
    }
  }
}
