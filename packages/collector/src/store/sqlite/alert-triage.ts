import type Database from 'better-sqlite3';
import { CollectorError } from '../../errors.js';
import type { AlertStatus, AlertTriage, TriageNote, TriageStep } from '../analyst-store.js';

interface TriageDbRow {
  status: AlertStatus;
  assignee: string;
  tags: string;
}

interface NoteDbRow {
  at_ms: number;
  author: string;
  action: TriageNote['action'];
  value: string;
  note: string;
}

export interface AlertTriageTable {
  apply(alertId: number, step: TriageStep): AlertTriage;
  get(alertId: number): AlertTriage | null;
}

export function makeAlertTriageTable(db: Database.Database): AlertTriageTable {
  const current = db.prepare<[number], TriageDbRow>('SELECT status, assignee, tags FROM alerts WHERE id = ?');
  const setStatus = db.prepare<[AlertStatus, number]>('UPDATE alerts SET status = ? WHERE id = ?');
  const setAssignee = db.prepare<[string, number]>('UPDATE alerts SET assignee = ? WHERE id = ?');
  const setTags = db.prepare<[string, number]>('UPDATE alerts SET tags = ? WHERE id = ?');
  const addNote = db.prepare<[{ alertId: number; atMs: number; author: string; action: string; value: string; note: string }]>(
    `INSERT INTO alert_notes (alert_id, at_ms, author, action, value, note)
     VALUES (@alertId, @atMs, @author, @action, @value, @note)`);
  const notes = db.prepare<[number], NoteDbRow>('SELECT at_ms, author, action, value, note FROM alert_notes WHERE alert_id = ? ORDER BY id');

  const read = (alertId: number): AlertTriage | null => {
    const row = current.get(alertId);
    if (row === undefined) return null;
    return { status: row.status, assignee: row.assignee, tags: JSON.parse(row.tags) as string[], notes: notes.all(alertId) };
  };

  const apply = db.transaction((alertId: number, step: TriageStep): AlertTriage => {
    const before = read(alertId);
    if (before === null) throw new CollectorError('COLLECTOR_E_NOT_FOUND', `no alert ${alertId}`);
    let value = '';
    switch (step.action) {
      case 'status':
        setStatus.run(step.status, alertId);
        value = step.status;
        break;
      case 'assign':
        setAssignee.run(step.assignee, alertId);
        value = step.assignee;
        break;
      case 'tag':
      case 'untag': {
        const tags = new Set(before.tags);
        if (step.action === 'tag') tags.add(step.tag);
        else tags.delete(step.tag);
        setTags.run(JSON.stringify([...tags].sort()), alertId);
        value = step.tag;
        break;
      }
      case 'note':
        break;
    }
    addNote.run({ alertId, atMs: step.nowMs, author: step.author, action: step.action, value, note: step.note });
    return read(alertId)!;
  });

  return { apply: (alertId, step) => apply.immediate(alertId, step), get: read };
}
