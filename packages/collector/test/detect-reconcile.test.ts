import { describe, expect, it } from 'vitest';
import { attributeBurst } from '../src/detect/attribution.js';
import { findBursts } from '../src/detect/bursts.js';
import { reconcileAlerts } from '../src/detect/reconcile.js';
import type { AlertDraft, ExistingAlert } from '../src/detect/types.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { AlertTable, CONFIG, MIN, OUTSIDE_IP, T0, browserSessions, push, winscpStory } from './detect-fixtures.js';
import type { IpSighting, SessionRecord } from '../src/detect/types.js';

const M = CONFIG.burstWindowMs;

function draft(user: string, firstMin: number, lastMin: number, over: Partial<AlertDraft> = {}): AlertDraft {
  return {
    verdict: 'unattributed', severity: 'high', user, application: 'api-prod', access_ip: OUTSIDE_IP, pushes_total: 3, pushes_aligned: 0,
    first_push: new Date(T0 + firstMin * MIN).toISOString(), last_push: new Date(T0 + lastMin * MIN).toISOString(),
    sensor_id: null, hostname: null, process: null, destination: null, evidence: [], advice: 'reset it', candidates: [], ...over,
  };
}

const stored = (id: number, d: AlertDraft): ExistingAlert & { created_at: string; updated_at: string } =>
  ({ ...d, id, created_at: '2015-06-15T20:00:00.000Z', updated_at: '2015-06-15T20:00:00.000Z' });

/** What the runner does: findBursts → attributeBurst each → reconcile against the table → apply. */
function detect(table: AlertTable, events: MfaEvent[], sightings: IpSighting[], sessions: SessionRecord[]) {
  const drafts = findBursts(events, CONFIG).map((b) => attributeBurst(b, sightings, sessions, CONFIG));
  const plan = reconcileAlerts(table.list(), drafts, M);
  table.apply(plan);
  return plan;
}

describe('reconcileAlerts', () => {
  it('a new burst gets a new alert; the same draft again changes nothing (key order and store fields aside)', () => {
    const d = draft('jdoe', 0, 2);
    expect(reconcileAlerts([], [d], M)).toEqual({ save: [{ id: null, draft: d }], remove: [] });
    const reordered = Object.fromEntries(Object.entries(d).reverse()) as unknown as AlertDraft;
    expect(reconcileAlerts([stored(4, reordered)], [d], M)).toEqual({ save: [], remove: [] });
  });

  it('a changed burst updates its alert in place', () => {
    const before = draft('jdoe', 0, 2);
    const after = draft('jdoe', 0, 5, { pushes_total: 4 });
    expect(reconcileAlerts([stored(4, before)], [after], M)).toEqual({ save: [{ id: 4, draft: after }], remove: [] });
  });

  it('a late push merging two bursts keeps the lowest id and removes the other', () => {
    const merged = draft('jdoe', 0, 30, { pushes_total: 7 });
    const plan = reconcileAlerts([stored(9, draft('jdoe', 20, 30)), stored(3, draft('jdoe', 0, 8))], [merged], M);
    expect(plan).toEqual({ save: [{ id: 3, draft: merged }], remove: [{ id: 9, intoId: 3 }] });
  });

  it('a merged-away alert names the alert that takes it in', () => {
    const c = draft('jdoe', 0, 40);
    expect(reconcileAlerts([stored(6, draft('jdoe', 30, 40)), stored(4, draft('jdoe', 1, 12)), stored(8, draft('jdoe', 20, 22))], [c], M).remove)
      .toEqual([{ id: 6, intoId: 4 }, { id: 8, intoId: 4 }]);
  });

  it('matches within the margin only, and only the same user', () => {
    const d = draft('jdoe', 30, 32);
    expect(reconcileAlerts([stored(1, draft('jdoe', 0, 20))], [d], M).save).toEqual([{ id: 1, draft: d }]);
    expect(reconcileAlerts([stored(1, draft('jdoe', 0, 19))], [d], M)).toEqual({ save: [{ id: null, draft: d }], remove: [] });
    expect(reconcileAlerts([stored(1, draft('amy', 30, 32))], [d], M)).toEqual({ save: [{ id: null, draft: d }], remove: [] });
  });

  it('two drafts never share an alert; alerts that overlap no draft are left alone', () => {
    const a = draft('jdoe', 0, 2);
    const b = draft('jdoe', 11, 13);
    const plan = reconcileAlerts([stored(5, draft('jdoe', 1, 12)), stored(8, draft('jdoe', 200, 202))], [b, a], M);
    expect(plan).toEqual({ save: [{ id: 5, draft: a }, { id: null, draft: b }], remove: [] });
  });

  it('rejects an alert without dates, naming it', () => {
    expect(() => reconcileAlerts([stored(2, { ...draft('jdoe', 0, 1), first_push: 'soon' })], [], M)).toThrow(/existing\[0\] \(alert 2\)/);
    expect(() => reconcileAlerts([], [], -1)).toThrow(/marginMs/);
  });
});

describe('one alert per burst, as data arrives', () => {
  it('late telemetry flips sensor-no-process to reconnect-loop, same alert id', () => {
    const story = winscpStory();
    const table = new AlertTable();
    // The laptop's agent was offline: its IP history is there, its sessions are still in its spool.
    detect(table, story.pushes, story.sightings, browserSessions());
    expect(table.list().map((a) => [a.id, a.verdict])).toEqual([[1, 'sensor-no-process']]);
    // The agent drains its spool.
    const plan = detect(table, story.pushes, story.sightings, story.sessions);
    expect(plan.save.map((s) => s.id)).toEqual([1]);
    expect(table.list().map((a) => [a.id, a.verdict, a.process?.name])).toEqual([[1, 'reconnect-loop', 'WinSCP.exe']]);
    // Nothing new: nothing to do.
    expect(detect(table, story.pushes, story.sightings, story.sessions)).toEqual({ save: [], remove: [] });
  });

  it('more pushes extend the alert; a push bridging two bursts merges them into the lower id', () => {
    const table = new AlertTable();
    const early = [0, 1, 2].map((m) => push(T0 + m * MIN, { accessIp: OUTSIDE_IP }));
    const late = [20, 21, 22].map((m) => push(T0 + m * MIN, { accessIp: OUTSIDE_IP }));
    detect(table, [...early, ...late], [], []);
    expect(table.list().map((a) => [a.id, a.pushes_total])).toEqual([[1, 3], [2, 3]]);
    const bridge = push(T0 + 11 * MIN, { accessIp: OUTSIDE_IP });
    const plan = detect(table, [...early, bridge, ...late], [], []);
    expect(plan.remove.map((r) => [r.id, r.intoId])).toEqual([[2, 1]]);
    expect(table.list().map((a) => [a.id, a.pushes_total, a.first_push, a.last_push])).toEqual([
      [1, 7, new Date(T0).toISOString(), new Date(T0 + 22 * MIN).toISOString()],
    ]);
  });
});
