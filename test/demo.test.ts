import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { COLLECTOR_BIN, REPO_ROOT } from './helpers/paths.js';

// The README's main job must keep working: `pushtrace demo` runs the
// write-up end to end with real processes, prints both verdicts, exits 0.
describe('pushtrace demo', () => {
  it('traces the WinSCP pushes to WinSCP.exe and the outsider burst to nobody, then exits 0', async () => {
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [COLLECTOR_BIN, 'demo'], { cwd: REPO_ROOT, timeout: 110_000 }, (error, out, err) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: out, stderr: err });
      });
    });
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/online .*203\.0\.113\.7/);
    const rows = stdout.split('\n');
    // Rows of the alerts table: ID, VERDICT, SEV, USER, ...
    const winscp = rows.find((line) => /^\d+\s+reconnect-loop\s+low\s+jdoe\s/.test(line));
    expect(winscp).toMatch(/WinSCP\.exe \(\d+\)/);
    const outsider = rows.find((line) => /^\d+\s+unattributed\s+high\s+asmith\s+198\.51\.100\.77\s/.test(line));
    expect(outsider).toBeDefined();
    expect(stdout).toMatch(/Advice: .*WinSCP\.exe/);
    // The collector's automatic, signed myip on the laptop confirmed it.
    expect(stdout).toMatch(/Confirmation: sensor \d+ says its public IP is 203\.0\.113\.7, the pushes' access IP: it is this laptop\./);
  }, 120_000);
});
