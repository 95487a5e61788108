// Entry point of the `pushtrace` bin: run one command line, exit with its code.
import { runCli } from './run.js';

try {
  process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
} catch (err) {
  process.stderr.write(`pushtrace: unexpected error: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
}
