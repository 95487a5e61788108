import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEd25519PublicKey } from '@pushtrace/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAgentConfig } from '../src/config/load.js';
import { AgentError } from '../src/errors.js';
import { trustedKeysFrom } from '../src/live-response/trusted-keys.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function load(liveResponse: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'pushtrace-lrcfg-'));
  dirs.push(dir);
  const file = join(dir, 'agent.json');
  writeFileSync(file, JSON.stringify({ collector: 'ws://127.0.0.1:1', stateDir: dir, ...(liveResponse === undefined ? {} : { liveResponse }) }));
  const result = loadAgentConfig(['--config', file], {});
  if (result.kind !== 'run') throw new Error('expected a run config');
  return result.config;
}
function configError(liveResponse: unknown): AgentError {
  try {
    load(liveResponse);
  } catch (err) {
    expect(err).toBeInstanceOf(AgentError);
    expect((err as AgentError).code).toBe('AGENT_E_CONFIG');
    return err as AgentError;
  }
  throw new Error('expected AGENT_E_CONFIG');
}

const { publicKey } = generateKeyPairSync('ed25519');
const oneLine = formatEd25519PublicKey(publicKey);
const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();

describe('liveResponse config', () => {
  it('grants nothing by default', () => {
    expect(load(undefined).liveResponse).toEqual({
      trustedKeys: [], allowKill: false, execfg: {}, outputCapBytes: 1024 * 1024, timeoutMs: 30_000,
      maxCommandLifetimeMs: 24 * 3_600_000, clockSkewMs: 60_000, maxConcurrent: 2,
    });
  });

  it('takes keys in both printed forms, kill, an execfg allowlist and limits, and freezes them', () => {
    const config = load({
      trustedKeys: [
        { name: 'alice', publicKey: oneLine, verbs: ['myip', 'procinfo', 'kill'] },
        { name: 'collector-auto', publicKey: pem, verbs: ['myip'] },
      ],
      allowKill: true,
      execfg: { nslookup: ['/usr/bin/nslookup', 'myip.opendns.com', 'resolver1.opendns.com'] },
      outputCapBytes: 65536,
      timeoutMs: 5000,
    });
    expect(config.liveResponse.allowKill).toBe(true);
    expect(config.liveResponse.execfg.nslookup).toEqual(['/usr/bin/nslookup', 'myip.opendns.com', 'resolver1.opendns.com']);
    expect(Object.isFrozen(config.liveResponse.execfg.nslookup)).toBe(true);
    expect(Object.isFrozen(config.liveResponse.trustedKeys[0])).toBe(true);
    const keys = trustedKeysFrom(config.liveResponse);
    expect(keys.get('alice')!.publicKey.equals(publicKey)).toBe(true);
    expect(keys.get('collector-auto')!.publicKey.equals(publicKey)).toBe(true);
    expect([...keys.get('collector-auto')!.verbs]).toEqual(['myip']);
  });

  it('names the key path of a bad public key', () => {
    const err = configError({ trustedKeys: [{ name: 'ok', publicKey: oneLine, verbs: ['ps'] }, { name: 'bad', publicKey: 'ed25519:AAAA', verbs: ['ps'] }] });
    expect(err.message).toMatch(/^liveResponse\.trustedKeys\.1\.publicKey: .*32 bytes/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(configError({ trustedKeys: [{ name: 'r', publicKey: rsa, verbs: ['ps'] }] }).message)
      .toMatch(/liveResponse\.trustedKeys\.0\.publicKey: .*rsa, not ed25519/);
  });

  it('refuses unknown verbs, empty verb lists, duplicate names and unknown fields', () => {
    expect(configError({ trustedKeys: [{ name: 'a', publicKey: oneLine, verbs: ['shell'] }] }).message).toMatch(/liveResponse\.trustedKeys\.0\.verbs\.0/);
    expect(configError({ trustedKeys: [{ name: 'a', publicKey: oneLine, verbs: [] }] }).message).toMatch(/liveResponse\.trustedKeys\.0\.verbs: must list at least one verb/);
    expect(configError({ trustedKeys: [{ name: 'a', publicKey: oneLine, verbs: ['ps'] }, { name: 'a', publicKey: oneLine, verbs: ['ps'] }] }).message)
      .toMatch(/liveResponse\.trustedKeys\.1\.name: duplicate key name "a"/);
    expect(configError({ allowkill: true }).message).toMatch(/liveResponse: .*allowkill/);
  });

  it('refuses an execfg argv that is relative, empty, or a badly named entry', () => {
    expect(configError({ execfg: { nslookup: ['nslookup', 'myip.opendns.com'] } }).message)
      .toMatch(/liveResponse\.execfg\.nslookup: argv\[0\] must be an absolute path/);
    expect(configError({ execfg: { nothing: [] } }).message).toMatch(/liveResponse\.execfg\.nothing: must hold the program/);
    expect(configError({ execfg: { 'two words': ['/bin/true'] } }).message).toMatch(/liveResponse\.execfg/);
    expect(configError({ execfg: 'nslookup myip.opendns.com' }).message).toMatch(/liveResponse\.execfg/);
  });

  it('keeps the output cap small enough for one frame', () => {
    expect(configError({ outputCapBytes: 3 * 1024 * 1024 }).message).toMatch(/liveResponse\.outputCapBytes/);
  });
});
