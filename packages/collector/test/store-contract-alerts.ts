// MFA events, alerts and collector state: what detection keeps. Run by storeContract().
import { describe, expect, it } from 'vitest';
import type { AlertDraft } from '../src/detect/types.js';
import type { MfaEvent } from '../src/ingest/mfa-event.js';
import { T0, useStores, type StoreBackend } from './store-fixtures.js';

const MIN = 60_000;
const iso = (ms: number): string => new Date(ms).toISOString();

const push = (eventId: string, timeMs: number, over: Partial<MfaEvent> = {}): MfaEvent => ({
  source: 'duo', eventId, timeMs, user: 'jdoe', application: 'api-prod', eventType: 'authentication', factor: 'duo_push',
  isPush: true, result: 'denied', reason: 'no_response', accessIp: '198.51.100.7', accessHostname: null, authDevice: 'iPhone 6', ...over,
});

const draft = (user: string, firstMs: number, lastMs: number, over: Partial<AlertDraft> = {}): AlertDraft => ({
  verdict: 'reconnect-loop', severity: 'low', user, application: 'api-prod', access_ip: '198.51.100.7',
  pushes_total: 3, pushes_aligned: 3, first_push: iso(firstMs), last_push: iso(lastMs), sensor_id: 1, hostname: 'laptop-1',
  process: { name: 'WinSCP.exe', pid: 24548, path: 'C:\\Program Files\\WinSCP\\WinSCP.exe', start_time: iso(T0 - 7 * 86_400_000), sha256: null },
  destination: { ip: '10.1.2.3', port: 22 },
  evidence: [{ push_time: iso(firstMs), result: 'denied', session_opened_at: iso(firstMs - 2000), lag_ms: 2000 }],
  advice: 'Close the stale session.', candidates: [], ...over,
});

export function alertStoreContract(name: string, backend: StoreBackend): void {
  describe(`Store contract: ${name}: MFA events, alerts, state`, () => {
    const { fresh, nextKey } = useStores(backend.makeStore, 'alerts');

    it('stores each (source, eventId, time) once and returns only the new events, in input order', async () => {
      const store = await fresh();
      const a = push('tx-a', T0);
      const b = push('tx-b', T0 + 1000, { accessIp: null, accessHostname: 'WS-17', authDevice: null, reason: '' });
      // Duo repeats a txid across pages: same source, id and time is the same event, whatever else differs.
      const aAgain = push('tx-a', T0, { user: 'someone-else' });
      expect(await store.insertMfaEvents([a, b, aAgain])).toEqual([a, b]);
      const sameIdLater = push('tx-a', T0 + 1);
      const sameIdOkta = push('tx-a', T0, { source: 'okta' });
      const c = push('tx-c', T0 + 2000);
      expect(await store.insertMfaEvents([c, a, sameIdLater, b, sameIdOkta])).toEqual([c, sameIdLater, sameIdOkta]);
      expect(await store.insertMfaEvents([])).toEqual([]);
      // Every field comes back as stored, nulls included.
      expect(await store.listMfaEvents({ fromMs: T0, toMs: T0 + 2000 })).toEqual([a, sameIdOkta, sameIdLater, b, c]);
    });

    it('a fraud report repeating a stored push\'s key replaces it; nothing else does', async () => {
      const store = await fresh();
      const denied = push('tx-f', T0, { result: 'denied', reason: 'no_response' });
      const fraud = push('tx-f', T0, { result: 'fraud', reason: 'user_marked_fraud', authDevice: 'iPhone 14' });
      expect(await store.insertMfaEvents([denied])).toEqual([denied]);
      // Returned as changed, so detection judges the burst again with the fraud report in it.
      expect(await store.insertMfaEvents([fraud])).toEqual([fraud]);
      expect(await store.listMfaEvents({ fromMs: T0, toMs: T0 })).toEqual([fraud]);
      // A later copy of the plain record, or the fraud report again, changes nothing.
      expect(await store.insertMfaEvents([denied, fraud, { ...fraud, reason: 'other' }])).toEqual([]);
      expect(await store.listMfaEvents({ fromMs: T0, toMs: T0 })).toEqual([fraud]);
    });

    it('lists MFA events by time range (inclusive) and user, pushes only unless asked', async () => {
      const store = await fresh();
      const e1 = push('1', T0 + 3 * MIN);
      const e2 = push('2', T0 + 1 * MIN);
      const e3 = push('3', T0 + 2 * MIN, { user: 'asmith' });
      const call = push('4', T0 + 2 * MIN, { factor: 'phone_call', isPush: false, result: 'fraud', reason: 'user_marked_fraud' });
      const e5 = push('5', T0 + 1 * MIN, { result: 'success', reason: 'user_approved' });
      await store.insertMfaEvents([e1, e2, e3, call, e5]);
      // Oldest first; a tie keeps arrival order.
      expect(await store.listMfaEvents({ fromMs: T0, toMs: T0 + 10 * MIN })).toEqual([e2, e5, e3, e1]);
      expect(await store.listMfaEvents({ user: 'jdoe', fromMs: T0 + 1 * MIN, toMs: T0 + 3 * MIN })).toEqual([e2, e5, e1]);
      expect(await store.listMfaEvents({ user: 'jdoe', fromMs: T0 + 1 * MIN + 1, toMs: T0 + 3 * MIN - 1 })).toEqual([]);
      expect(await store.listMfaEvents({ user: 'jdoe', fromMs: T0, toMs: T0 + 10 * MIN, includeNonPush: true })).toEqual([e2, e5, call, e1]);
      expect(await store.listMfaEvents({ user: 'nobody', fromMs: T0, toMs: T0 + 10 * MIN })).toEqual([]);
      expect(await store.listMfaEvents({ fromMs: T0 + 10 * MIN, toMs: T0 })).toEqual([]);
      await expect(store.listMfaEvents({ fromMs: Number.NaN, toMs: T0 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
    });

    it('refuses a batch with a malformed event, naming it, and stores none of the batch', async () => {
      const store = await fresh();
      const bad = [push('ok', T0), { ...push('bad', T0 + 1), result: 'maybe' as MfaEvent['result'] }];
      await expect(store.insertMfaEvents(bad)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED',
        message: expect.stringMatching(/event 1 .*"bad".*result/) });
      await expect(store.insertMfaEvents([push('t', 1.5)])).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED',
        message: expect.stringContaining('timeMs') });
      expect(await store.listMfaEvents({ fromMs: 0, toMs: T0 + MIN, includeNonPush: true })).toEqual([]);
    });

    it('creates, updates, finds, lists and deletes alerts', async () => {
      const store = await fresh();
      const P = T0 + 60 * MIN;
      const first = draft('jdoe', P, P + 5 * MIN);
      const one = await store.saveAlert(first, null, T0 + 100);
      expect(one).toEqual({ id: 1, ...first, created_at: iso(T0 + 100), updated_at: iso(T0 + 100), status: 'new', assignee: '', tags: [] });
      const two = await store.saveAlert(draft('asmith', P, P + MIN, { verdict: 'unattributed', severity: 'high', sensor_id: null,
        hostname: null, process: null, destination: null }), null, T0 + 200);
      expect(two.id).toBe(2);
      expect(await store.getAlert(2)).toEqual(two);
      expect((await store.listAlerts({})).map((a) => a.id)).toEqual([2, 1]);

      // Late telemetry: alert 1 is recomputed. The stored alert passed back as the draft keeps no stale times.
      const more = { ...one, pushes_total: 5, last_push: iso(P + 8 * MIN), verdict: 'ambiguous' as const, severity: 'medium' as const };
      const updated = await store.saveAlert(more, 1, T0 + 300);
      expect(updated).toEqual({ ...more, id: 1, created_at: iso(T0 + 100), updated_at: iso(T0 + 300) });
      expect(await store.getAlert(1)).toEqual(updated);
      expect((await store.listAlerts({})).map((a) => a.id)).toEqual([1, 2]);
      expect((await store.listAlerts({ limit: 1 })).map((a) => a.id)).toEqual([1]);
      expect(await store.listAlerts({ limit: 0 })).toEqual([]);
      // A clock that stepped back does not move updated_at back.
      expect((await store.saveAlert(more, 1, T0 + 250)).updated_at).toBe(iso(T0 + 300));

      // findAlerts: the span [P, P+8min] against [from - margin, to + margin].
      const found = async (fromMs: number, toMs: number, marginMs: number, user = 'jdoe') =>
        (await store.findAlerts(user, fromMs, toMs, marginMs)).map((a) => a.id);
      expect(await found(P + 2 * MIN, P + 3 * MIN, 0)).toEqual([1]);
      expect(await found(P + 8 * MIN, P + 20 * MIN, 0)).toEqual([1]);
      expect(await found(P + 8 * MIN + 1, P + 20 * MIN, 0)).toEqual([]);
      expect(await found(P + 18 * MIN, P + 20 * MIN, 10 * MIN)).toEqual([1]);
      expect(await found(P + 18 * MIN + 1, P + 20 * MIN, 10 * MIN)).toEqual([]);
      expect(await found(P - 20 * MIN, P - 10 * MIN, 10 * MIN)).toEqual([1]);
      expect(await found(P - 20 * MIN, P - 10 * MIN - 1, 10 * MIN)).toEqual([]);
      expect(await found(P, P, 0, 'asmith')).toEqual([2]);
      expect(await found(P, P, 0, 'nobody')).toEqual([]);
      const three = await store.saveAlert(draft('jdoe', P + 30 * MIN, P + 31 * MIN), null, T0 + 400);
      expect(await found(P, P + 60 * MIN, 0)).toEqual([1, three.id]);
      await expect(store.findAlerts('jdoe', P, P, -1)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });

      // listAlertSpans: every user's alerts whose [first, last] push span meets the range, edges included.
      const spans = async (fromMs: number, toMs: number) =>
        (await store.listAlertSpans(fromMs, toMs)).map((a) => [a.user, a.firstPushMs - P, a.lastPushMs - P]);
      expect(await spans(P, P)).toEqual([['asmith', 0, MIN], ['jdoe', 0, 8 * MIN]]);
      expect(await spans(P + MIN + 1, P + 8 * MIN)).toEqual([['jdoe', 0, 8 * MIN]]);
      expect(await spans(P + 8 * MIN + 1, P + 30 * MIN)).toEqual([['jdoe', 30 * MIN, 31 * MIN]]);
      expect(await spans(P - 10 * MIN, P - 1)).toEqual([]);
      await expect(store.listAlertSpans(P + MIN, P)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('after') });
      await expect(store.listAlertSpans(Number.NaN, P)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });

      // Merged-away ids are gone for good: not found, not listed, never handed out again.
      expect(await store.mergeAlert(three.id, 1, T0 + 450)).toMatchObject({ id: 1 });
      expect(await store.mergeAlert(three.id, 1, T0 + 460)).toBeNull();
      expect(await store.getAlert(three.id)).toBeNull();
      expect((await store.listAlerts({})).map((a) => a.id)).toEqual([1, 2]);
      expect((await store.saveAlert(draft('jdoe', P, P), null, T0 + 500)).id).toBe(three.id + 1);
      await expect(store.saveAlert(first, three.id, T0 + 600)).rejects.toMatchObject({ code: 'COLLECTOR_E_NOT_FOUND',
        message: expect.stringContaining(String(three.id)) });
      expect(await store.getAlert(999)).toBeNull();
    });

    it('refuses a malformed alert, naming the field', async () => {
      const store = await fresh();
      await expect(store.saveAlert({ ...draft('jdoe', T0, T0), first_push: 'yesterday' }, null, T0))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('first_push') });
      await expect(store.saveAlert(draft('jdoe', T0 + MIN, T0), null, T0))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('before first_push') });
      await expect(store.saveAlert({ ...draft('jdoe', T0, T0), verdict: 'guilty' as AlertDraft['verdict'] }, null, T0))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED', message: expect.stringContaining('verdict') });
      await expect(store.listAlerts({ limit: -1 })).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
      expect(await store.listAlerts({})).toEqual([]);
    });

    it('gets and sets named state', async () => {
      const store = await fresh();
      expect(await store.getState('duo.next_offset')).toBeNull();
      await store.setState('duo.next_offset', '["1700000000000","tx-1"]');
      await store.setState('other', '');
      await store.setState('duo.next_offset', '["1700000060000","tx-9"]');
      expect(await store.getState('duo.next_offset')).toBe('["1700000060000","tx-9"]');
      expect(await store.getState('other')).toBe('');
      await expect(store.setState('', 'x')).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
    });

    it('keeps MFA events, alerts and state across a reopen', async () => {
      const key = nextKey();
      const first = await fresh(key);
      const e = push('tx-1', T0);
      await first.insertMfaEvents([e]);
      const alert = await first.saveAlert(draft('jdoe', T0, T0 + MIN), null, T0 + 5);
      await first.setState('k', 'v');
      await first.close();

      const again = await fresh(key);
      expect(await again.listMfaEvents({ fromMs: T0, toMs: T0 })).toEqual([e]);
      expect(await again.insertMfaEvents([e])).toEqual([]);
      expect(await again.listAlerts({})).toEqual([alert]);
      expect(await again.getState('k')).toBe('v');
    });
  });
}
