import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AgentError } from '../errors.js';
import { writeFileAtomic } from '../spool/atomic-write.js';

/** What enrollment gave this agent. The token is a secret: the file is 0600. */
export interface SensorIdentity {
  sensorId: number;
  sensorToken: string;
  /** The collector endpoint that issued it, for support. */
  collector: string;
  enrolledAtMs: number;
}

const identitySchema = z.strictObject({
  sensorId: z.number().int().min(1).max(0xffffffff),
  sensorToken: z.string().min(1),
  collector: z.string(),
  enrolledAtMs: z.number().int().min(0),
});

export const SENSOR_FILE = 'sensor.json';

/**
 * Reads `<stateDir>/sensor.json`; undefined when the agent has not enrolled.
 * A file that exists but does not parse is an error rather than a reason to
 * enroll again: that would quietly turn one laptop into two sensors.
 */
export function loadIdentity(stateDir: string): SensorIdentity | undefined {
  const path = join(stateDir, SENSOR_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgentError('AGENT_E_STATE', `cannot read ${path}: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AgentError('AGENT_E_STATE', `${path} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = identitySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AgentError('AGENT_E_STATE', `${path}: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  // A token readable by others is a token others can use; tighten it.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return parsed.data;
}

/** Writes `<stateDir>/sensor.json` atomically with mode 0600. */
export function saveIdentity(stateDir: string, identity: SensorIdentity): void {
  const path = join(stateDir, SENSOR_FILE);
  try {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path, `${JSON.stringify(identity, null, 2)}\n`, 0o600);
  } catch (err) {
    throw new AgentError('AGENT_E_STATE', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
}
