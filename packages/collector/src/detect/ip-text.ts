/**
 * One spelling per IP address, so a push's access IP and a sensor's sighting
 * compare equal however each log wrote it: "2001:DB8::1" and
 * "2001:db8:0:0:0:0:0:1" are the same host, and so are "::ffff:10.1.2.3" and
 * "10.1.2.3" (a dual-stack socket reports IPv4 peers in the mapped form).
 * Text that is not an IP address is kept as it is (trimmed, lower-cased):
 * comparing it verbatim is the best we can do and never matches an address.
 */
export function canonicalIp(text: string): string {
  const trimmed = text.trim().toLowerCase();
  const unbracketed = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  if (!unbracketed.includes(':')) return unbracketed;
  const groups = ipv6Groups(unbracketed);
  if (groups === null) return unbracketed;
  const mappedV4 = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mappedV4) return `${groups[6]! >> 8}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`;
  return compressIpv6(groups);
}

/** The eight 16-bit groups of an IPv6 address (lower-case text, zone id dropped), or null if it is not one. */
export function ipv6Groups(text: string): number[] | null {
  const noZone = text.split('%')[0]!;
  const halves = noZone.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = piece.split('.').map((o) => (/^\d{1,3}$/.test(o) ? Number(o) : Number.NaN));
        if (v4.length !== 4 || v4.some((o) => !(o >= 0 && o <= 255))) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(piece)) {
        out.push(parseInt(piece, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

/** RFC 5952 text: lower-case hex, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
export function compressIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) { bestStart = i; bestLen = j - i; }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
