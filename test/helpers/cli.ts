import { execFile } from 'node:child_process';
import { COLLECTOR_BIN } from './paths.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `pushtrace` CLI as a child process against a collector. */
export function runCli(args: string[], server: { url: string; adminToken: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [COLLECTOR_BIN, ...args], {
      env: { ...process.env, PUSHTRACE_SERVER: server.url, PUSHTRACE_TOKEN: server.adminToken },
      timeout: 30_000,
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs a read command with --json and parses stdout; fails loudly with stderr when it cannot. */
export async function cliJson<T>(args: string[], server: { url: string; adminToken: string }): Promise<T> {
  const result = await runCli([...args, '--json'], server);
  if (result.code !== 0) throw new Error(`pushtrace ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(`pushtrace ${args.join(' ')} --json printed non-JSON: ${result.stdout.slice(0, 300)}`);
  }
}
