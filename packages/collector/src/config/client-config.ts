import { CollectorError } from '../errors.js';

/** Where the CLI's read commands send their requests. */
export interface ClientConfig {
  /** Collector base URL, without a trailing slash. Default http://127.0.0.1:8650. */
  readonly server: string;
  /** API token sent as a Bearer token; null sends none (the server answers 401). */
  readonly token: string | null;
}

export interface ClientFlags {
  server?: string | undefined;
  token?: string | undefined;
}

export const DEFAULT_SERVER = 'http://127.0.0.1:8650';

/**
 * Flags, then PUSHTRACE_SERVER / PUSHTRACE_TOKEN, then defaults. Throws
 * COLLECTOR_E_CONFIG for a server that is not an http(s) URL.
 */
export function loadClientConfig(flags: ClientFlags, env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const fromFlag = flags.server !== undefined && flags.server !== '';
  const server = fromFlag ? flags.server! : (env.PUSHTRACE_SERVER || DEFAULT_SERVER);
  const source = fromFlag ? '--server' : env.PUSHTRACE_SERVER ? 'PUSHTRACE_SERVER' : 'default';
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CollectorError('COLLECTOR_E_CONFIG', `config.server (${source}): "${server}" is not a URL (e.g. http://127.0.0.1:8650)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CollectorError('COLLECTOR_E_CONFIG', `config.server (${source}): "${server}" must be an http:// or https:// URL`);
  }
  const token = flags.token || env.PUSHTRACE_TOKEN || null;
  return Object.freeze({ server: url.href.replace(/\/+$/, ''), token });
}
