/** The columns of a Duo authentication-log CSV that the parser reads. */
export type DuoColumn =
  | 'timestamp' | 'user' | 'application' | 'event' | 'result' | 'reason'
  | 'accessDevice' | 'hostname' | 'secondFactor' | 'authDevice' | 'txid';

/**
 * Header names each column goes by, lower case, spaces collapsed. The first
 * of each list is the name in the Admin Panel table (and the write-up);
 * the others are what exports, spreadsheets and API-to-CSV tools call it.
 */
const ALIASES: Readonly<Record<DuoColumn, readonly string[]>> = {
  timestamp: ['timestamp', 'time', 'date', 'date/time', 'datetime', 'isotimestamp'],
  user: ['user', 'username', 'user name', 'user.name'],
  application: ['application', 'integration', 'application.name'],
  event: ['event', 'event type', 'event_type'],
  result: ['result'],
  reason: ['reason'],
  accessDevice: ['access device', 'access device ip', 'access_device.ip', 'access ip', 'ip address', 'ip'],
  hostname: ['access device hostname', 'access_device.hostname', 'hostname'],
  secondFactor: ['second factor', 'factor'],
  authDevice: ['auth device', 'authentication device', 'auth_device.name'],
  txid: ['txid', 'transaction id'],
};

const REQUIRED: readonly DuoColumn[] = ['timestamp', 'user', 'result'];
const LABELS: Readonly<Record<DuoColumn, string>> = {
  timestamp: 'Timestamp', user: 'User', application: 'Application', event: 'Event', result: 'Result',
  reason: 'Reason', accessDevice: 'Access Device', hostname: 'Access Device Hostname',
  secondFactor: 'Second Factor', authDevice: 'Auth Device', txid: 'Txid',
};

export interface DuoColumns {
  /** Field index of each column the header has. */
  index: Partial<Record<DuoColumn, number>>;
  /** The timestamp header said "(UTC)", so zone-less times in it are UTC. */
  timestampIsUtc: boolean;
  /** Fields in the header row, to tell a short row from an empty value. */
  width: number;
}

/**
 * Maps a header row to columns: any order, case and surrounding space do not
 * matter, unknown columns are ignored. A trailing "(UTC)" on a header is noted
 * and dropped. Returns why not if a required column is missing.
 */
export function mapDuoColumns(header: readonly string[]): DuoColumns | string {
  const index: Partial<Record<DuoColumn, number>> = {};
  let timestampIsUtc = false;
  header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase().replace(/\s+/g, ' ');
    const utc = /\s*\(utc\)$/.test(name);
    const base = name.replace(/\s*\(utc\)$/, '');
    for (const column of Object.keys(ALIASES) as DuoColumn[]) {
      if (index[column] === undefined && ALIASES[column].includes(base)) {
        index[column] = i;
        if (column === 'timestamp') timestampIsUtc = utc;
        break;
      }
    }
  });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    return `not a Duo authentication log: the header lacks ${missing.map((c) => LABELS[c]).join(', ')}. `
      + `Expected at least ${REQUIRED.map((c) => LABELS[c]).join(', ')} `
      + `(also read: ${(Object.keys(LABELS) as DuoColumn[]).filter((c) => !REQUIRED.includes(c)).map((c) => LABELS[c]).join(', ')}); `
      + `found ${header.length === 0 ? 'no columns' : header.map((h) => JSON.stringify(h.trim())).join(', ')}`;
  }
  return { index, timestampIsUtc, width: header.length };
}
