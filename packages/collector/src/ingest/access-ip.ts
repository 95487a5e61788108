import { isIP } from 'node:net';

/**
 * The access device's IP as the detector compares it with sensors' IPs:
 * port stripped, validated, IPv4-mapped IPv6 written as IPv4, unknown = null.
 *
 * Forms seen in MFA logs: `203.0.113.7`, `203.0.113.7:51234`,
 * `[2001:db8::7]:443`, `2001:db8::7 port 443` (Duo has printed this), a bare
 * `2001:db8::7` — never cut at its last colon: `2001:db8::1:443` is a valid
 * address, not an address with a port. `0.0.0.0` and `::` are how Duo says
 * "unknown". A free-text cell ("Windows 10, Chrome 43 · 203.0.113.7") yields
 * the first token that is an address.
 *
 * Anything else gives null, and the event is kept: a push with no usable IP
 * still counts towards a burst; it just cannot be traced to a sensor by IP.
 */
export function normaliseAccessIp(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (text === '') return null;
  const whole = addressOf(text);
  if (whole !== undefined) return whole;
  for (const token of text.split(/[\s,;()|·]+/)) {
    if (token === '') continue;
    const found = addressOf(token);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The address in `text` if `text` is one address (with or without a port):
 * a string, null for the unspecified address, undefined if it is not one.
 */
function addressOf(text: string): string | null | undefined {
  const family = isIP(text);
  if (family !== 0) return canonical(text, family);

  const portWord = /^(.+?)\s+port\s+\d{1,5}$/i.exec(text);
  if (portWord !== null) return addressOf(portWord[1]!);

  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed !== null) {
    const inner = bracketed[1]!;
    return isIP(inner) === 6 ? canonical(inner, 6) : undefined;
  }

  const v4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(text);
  if (v4WithPort !== null && isIP(v4WithPort[1]!) === 4) return canonical(v4WithPort[1]!, 4);
  return undefined;
}

function canonical(address: string, family: number): string | null {
  if (family === 4) return address === '0.0.0.0' ? null : address;
  const lower = address.toLowerCase();
  const dotted = /^(?:0{0,4}:){0,5}:?ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(lower);
  if (dotted !== null) return canonical(dotted[1]!, 4);
  const short = compressed(lower);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(short);
  if (hexMapped !== null) {
    const hi = parseInt(hexMapped[1]!, 16);
    const lo = parseInt(hexMapped[2]!, 16);
    return canonical(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`, 4);
  }
  return short === '::' ? null : short;
}

/**
 * RFC 5952 form (lower case, longest zero run as ::), so the same address
 * written two ways by two systems compares equal. WHATWG URL does exactly this.
 */
function compressed(address: string): string {
  if (address.includes('%')) return address; // zone id: link-local, kept as written
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return address;
  }
}
