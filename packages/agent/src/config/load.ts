import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AgentError } from '../errors.js';
import { agentConfigSchema, type AgentConfig } from './schema.js';

/** Flags of `pushtrace-agent`, each mapped to its config field. */
const FLAGS = {
  config: { type: 'string' },
  collector: { type: 'string' },
  'enroll-secret': { type: 'string' },
  'state-dir': { type: 'string' },
  interval: { type: 'string' },
  'checkin-interval': { type: 'string' },
  'external-ip-interval': { type: 'string' },
  resolver: { type: 'string', multiple: true },
  'resolver-timeout-ms': { type: 'string' },
  'exclude-cidr': { type: 'string', multiple: true },
  'spool-max-bytes': { type: 'string' },
  ca: { type: 'string' },
  'allow-insecure': { type: 'boolean' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Environment variables, each mapped to its config field. */
const ENV: Record<string, keyof RawConfig> = {
  PUSHTRACE_COLLECTOR: 'collector',
  PUSHTRACE_ENROLL_SECRET: 'enrollSecret',
  PUSHTRACE_AGENT_STATE_DIR: 'stateDir',
  PUSHTRACE_AGENT_INTERVAL: 'interval',
  PUSHTRACE_AGENT_RESOLVER: 'resolvers',
  PUSHTRACE_AGENT_CA: 'caFile',
  PUSHTRACE_AGENT_LOG_LEVEL: 'logLevel',
};

const NUMERIC_FIELDS = new Set(['interval', 'checkinInterval', 'externalIpInterval', 'resolverTimeoutMs', 'spoolMaxBytes']);

type RawConfig = Record<string, unknown>;

export type LoadResult =
  | { kind: 'run'; config: AgentConfig }
  | { kind: 'help' }
  | { kind: 'version' };

/** Where the agent keeps its state unless told otherwise. */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'pushtrace-agent');
  if (process.getuid?.() === 0) return '/var/lib/pushtrace-agent';
  return join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'pushtrace-agent');
}

/**
 * Builds the frozen config from a JSON file (--config), then the
 * environment, then flags — each later source overriding the earlier.
 * Only this module reads process.env.
 */
export function loadAgentConfig(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): LoadResult {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false });
  } catch (cause) {
    throw new AgentError('AGENT_E_CONFIG', `command line: ${(cause as Error).message}`, { cause });
  }
  const flags = parsed.values;
  if (flags.help) return { kind: 'help' };
  if (flags.version) return { kind: 'version' };

  const raw: RawConfig = { stateDir: defaultStateDir(env) };
  if (flags.config !== undefined) Object.assign(raw, readConfigFile(flags.config));
  for (const [name, field] of Object.entries(ENV)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    raw[field] = field === 'resolvers' ? value.split(',').map((s) => s.trim()) : coerce(field, value, `environment ${name}`);
  }
  const fromFlags: Array<[string | string[] | boolean | undefined, string]> = [
    [flags.collector, 'collector'],
    [flags['enroll-secret'], 'enrollSecret'],
    [flags['state-dir'], 'stateDir'],
    [flags.interval, 'interval'],
    [flags['checkin-interval'], 'checkinInterval'],
    [flags['external-ip-interval'], 'externalIpInterval'],
    [flags.resolver, 'resolvers'],
    [flags['resolver-timeout-ms'], 'resolverTimeoutMs'],
    [flags['exclude-cidr'], 'excludeCidrs'],
    [flags['spool-max-bytes'], 'spoolMaxBytes'],
    [flags.ca, 'caFile'],
    [flags['allow-insecure'], 'allowInsecure'],
    [flags['log-level'], 'logLevel'],
  ];
  for (const [value, field] of fromFlags) {
    if (value === undefined) continue;
    raw[field] = typeof value === 'string' ? coerce(field, value, `flag --${kebab(field)}`) : value;
  }

  const result = agentConfigSchema.safeParse(raw);
  if (!result.success) throw new AgentError('AGENT_E_CONFIG', describeIssues(result.error));
  return { kind: 'run', config: deepFreeze(result.data) };
}

/** Freezes the config and everything in it (live-response keys and argv included): read at start, never changed. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The environment an execfg program gets: the agent's own, minus every
 * PUSHTRACE_* variable, so an allowlisted program can never read the enroll
 * secret or other agent settings. PATH and the platform's basics
 * (SystemRoot on Windows) stay, because ordinary tools need them.
 */
export function childProcessEnv(env: NodeJS.ProcessEnv = process.env): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !name.toUpperCase().startsWith('PUSHTRACE_')) out[name] = value;
  }
  return Object.freeze(out);
}

function readConfigFile(path: string): RawConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new AgentError('AGENT_E_CONFIG', `config file ${path}: ${(cause as Error).message}`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new AgentError('AGENT_E_CONFIG', `config file ${path}: not valid JSON: ${(cause as Error).message}`, { cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AgentError('AGENT_E_CONFIG', `config file ${path}: must hold a JSON object`);
  }
  return value as RawConfig;
}

function coerce(field: string, value: string, where: string): unknown {
  if (!NUMERIC_FIELDS.has(field)) return value;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    throw new AgentError('AGENT_E_CONFIG', `${where}: expected a number, got ${JSON.stringify(value)}`);
  }
  return n;
}

function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(config)'}: ${issue.message}`)
    .join('; ');
}

export const AGENT_USAGE = `usage: pushtrace-agent --collector URL [--enroll-secret S] [options]

  --collector URL            collector base URL, ws:// (loopback only) or wss:// (env PUSHTRACE_COLLECTOR)
  --enroll-secret S          deployment enroll secret, needed until the agent has a sensor token (env PUSHTRACE_ENROLL_SECRET)
  --state-dir D              sensor token, install id and spool (default ${defaultStateDir()}) (env PUSHTRACE_AGENT_STATE_DIR)
  --interval SEC             seconds between socket samples; divides 60 s or 60 min (default 2)
  --checkin-interval SEC     seconds between heartbeats (default 15)
  --external-ip-interval SEC seconds between myip.opendns.com lookups (default 300)
  --resolver H[:P]           DNS server for the external-IP lookup; repeat for fallbacks (default 208.67.222.222, 208.67.220.220)
  --resolver-timeout-ms MS   deadline per resolver (default 3000)
  --exclude-cidr CIDR        do not report sockets whose local or remote address is in CIDR; repeatable
  --spool-max-bytes N        disk spool bound; oldest dropped and counted when full (default 268435456)
  --ca FILE                  PEM CA bundle to verify a wss:// collector
  --allow-insecure           allow plain ws:// to a non-loopback collector
  --log-level L              fatal|error|warn|info|debug|trace|silent (default info)
  --config FILE              JSON file with any of the fields above in camelCase (flags and env override it),
                             and "liveResponse" (trusted keys, allowKill, execfg allowlist; file only)
  --version, --help
`;
