// What an alert event may say: alert.merged must name the alert that is
// gone, and no other kind may.
import { describe, expect, it } from 'vitest';
import { toAlertEvent } from '../src/forward/alert-event.js';
import { T0, alertJson } from './forward-fixtures.js';

describe('toAlertEvent', () => {
  it('carries merged_alert_id on alert.merged, and only there', () => {
    const merged = toAlertEvent({ kind: 'alert.merged', alert: alertJson(3), at_ms: T0, merged_alert_id: 7 }, 'd-1');
    expect(merged).toMatchObject({ kind: 'alert.merged', merged_alert_id: 7, alert: { id: 3 }, delivery_id: 'd-1' });
    const updated = toAlertEvent({ kind: 'alert.updated', alert: alertJson(3), at_ms: T0 }, 'd-2');
    expect(updated).not.toHaveProperty('merged_alert_id');
  });

  it('refuses a merge without the gone id, one into itself, and the id on another kind, saying why', () => {
    expect(() => toAlertEvent({ kind: 'alert.merged', alert: alertJson(3), at_ms: T0 }, 'd')).toThrow(/alert.merged needs merged_alert_id/);
    expect(() => toAlertEvent({ kind: 'alert.merged', alert: alertJson(3), at_ms: T0, merged_alert_id: 3 }, 'd')).toThrow(/other than alert.id/);
    expect(() => toAlertEvent({ kind: 'alert.opened', alert: alertJson(3), at_ms: T0, merged_alert_id: 2 }, 'd'))
      .toThrow(/merged_alert_id belongs to alert.merged only, not alert.opened/);
  });
});
