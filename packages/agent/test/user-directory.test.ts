import { describe, expect, test } from 'vitest';
import { UserDirectory, parsePasswd } from '../src/sampling/user-directory.js';

describe('UserDirectory', () => {
  test('parsePasswd: skips comments and malformed lines, first entry per uid wins', () => {
    const users = parsePasswd('# c\nroot:x:0:0:root:/root:/bin/bash\nbroken\ntoor:x:0:0::/:/bin/sh\nalice:x:1000:1000::/home/alice:/bin/sh\nbad:x:notanumber:0::/:/bin/sh\n');
    expect([...users]).toEqual([[0, 'root'], [1000, 'alice']]);
  });

  test('reads once, re-reads for an unknown uid at most once per interval, falls back to the number', async () => {
    let now = 0;
    let reads = 0;
    let text = 'root:x:0:0::/:/bin/sh\n';
    const users = new UserDirectory({ now: () => now, reloadIntervalMs: 1000, readText: async () => (reads++, text) });
    expect(await users.username(0)).toBe('root');
    expect(await users.username(0)).toBe('root');
    expect(reads).toBe(1);
    text += 'carol:x:1002:1002::/:/bin/sh\n';
    expect(await users.username(1002)).toBe('1002'); // too soon to re-read
    expect(reads).toBe(1);
    now = 1500;
    expect(await users.username(1002)).toBe('carol');
    expect(reads).toBe(2);
  });

  test('an unreadable passwd gives numbers, not errors', async () => {
    const users = new UserDirectory({ readText: () => Promise.reject(new Error('EACCES')) });
    expect(await users.username(1000)).toBe('1000');
  });
});
