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
  /** Releases workers or handles; the sampler is unusable afterwards. */
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
