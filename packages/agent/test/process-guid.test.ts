import { describe, expect, test } from 'vitest';
import { processGuid } from '../src/sampling/process-guid.js';

describe('processGuid', () => {
  test('deterministic UUIDv8 from (install id, pid, start time)', () => {
    const guid = processGuid('install-a', 1234, 1_700_000_000_120);
    expect(guid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(processGuid('install-a', 1234, 1_700_000_000_120)).toBe(guid);
  });

  test('each input matters', () => {
    const base = processGuid('install-a', 1234, 1_700_000_000_120);
    expect(processGuid('install-b', 1234, 1_700_000_000_120)).not.toBe(base);
    expect(processGuid('install-a', 1235, 1_700_000_000_120)).not.toBe(base);
    expect(processGuid('install-a', 1234, 1_700_000_000_130)).not.toBe(base);
  });

  test('bad input is refused by name', () => {
    expect(() => processGuid('', 1, 1)).toThrowError(/installId/);
    expect(() => processGuid('x', -1, 1)).toThrowError(/pid/);
    expect(() => processGuid('x', 1, Number.NaN)).toThrowError(/startTimeMs/);
  });
});
