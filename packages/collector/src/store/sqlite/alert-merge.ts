import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import { toStoredAlert } from '../alert-record.js';
import type { StoredAlert } from '../store.js';
import { ALERT_COLUMNS, type AlertDbRow } from './alerts.js';

/** Who the merge note is from: the collector itself, not an analyst. */
const MERGE_AUTHOR = 'pushtrace';

/**
 * Folds alert `fromId` into alert `intoId` in one transaction: its triage
 * notes and its live-response commands move over, its tags join the other's,
 * a note on the survivor says what happened, and it is deleted. Status and
 * assignee stay the survivor's: an analyst's decision on one half of a burst
 * is not silently applied to the whole (the moved notes show it). Returns the
 * survivor, or null when `fromId` is gone already (merged before).
 */
export function makeAlertMerger(db: Database.Database): (fromId: number, intoId: number, nowMs: number) => StoredAlert | null {
  const get = db.prepare<[number], AlertDbRow>(`SELECT ${ALERT_COLUMNS} FROM alerts WHERE id = ?`);
  const moveNotes = db.prepare<[number, number]>('UPDATE alert_notes SET alert_id = ? WHERE alert_id = ?');
  const moveCommands = db.prepare<[number, number]>('UPDATE live_commands SET alert_id = ? WHERE alert_id = ?');
  const setTags = db.prepare<[string, number]>('UPDATE alerts SET tags = ? WHERE id = ?');
  const addNote = db.prepare<[number, number, string, string]>(
    `INSERT INTO alert_notes (alert_id, at_ms, author, action, value, note) VALUES (?, ?, '${MERGE_AUTHOR}', 'note', ?, ?)`);
  const remove = db.prepare<[number]>('DELETE FROM alerts WHERE id = ?');

  const merge = db.transaction((fromId: number, intoId: number, nowMs: number): StoredAlert | null => {
    if (fromId === intoId) throw new CollectorError('COLLECTOR_E_STORE_REJECTED', `mergeAlert: alert ${fromId} cannot be merged into itself`);
    const into = get.get(intoId);
    if (into === undefined) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `mergeAlert ${fromId} into ${intoId}: no alert ${intoId}`);
    const from = get.get(fromId);
    if (from === undefined) return null;
    moveNotes.run(intoId, fromId);
    moveCommands.run(intoId, fromId);
    const tags = new Set([...(JSON.parse(into.tags) as string[]), ...(JSON.parse(from.tags) as string[])]);
    setTags.run(JSON.stringify([...tags].sort()), intoId);
    const was = from.status === 'new' ? '' : `; it was ${from.status}${from.assignee === '' ? '' : `, assigned to ${from.assignee}`}`;
    addNote.run(intoId, nowMs, `merged:${fromId}`,
      `alert ${fromId} merged into this one: a later push joined the two bursts${was}`);
    remove.run(fromId);
    return toStoredAlert(get.get(intoId)!);
  });
  return (fromId, intoId, nowMs) => merge.immediate(fromId, intoId, nowMs);
}
