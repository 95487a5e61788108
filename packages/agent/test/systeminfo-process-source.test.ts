import { describe, expect, test } from 'vitest';
import { UNKNOWN_UID } from '../src/sampling/process-source.js';
import {
  SystemInfoProcessSource,
  parseSiStarted,
  snapshotFromSiProcess,
  splitCommandLine,
  type SiProcessEntry,
} from '../src/sampling/systeminfo-process-source.js';
import { psShapedEntry, windowsEntries } from './fixtures/si-processes.js';

describe('snapshotFromSiProcess', () => {
  test('Windows entry: full path, Caption as name, CommandLine split into argv', () => {
    const snapshot = snapshotFromSiProcess(windowsEntries[0]!, 'win32');
    expect(snapshot).toEqual({
      pid: 6212,
      ppid: 4388,
      startTimeMs: new Date(2024, 4, 2, 8, 14, 9).getTime(),
      name: 'WinSCP.exe',
      path: 'C:\\Program Files (x86)\\WinSCP\\WinSCP.exe',
      argv: ['C:\\Program Files (x86)\\WinSCP\\WinSCP.exe', '/ini=nul', 'sftp://backup@files.example.org/'],
      cmdline: '"C:\\Program Files (x86)\\WinSCP\\WinSCP.exe" /ini=nul "sftp://backup@files.example.org/"',
      username: '',
      uid: UNKNOWN_UID,
      exeDeleted: false,
      imagePath: '',
      pathError: '',
    });
  });

  test('Windows protected process: no path, says so; unknown start is 0', () => {
    expect(snapshotFromSiProcess(windowsEntries[1]!, 'win32')).toMatchObject({
      pid: 4, ppid: 0, name: 'System', path: '', argv: ['System'], cmdline: 'System', startTimeMs: 0, pathError: 'no executable path reported',
    });
  });

  test('ps-shaped (macOS) entry: directory + command is the path', () => {
    expect(snapshotFromSiProcess(psShapedEntry, 'darwin')).toEqual({
      pid: 7963,
      ppid: 7962,
      startTimeMs: new Date(2026, 10, 28, 3, 33, 5).getTime(),
      name: 'WinSCP.exe',
      path: '/tmp/exp/WinSCP.exe',
      // ps already lost the quoting of "arg with space": nothing can restore it.
      argv: ['/tmp/exp/WinSCP.exe', '-e', 'setTimeout(()=>{},8000)', 'arg', 'with', 'space'],
      cmdline: '/tmp/exp/WinSCP.exe -e setTimeout(()=>{},8000) arg with space',
      username: 'root',
      uid: UNKNOWN_UID,
      exeDeleted: false,
      imagePath: '',
      pathError: '',
    });
  });

  test('started is local time; malformed is 0', () => {
    expect(parseSiStarted('2024-01-31 23:59:58')).toBe(new Date(2024, 0, 31, 23, 59, 58).getTime());
    expect(parseSiStarted('yesterday')).toBe(0);
    expect(parseSiStarted(undefined)).toBe(0);
  });

  test('command-line splitting: quotes group, \\" is a quote', () => {
    expect(splitCommandLine('a "b c" d\\"e  "" f')).toEqual(['a', 'b c', 'd"e', '', 'f']);
    expect(splitCommandLine('   ')).toEqual([]);
  });
});

describe('SystemInfoProcessSource', () => {
  test('one list serves a pass; a missing pid refreshes once the list is old enough', async () => {
    let now = 0;
    let lists = 0;
    let table: SiProcessEntry[] = [windowsEntries[0]!];
    const source = new SystemInfoProcessSource({ platform: 'win32', now: () => now, list: async () => (lists++, table) });
    expect(source.startTimeToleranceMs).toBe(0);
    expect(await source.startTimeMs(6212)).toBe(new Date(2024, 4, 2, 8, 14, 9).getTime());
    expect((await source.read(6212))!.name).toBe('WinSCP.exe');
    expect(lists).toBe(1);

    table = [windowsEntries[0]!, { ...windowsEntries[0]!, pid: 7000, name: 'new.exe' }];
    now = 100; // too fresh to refresh for a miss
    expect(await source.read(7000)).toBeNull();
    now = 600;
    expect((await source.read(7000))!.name).toBe('new.exe');
    expect(lists).toBe(2);
  });

  test('macOS start times jitter, so the source declares a tolerance', () => {
    expect(new SystemInfoProcessSource({ platform: 'darwin', list: async () => [] }).startTimeToleranceMs).toBe(2000);
  });
});

describe('createProcessSource', () => {
  test('/proc on Linux, systeminformation elsewhere', async () => {
    const { createProcessSource } = await import('../src/sampling/platform-process-source.js');
    const { ProcfsProcessReader } = await import('../src/sampling/procfs-process-reader.js');
    expect(createProcessSource('linux')).toBeInstanceOf(ProcfsProcessReader);
    const mac = createProcessSource('darwin', { systemInfo: { list: async () => [psShapedEntry] } });
    expect(mac).toBeInstanceOf(SystemInfoProcessSource);
    expect((await mac.read(7963))!.path).toBe('/tmp/exp/WinSCP.exe');
  });
});
