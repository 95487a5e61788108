/**
 * Shapes shared by the samplers, the diff and the agent loop. Samplers are
 * pure readers: they return these records and never talk to the network.
 */

export type SocketProtocol = 'tcp' | 'udp';

/** One socket as one sampling pass saw it. */
export interface SocketRecord {
  protocol: SocketProtocol;
  /** Textual IP as Node prints it ("127.0.0.1", "::1"); IPv4-mapped IPv6 is unwrapped to IPv4. */
  localIp: string;
  localPort: number;
  /** "0.0.0.0" / "::" and port 0 when the socket has no remote (listening, unconnected UDP). */
  remoteIp: string;
  remotePort: number;
  /** Upper-case kernel state name: "ESTABLISHED", "LISTEN", "SYN_SENT", "TIME_WAIT", ... UDP: "UNCONN" or "ESTABLISHED". */
  state: string;
  /** Owning pid, 0 when unknown (another user's process, TIME_WAIT, no permission). */
  pid: number;
  /** Socket inode on Linux (0 elsewhere or when the kernel gives none). */
  inode: number;
}

/** A socket sampler for one platform. */
export interface SocketSampler {
  /** Reads every TCP and UDP socket (IPv4 and IPv6) with its owning pid. */
  sample(): Promise<SocketRecord[]>;
  /** Releases whatever the sampler holds; later samples reject with AGENT_E_SAMPLER_CLOSED. */
  close(): Promise<void>;
}

/** What the agent knows about one running process. */
export interface ProcessRecord {
  /** Stable id for (sensor, pid, start time). */
  processGuid: string;
  pid: number;
  ppid: number;
  startTimeMs: number;
  name: string;
  path: string;
  argv: string[];
  cmdline: string;
  username: string;
  uid: number;
  sha256: string;
  md5: string;
  /** Why the hashes are empty, if they are. */
  hashError: string;
}

/** Who initiated a connection, as far as the local ports tell. */
export type NetconnDirection = 'outbound' | 'inbound';

/**
 * A connection opening or closing between two samples; mirrors the proto
 * NetconnEvent minus process_guid, which the agent loop adds from the pid.
 */
export interface NetconnEventRecord {
  kind: 'open' | 'close';
  /** Pairs an OPEN with its CLOSE. */
  connId: string;
  protocol: SocketProtocol;
  direction: NetconnDirection;
  /** Owner at first sight (0 = unknown); filled in later if it was unknown then. */
  pid: number;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  /** OPEN: state when first seen. CLOSE: the closing state if still visible ("TIME_WAIT"), else the last open state. */
  state: string;
  firstSeenMs: number;
  /** Last sample that saw it open (equal to firstSeenMs on OPEN). */
  lastSeenMs: number;
}

/** One open connection as the diff tracks it between samples. */
export interface TrackedConn {
  connId: string;
  protocol: SocketProtocol;
  direction: NetconnDirection;
  pid: number;
  localIp: string;
  localPort: number;
  remoteIp: string;
  remotePort: number;
  state: string;
  inode: number;
  firstSeenMs: number;
  lastSeenMs: number;
}

/** What diffSockets carries from one sample to the next. Treat as opaque and immutable. */
export interface ConnTable {
  /** Open connections by key (protocol, local and remote endpoint). */
  readonly conns: ReadonlyMap<string, TrackedConn>;
  /** Local ports with a TCP listener / an unconnected bound UDP socket in the sample. */
  readonly listeningTcpPorts: ReadonlySet<number>;
  readonly listeningUdpPorts: ReadonlySet<number>;
}
