import { z } from 'zod';
import { DEFAULT_EXTERNAL_IP_RESOLVERS } from '../sampling/external-ip.js';
import { parseResolver } from '../sampling/resolver-address.js';
import { liveResponseSchema } from './live-response-schema.js';

const MiB = 1024 * 1024;

/**
 * Sampling intervals are run by node-cron, whose expressions can only step
 * evenly through a minute or an hour; an interval that does not divide 60 s
 * or 60 min would drift, so it is refused at start rather than approximated.
 */
function isResolver(value: string): boolean {
  try {
    parseResolver(value);
    return true;
  } catch {
    return false;
  }
}

function isCronFriendly(seconds: number): boolean {
  if (seconds < 60) return 60 % seconds === 0;
  return seconds % 60 === 0 && 60 % (seconds / 60) === 0;
}

/** The agent's configuration, after file, environment and flags are merged. */
export const agentConfigSchema = z.strictObject({
  /** Collector base URL, ws:// or wss://; `/agent` is appended when the path is empty. Required. */
  collector: z.string().url().refine((u) => /^wss?:\/\//i.test(u), 'must start with ws:// or wss://'),
  /** Deployment enroll secret; only needed until the agent holds a sensor token. */
  enrollSecret: z.string().min(1).optional(),
  /** Where the sensor token, install id and spool live. Default: see defaultStateDir(). */
  stateDir: z.string().min(1),
  /** Seconds between socket samples (default 2). Must divide 60 s or 60 min. */
  interval: z.number().int().min(1).max(3600).refine(isCronFriendly, 'must divide 60 seconds (1, 2, 3, 5, 10, …) or 60 minutes (60, 120, 300, …)').default(2),
  /** Seconds between checkin heartbeats (default 15). */
  checkinInterval: z.number().int().min(5).max(3600).default(15),
  /** Seconds between external-IP lookups (default 300); also after every reconnect and interface change. */
  externalIpInterval: z.number().int().min(10).max(86400).default(300),
  /** DNS servers asked for myip.opendns.com, in order ("host", "host:port", "[v6]:port"). Default: OpenDNS. */
  resolvers: z.array(z.string().refine(isResolver, 'must be host, host:port, [v6]:port or a bare IPv6 address')).min(1).default([...DEFAULT_EXTERNAL_IP_RESOLVERS]),
  /** Deadline for one resolver's answer, ms (default 3000). */
  resolverTimeoutMs: z.number().int().min(100).max(30000).default(3000),
  /** CIDRs whose sockets are not reported (local or remote address match). Default none. */
  excludeCidrs: z.array(z.string().min(1)).default([]),
  /** Spool size bound in bytes (default 256 MiB); when full the oldest messages are dropped and counted. */
  spoolMaxBytes: z.number().int().min(1 * MiB).default(256 * MiB),
  /** PEM file of the CA that signs the collector's certificate, for wss://. */
  caFile: z.string().min(1).optional(),
  /** Allow plain ws:// to a non-loopback collector (default false: only loopback may be plain). */
  allowInsecure: z.boolean().default(false),
  /** pino level (default info). */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Live response: trusted keys, kill, execfg allowlist, limits (config file only). Default: every command refused. */
  liveResponse: liveResponseSchema.prefault({}),
});

export type AgentConfig = Readonly<z.infer<typeof agentConfigSchema>>;
