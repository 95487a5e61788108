/** Where a CLI command writes, and the environment it reads (through config/ only). */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Where interactive commands (lr's session) read lines; undefined means process.stdin. */
  readonly stdin?: NodeJS.ReadableStream;
  /** Environment for config loading; undefined means process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Exit codes of `pushtrace`. */
export const EXIT = {
  OK: 0,
  /** The command ran and failed: server unreachable, API error, start-up failure. */
  FAILURE: 1,
  /** The command line or configuration is wrong; nothing was attempted. */
  USAGE: 2,
} as const;

/** One `pushtrace <name>` command. */
export interface Command {
  /** One line for the command list in `pushtrace --help`. */
  readonly summary: string;
  /** Full usage text for `pushtrace <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}
