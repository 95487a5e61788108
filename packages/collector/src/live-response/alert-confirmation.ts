import type { LiveCommandRow } from '../store/analyst-store.js';
import type { Store, StoredAlert } from '../store/store.js';

/** What the automatic `myip` on the alert's sensor found, as the alert shows it. */
export interface AlertConfirmation {
  command_id: string;
  sensor_id: number;
  state: LiveCommandRow['state'];
  status: string | null;
  /** The public IP the sensor reported just now, null until it answers (or when it failed). */
  external_ip: string | null;
  /** Whether that IP is the burst's access IP: the write-up's "yes, it is this laptop". */
  matches_access_ip: boolean | null;
  answered_at: string | null;
  /** The agent's own words (nslookup-style), for the record. */
  output: string | null;
}

/** Reads the `Address:` line of the agent's myip answer. */
export function parseMyipAddress(stdout: string): string | null {
  const match = /^Address:\s*(\S+)\s*$/m.exec(stdout);
  return match === null ? null : match[1]!;
}

export function toConfirmation(alert: StoredAlert, row: LiveCommandRow): AlertConfirmation {
  const ok = row.result?.status === 'ok';
  const ip = ok ? parseMyipAddress(row.result!.stdout) : null;
  return {
    command_id: row.id,
    sensor_id: row.sensorId,
    state: row.state,
    status: row.result?.status ?? null,
    external_ip: ip,
    matches_access_ip: ip === null || alert.access_ip === null ? null : ip === alert.access_ip,
    answered_at: row.completedAtMs === null || row.result === null ? null : new Date(row.completedAtMs).toISOString(),
    output: row.result === null ? null : row.result.stdout || row.result.message,
  };
}

/**
 * The alert with its automatic confirmation attached (`confirmation`, null
 * when none was run). Read at display time, not stored in the alert body,
 * because the detector rewrites that body as late data arrives.
 */
export async function withConfirmation(store: Store, alert: StoredAlert): Promise<StoredAlert & { confirmation: AlertConfirmation | null }> {
  const commands = await store.listCommands({ alertId: alert.id, limit: 20 });
  const myip = commands.find((c) => c.verb === 'myip' && c.sensorId === alert.sensor_id) ?? null;
  return { ...alert, confirmation: myip === null ? null : toConfirmation(alert, myip) };
}
