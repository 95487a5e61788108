/**
 * The alert's advice: what happened and what to do, in words a help-desk
 * analyst can read to the user over the phone. Pure text from the verdict's
 * facts; nothing here decides a verdict.
 */

export interface NamedProcess {
  name: string;
  pid: number;
  startMs: number | null;
}

export interface Destination {
  ip: string;
  port: number;
}

/** "WinSCP.exe (pid 24548, running 7 days)"; the running time as of `atMs` (the burst's last push). */
export function describeProcess(p: NamedProcess, atMs: number): string {
  const running = p.startMs === null ? '' : `, running ${runningFor(atMs - p.startMs)}`;
  return `${p.name} (pid ${p.pid}${running})`;
}

/** "7 days", "1 hour", "42 seconds": the largest whole unit, as a person would say it. */
export function runningFor(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const units: Array<[number, string]> = [[86_400, 'day'], [3_600, 'hour'], [60, 'minute'], [1, 'second']];
  for (const [size, unit] of units) {
    if (s >= size) {
      const n = Math.floor(s / size);
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return '0 seconds';
}

export function formatEndpoint(d: Destination): string {
  return d.ip.includes(':') ? `[${d.ip}]:${d.port}` : `${d.ip}:${d.port}`;
}

export function adviceReconnect(input: {
  process: NamedProcess;
  hostname: string;
  destination: Destination;
  /** The process's sessions to the destination form a reconnect loop (each opening after the previous closed). */
  loop: boolean;
  aligned: number;
  total: number;
  approvedAt: readonly string[];
  atMs: number;
}): string {
  const who = describeProcess(input.process, input.atMs);
  const where = formatEndpoint(input.destination);
  const how = input.loop
    ? `reopens a session to ${where} after each drop, and each new session asks its user for MFA.`
    : `opened a new session to ${where} shortly before ${input.aligned} of the ${input.total} pushes, and each new session asks its user for MFA.`;
  const fix = input.loop
    ? 'Close the stale session or turn off its automatic reconnect.'
    : 'Ask the user what it is connecting to; close that session or stop it from reconnecting, then check that the pushes stop.';
  return [`${who} on ${input.hostname} ${how}`, fix, approvalNote(input.approvedAt, false)].filter(Boolean).join(' ');
}

export function adviceUnattributed(input: {
  user: string;
  application: string;
  accessIp: string | null;
  /** Pushes of the burst that were not approved. */
  notApproved: number;
  firstPush: string;
  lastPush: string;
  approvedAt: readonly string[];
}): string {
  const app = input.application === '' ? '' : ` for ${input.application}`;
  const from = input.accessIp === null
    ? 'The MFA log gave no access IP, so no sensor could be matched'
    : `They came from ${input.accessIp}, an address none of our sensors held at the time`;
  return [
    `${plural(input.notApproved, 'push', 'pushes')}${app} reached ${input.user} between ${input.firstPush} and ${input.lastPush} without being approved.`,
    `${from}: someone outside likely holds ${input.user}'s password.`,
    `Reset the password, revoke ${input.user}'s active sessions and page on-call${input.accessIp === null ? '' : `; block or look up ${input.accessIp}`}.`,
    approvalNote(input.approvedAt, true),
  ].filter(Boolean).join(' ');
}

export function adviceSensorNoProcess(input: {
  sensors: ReadonlyArray<{ sensorId: number; hostname: string }>;
  accessIp: string | null;
  user: string;
  approvedAt: readonly string[];
}): string {
  const names = input.sensors.map((s) => `sensor ${s.sensorId} (${s.hostname})`);
  const held = input.sensors.length === 1
    ? `${capitalise(names[0]!)} held ${input.accessIp ?? 'the access IP'} when the pushes came`
    : `${capitalise(listWords(names))} held ${input.accessIp ?? 'the access IP'} when the pushes came (a shared address: NAT or VPN?)`;
  const ids = input.sensors.map((s) => `sensor_id:${s.sensorId}`).join(' OR ');
  return [
    `${held}, but no process there opened sessions that line up with the pushes more than its usual traffic does.`,
    `Check which program on ${input.sensors.length === 1 ? 'it' : 'them'} signs in as ${input.user}: look for a process that opened a session just before each push (pushtrace query '(${ids}) netconn_count:[1 TO *]'),`,
    `and whether the sensor's telemetry for that time is complete (agent offline, spool drops). If nothing there explains the pushes, treat them as unattributed: reset ${input.user}'s password.`,
    approvalNote(input.approvedAt, false),
  ].filter(Boolean).join(' ');
}

export function adviceAmbiguous(input: {
  candidates: ReadonlyArray<{ process: NamedProcess; hostname: string; destination: Destination; aligned: number }>;
  total: number;
  user: string;
  approvedAt: readonly string[];
  atMs: number;
}): string {
  const listed = input.candidates.map((c) =>
    `${describeProcess(c.process, input.atMs)} on ${c.hostname} → ${formatEndpoint(c.destination)} (${c.aligned} of ${input.total} pushes)`);
  return [
    `${input.candidates.length} processes line up with the pushes about equally well: ${listWords(listed)}.`,
    `Check which of them signs in as ${input.user} (ask the user, or close them one at a time and watch for the next push); close its stale session or turn off its automatic reconnect.`,
    approvalNote(input.approvedAt, false),
  ].filter(Boolean).join(' ');
}

/** An approval inside a burst: for an outsider it means they may be in; for a local process, the loop got what it asked for. */
function approvalNote(approvedAt: readonly string[], urgent: boolean): string {
  if (approvedAt.length === 0) return '';
  const which = `${plural(approvedAt.length, 'push was', 'pushes were')} approved during the burst (${approvedAt.join(', ')})`;
  return urgent ? `${capitalise(which)}: treat the account as compromised now.` : `Note: ${which}.`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
