import { AgentError } from '../errors.js';
import { parseDotEndpoint } from './endpoint-text.js';
import { isUnspecifiedIp } from './ip-address.js';
import { bsdStateName } from './socket-state.js';
import type { SocketProtocol, SocketRecord } from './types.js';

/**
 * Parser for macOS `netstat -anvW -p tcp` / `-p udp` output (either, or both
 * concatenated). Endpoints are "address.port" ("192.168.1.5.52144",
 * "::1.8021", "*.*"); UDP rows have no state column. -W keeps long IPv6
 * addresses whole: without it netstat cuts them to the column width, and a
 * row whose address is not a whole IP is skipped rather than misread.
 *
 * The pid column moved between releases:
 *
 *   Mojave..Sonoma:  ... (state)  rhiwat shiwat    pid   epid  state  options ...
 *   Sequoia/Tahoe:   ... (state)  rxbytes txbytes rhiwat shiwat  process:pid  state options gencnt ...
 *
 * and "process:pid" values may hold blanks ("Autodesk Fusion:22712"), so the
 * column is found in the header and counted from the END of each row, where
 * every column is one word.
 */
export function parseMacNetstat(text: string): SocketRecord[] {
  const records: SocketRecord[] = [];
  const lines = text.split('\n');
  /** Columns from the pid column to the end of the row, inclusive; 0 = no pid column. */
  let pidFromEnd = 0;
  let headerColumns = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line.startsWith('Proto ')) {
      const columns = line.replace(/(Local|Foreign) Address/g, '$1_Address').split(/\s+/);
      const pidAt = columns.findIndex((c) => c === 'pid' || c === 'process:pid');
      headerColumns = columns.length;
      pidFromEnd = pidAt === -1 ? 0 : columns.length - pidAt;
      continue;
    }
    const tokens = line.split(/\s+/);
    const proto = tokens[0] ?? '';
    if (!/^(tcp|udp)(4|6|46)?$/.test(proto)) continue;
    const protocol: SocketProtocol = proto.startsWith('tcp') ? 'tcp' : 'udp';
    const where = `netstat output line ${i + 1}`;
    if (tokens.length < 5) {
      throw new AgentError('AGENT_E_PARSE', `${where}: expected Proto, Recv-Q, Send-Q, local and foreign address, got "${line}"`);
    }
    const wildcard = proto.endsWith('6') ? '::' : '0.0.0.0';
    const local = parseDotEndpoint(tokens[3] ?? '', wildcard);
    const foreign = parseDotEndpoint(tokens[4] ?? '', wildcard);
    if (local === null || foreign === null) {
      const bad = local === null ? tokens[3] : tokens[4];
      // Truncated IPv6 (no -W) still ends in ".port"; anything else is not netstat output.
      if (bad !== undefined && /^[0-9a-fA-F:%.]+\.\d+$/.test(bad) && bad.includes(':')) continue;
      throw new AgentError('AGENT_E_PARSE', `${where}: bad address "${bad ?? ''}"`);
    }
    const hasPeer = foreign.port !== 0 && !isUnspecifiedIp(foreign.ip);
    const stateWord = tokens[5] ?? '';
    const hasState = /^[A-Z][A-Z0-9_]*$/.test(stateWord);
    let state: string;
    if (protocol === 'udp') state = hasPeer ? 'ESTABLISHED' : 'UNCONN';
    else if (hasState) state = bsdStateName(stateWord);
    else throw new AgentError('AGENT_E_PARSE', `${where}: TCP row without a state`);

    let pid = 0;
    if (pidFromEnd > 0) {
      // The row is at least the header minus the columns a row may omit (state on UDP, blanks in names add).
      const minimum = headerColumns - (hasState ? 0 : 1);
      if (tokens.length < minimum) {
        throw new AgentError('AGENT_E_PARSE', `${where}: expected at least ${minimum} columns as in the header, got ${tokens.length}`);
      }
      const cell = tokens[tokens.length - pidFromEnd] ?? '';
      const pidText = cell.slice(cell.lastIndexOf(':') + 1);
      if (!/^\d+$/.test(pidText)) throw new AgentError('AGENT_E_PARSE', `${where}: bad pid "${cell}"`);
      pid = Number(pidText);
    }
    records.push({
      protocol,
      localIp: local.ip,
      localPort: local.port,
      remoteIp: foreign.ip,
      remotePort: foreign.port,
      state,
      pid,
      inode: 0,
    });
  }
  return records;
}
