import { promises as dns } from 'node:dns';
import { isIPv4 } from 'node:net';
import { AgentError } from '../errors.js';
import { formatResolver, parseResolver, type ResolverAddress } from './resolver-address.js';

/** OpenDNS resolver1 and resolver2: `nslookup myip.opendns.com resolver1.opendns.com`. */
export const DEFAULT_EXTERNAL_IP_RESOLVERS: readonly string[] = Object.freeze(['208.67.222.222', '208.67.220.220']);
/** The name OpenDNS answers with the asker's own public address. */
export const MYIP_HOSTNAME = 'myip.opendns.com';

export interface ExternalIpOptions {
  /** Tried in order until one answers; "host", "host:port", "IPv6" or "[IPv6]:port" (default DEFAULT_EXTERNAL_IP_RESOLVERS). */
  resolvers?: readonly string[];
  /** Deadline for each resolver, ms (default 3000; Node's own would wait ~20 s). */
  timeoutMs?: number;
  /** Name to ask for (default myip.opendns.com). */
  hostname?: string;
  /** Aborts the whole lookup; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Turns a resolver given by name into an address (default: the system's getaddrinfo). */
  lookupHost?: (host: string) => Promise<string>;
}

export interface ExternalIp {
  ip: string;
  /** Which resolver answered, "208.67.222.222:53". */
  resolver: string;
}

const defaultLookupHost = async (host: string): Promise<string> => (await dns.lookup(host)).address;

/** Why one resolver gave no answer, for the error message. */
class ResolverFailure extends Error {}

function describeDnsError(err: unknown, hostname: string): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOTFOUND':
      return `NXDOMAIN for ${hostname}`;
    case 'ENODATA':
      return `no A record for ${hostname}`;
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ESERVFAIL':
      return 'server failure (SERVFAIL)';
    case 'EREFUSED':
      return 'query refused (REFUSED)';
    default:
      return code !== '' ? code : err instanceof Error ? err.message : String(err);
  }
}

async function askOne(address: ResolverAddress, options: Required<Omit<ExternalIpOptions, 'resolvers' | 'signal'>> & { signal: AbortSignal | undefined }): Promise<ExternalIp> {
  const { timeoutMs, hostname, signal } = options;
  // tries: 1 and our timeout: c-ares alone would retry and back off for ~20 s.
  const resolver = new dns.Resolver({ timeout: timeoutMs, tries: 1 });
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  // The guard: fires even where c-ares' own timer would not (a slow getaddrinfo for a named resolver).
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      resolver.cancel();
      reject(new ResolverFailure(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    onAbort = () => {
      resolver.cancel();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  guard.catch(() => {});
  try {
    let ip = address.host;
    if (address.family === 0) {
      try {
        ip = await Promise.race([options.lookupHost(address.host), guard]);
      } catch (err) {
        if (err instanceof ResolverFailure || signal?.aborted === true) throw err;
        const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : String(err);
        throw new ResolverFailure(`cannot look up the resolver's own name: ${code}`);
      }
    }
    const server = formatResolver({ host: ip, port: address.port });
    resolver.setServers([server]);
    let answers: string[];
    try {
      answers = await Promise.race([resolver.resolve4(hostname), guard]);
    } catch (err) {
      if (err instanceof ResolverFailure || signal?.aborted === true) throw err;
      throw new ResolverFailure(describeDnsError(err, hostname));
    }
    const answer = answers.find((a) => isIPv4(a));
    if (answer === undefined) throw new ResolverFailure(answers.length === 0 ? `empty answer for ${hostname}` : `answer is not an IPv4 address: ${JSON.stringify(answers)}`);
    return { ip: answer, resolver: server };
  } finally {
    clearTimeout(timer);
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The host's public IPv4 address as OpenDNS sees it: an A query for
 * myip.opendns.com sent to each resolver in turn, each with its own
 * deadline. Rejects with AgentError AGENT_E_EXTERNAL_IP listing every
 * resolver and why it failed, or AGENT_E_CONFIG for a malformed resolver.
 */
export async function lookupExternalIp(options: ExternalIpOptions = {}): Promise<ExternalIp> {
  const timeoutMs = options.timeoutMs ?? 3000;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new AgentError('AGENT_E_CONFIG', `external IP lookup: timeoutMs must be a positive integer, got ${timeoutMs}`);
  const resolvers = options.resolvers ?? DEFAULT_EXTERNAL_IP_RESOLVERS;
  if (resolvers.length === 0) throw new AgentError('AGENT_E_CONFIG', 'external IP lookup: no resolvers given');
  const addresses = resolvers.map(parseResolver);
  const settings = {
    timeoutMs,
    hostname: options.hostname ?? MYIP_HOSTNAME,
    lookupHost: options.lookupHost ?? defaultLookupHost,
    signal: options.signal,
  };
  const failures: string[] = [];
  const causes: unknown[] = [];
  for (const address of addresses) {
    options.signal?.throwIfAborted();
    try {
      return await askOne(address, settings);
    } catch (err) {
      if (options.signal?.aborted === true) throw options.signal.reason;
      causes.push(err);
      failures.push(`${formatResolver(address)}: ${err instanceof ResolverFailure ? err.message : describeDnsError(err, address.host)}`);
    }
  }
  throw new AgentError('AGENT_E_EXTERNAL_IP', `external IP lookup of ${settings.hostname} failed: ${failures.join('; ')}`, {
    cause: new AggregateError(causes, 'every resolver failed'),
  });
}
