/** Where the collector listens: one host and one TCP port (0 = any free port). */
export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/**
 * Parses "H:P" ("127.0.0.1:8650", "localhost:0", "[::1]:8650"). IPv6 hosts
 * need brackets, as in a URL, so the port is never ambiguous. Returns an
 * error message instead of throwing so a schema can attach the field path.
 */
export function parseListenAddress(text: string): ListenAddress | string {
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]\s]+)):(\d{1,5})$/.exec(text);
  if (match === null) {
    return `"${text}" is not HOST:PORT (e.g. 127.0.0.1:8650, [::1]:8650; port 0 picks a free one)`;
  }
  const host = match[1] ?? match[2] ?? '';
  const port = Number(match[3]);
  if (port > 65535) return `port ${port} in "${text}" is above 65535`;
  return { host, port };
}

/** The host as it goes into a URL: IPv6 literals in brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}
