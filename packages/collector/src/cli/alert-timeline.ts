import type { AlertConfirmation } from '../live-response/alert-confirmation.js';
import type { TriageNote } from '../store/analyst-store.js';
import type { StoredAlert } from '../store/store.js';

/** An alert as `GET /alerts/:id` shows it: stored fields plus confirmation and triage notes. */
export type AlertView = StoredAlert & { confirmation?: AlertConfirmation | null; notes?: TriageNote[] };

/**
 * An alert as a terminal timeline: pushes and the sessions that lined up
 * with them interleaved in time order, each push with its lag, then the
 * advice — what an analyst reads before calling the user.
 */
export function renderAlertTimeline(alert: AlertView): string {
  const lines: string[] = [];
  lines.push(`Alert ${alert.id}: ${alert.verdict} (${alert.severity} severity), status ${alert.status ?? 'new'}` +
    `${alert.tags?.length ? `, tags ${alert.tags.join(', ')}` : ''}${alert.assignee ? `, assigned to ${alert.assignee}` : ''}`);
  lines.push(`  user ${alert.user}${alert.application ? `, application ${alert.application}` : ''}, access IP ${alert.access_ip ?? 'unknown'}`);
  lines.push(`  ${alert.pushes_total} push${alert.pushes_total === 1 ? '' : 'es'} from ${alert.first_push} to ${alert.last_push}; ` +
    `${alert.pushes_aligned} lined up with a session`);
  if (alert.process !== null) {
    const where = alert.hostname ?? `sensor ${alert.sensor_id}`;
    const to = alert.destination ? ` → ${alert.destination.ip}:${alert.destination.port}` : '';
    lines.push(`  process ${alert.process.name} (pid ${alert.process.pid}) on ${where}${to}`);
    lines.push(`    path ${alert.process.path || '-'}; started ${alert.process.start_time ?? 'unknown'}; sha256 ${alert.process.sha256 ?? '-'}`);
  }
  for (const c of alert.candidates ?? []) {
    lines.push(`  candidate ${c.process.name} (pid ${c.process.pid}) on ${c.hostname} → ${c.destination.ip}:${c.destination.port}: ${c.pushes_aligned} aligned, score ${c.score.toFixed(1)}`);
  }

  type Row = { at: number; text: string };
  const rows: Row[] = [];
  const target = alert.process ? `${alert.process.name}${alert.destination ? ` → ${alert.destination.ip}:${alert.destination.port}` : ''}` : 'session';
  for (const item of alert.evidence) {
    if (item.session_opened_at !== null) rows.push({ at: Date.parse(item.session_opened_at), text: `session opened   ${target}` });
    const lag = item.lag_ms === null ? 'no session lined up' : `${(item.lag_ms / 1000).toFixed(1)} s after the session opened`;
    rows.push({ at: Date.parse(item.push_time), text: `push ${item.result.padEnd(8)} ${lag}` });
  }
  rows.sort((a, b) => a.at - b.at);
  lines.push('', 'Timeline:');
  for (const row of rows) lines.push(`  ${new Date(row.at).toISOString()}  ${row.text}`);
  const c = alert.confirmation;
  if (c) lines.push('', `Confirmation: ${confirmationText(c)}`);
  lines.push('', `Advice: ${alert.advice}`);
  if (alert.notes?.length) {
    lines.push('', 'Triage:');
    for (const n of alert.notes) {
      lines.push(`  ${new Date(n.at_ms).toISOString()}  ${n.author}: ${n.action}${n.value ? ` ${n.value}` : ''}${n.note ? ` — ${n.note}` : ''}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

/** The automatic myip answer in one sentence. */
function confirmationText(c: AlertConfirmation): string {
  if (c.state === 'expired') return `myip on sensor ${c.sensor_id} got no answer before its deadline (the laptop was offline).`;
  if (c.status === null) return `myip on sensor ${c.sensor_id} is ${c.state === 'sent' ? 'running' : 'waiting for the laptop to connect'}.`;
  if (c.external_ip === null) return `myip on sensor ${c.sensor_id} did not answer an IP (${c.status}): ${c.output ?? ''}`.trim();
  return c.matches_access_ip
    ? `sensor ${c.sensor_id} says its public IP is ${c.external_ip}, the pushes' access IP: it is this laptop.`
    : `sensor ${c.sensor_id} says its public IP is now ${c.external_ip}, not the pushes' access IP (it may have moved networks).`;
}
