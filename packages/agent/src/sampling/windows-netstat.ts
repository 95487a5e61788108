import { AgentError } from '../errors.js';
import { parseColonEndpoint } from './endpoint-text.js';
import { isUnspecifiedIp } from './ip-address.js';
import { bsdStateName, isKnownBsdState } from './socket-state.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * Parser for Windows `netstat -nao` (also `-anop tcp` and friends):
 *
 *   Active Connections
 *
 *     Proto  Local Address          Foreign Address        State           PID
 *     TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       1044
 *     TCP    [::1]:445              [::1]:50112            ESTABLISHED     4
 *     UDP    [fe80::1c2d:3e4f:5a6b:7c8d%12]:1900  *:*                      3344
 *
 * TCP rows have five columns, UDP rows four (no state). The header and title
 * are localised on non-English Windows and are skipped like any line that
 * does not start with TCP or UDP (so are `-b` image-name lines). State
 * names are localised too: English and the German ones are mapped; an
 * unknown word on a TCP row without a peer is a listener (the only TCP state
 * Windows prints with a 0.0.0.0:0 peer besides BOUND), and any other unknown
 * word is kept as printed.
 */
export function parseWindowsNetstat(text: string): SocketRecord[] {
  const records: SocketRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const tokens = (lines[i] ?? '').trim().split(/\s+/);
    const proto = (tokens[0] ?? '').toUpperCase();
    if (proto !== 'TCP' && proto !== 'UDP') continue;
    const protocol: SocketProtocol = proto === 'TCP' ? 'tcp' : 'udp';
    const where = `netstat output line ${i + 1}`;
    const expected = protocol === 'tcp' ? 5 : 4;
    if (tokens.length !== expected) {
      throw new AgentError(
        'AGENT_E_PARSE',
        `${where}: a ${proto} row has ${expected} columns (Proto, Local, Foreign, ${protocol === 'tcp' ? 'State, ' : ''}PID), got ${tokens.length}`,
      );
    }
    const localText = tokens[1] ?? '';
    const foreignText = tokens[2] ?? '';
    const pidText = tokens[expected - 1] ?? '';
    const wildcard = localText.startsWith('[') ? '::' : '0.0.0.0';
    const local = parseColonEndpoint(localText, wildcard);
    if (local === null) throw new AgentError('AGENT_E_PARSE', `${where}: bad local address "${localText}"`);
    const foreign = parseColonEndpoint(foreignText, wildcard);
    if (foreign === null) throw new AgentError('AGENT_E_PARSE', `${where}: bad foreign address "${foreignText}"`);
    if (!/^\d+$/.test(pidText)) throw new AgentError('AGENT_E_PARSE', `${where}: bad PID "${pidText}"`);
    const hasPeer = foreign.port !== 0 && !isUnspecifiedIp(foreign.ip);
    let state: string;
    if (protocol === 'udp') {
      state = hasPeer ? 'ESTABLISHED' : 'UNCONN';
    } else {
      const word = tokens[3] ?? '';
      state = !isKnownBsdState(word) && !hasPeer ? 'LISTEN' : bsdStateName(word);
    }
    records.push({
      protocol,
      localIp: local.ip,
      localPort: local.port,
      remoteIp: foreign.ip,
      remotePort: foreign.port,
      state,
      pid: Number(pidText),
      inode: 0,
    });
  }
  return records;
}
