import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COLLECTOR_BIN, REPO_ROOT } from './helpers/paths.js';

// The README's main job must keep working: `pushtrace demo` runs the story
// end to end with real processes and exits 0.
describe('pushtrace demo', () => {
  it('shows the sensor with its external IP and WinSCP.exe with its session, then exits 0', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [COLLECTOR_BIN, 'demo'], { cwd: REPO_ROOT, timeout: 110_000 }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err });
      });
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/online .*203\.0\.113\.7/);
    // A row of the processes table: sensor, hostname, pid, name, ...
    const winscpRow = stdout.split('\n').find((line) => /^\d+\s+\S+\s+\d+\s+WinSCP\.exe\s/.test(line));
    expect(winscpRow).toBeDefined();
    expect(winscpRow).toMatch(/[0-9a-f]{16}…/);
  }, 120_000);
});
