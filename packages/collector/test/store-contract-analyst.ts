// API tokens, triage, live-response commands, the audit log and retention. Run by storeContract().
import { describe, expect, it } from 'vitest';
import { encodeEnvelope, decodeEnvelope, pb } from '@pushtrace/proto';
import type { AlertDraft } from '../src/detect/types.js';
import type { NewLiveCommand } from '../src/store/analyst-store.js';
import { T0, conn, msg, netconns, useStores, type StoreBackend } from './store-fixtures.js';

const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const alertDraft = (sensorId: number | null, firstMs: number, lastMs: number): AlertDraft => ({
  verdict: sensorId === null ? 'unattributed' : 'reconnect-loop', severity: sensorId === null ? 'high' : 'low', user: 'jdoe',
  application: 'api-prod', access_ip: '198.51.100.7', pushes_total: 3, pushes_aligned: 3, first_push: iso(firstMs), last_push: iso(lastMs),
  sensor_id: sensorId, hostname: sensorId === null ? null : 'laptop-1', process: null, destination: null, evidence: [], advice: '', candidates: [],
});

const command = (id: string, sensorId: number, over: Partial<NewLiveCommand> = {}): NewLiveCommand => ({
  id, sensorId, verb: 'myip', args: [], issuedBy: 'alice', keyId: 'alice', issuedAtMs: T0, deadlineMs: T0 + 10 * MIN,
  signature: Buffer.alloc(64, 7).toString('base64'), requestedBy: 'alice-token', alertId: null, ...over,
});

const resultMessage = (seq: number, id: string, stdout: string, status = pb.CommandStatus.COMMAND_STATUS_OK) => ({
  seq,
  envelope: decodeEnvelope(encodeEnvelope({ sensorId: 1, seq, sentAtMs: T0, commandResult: {
    id, status, exitCode: 0, stdout: Buffer.from(stdout), stderr: Buffer.alloc(0), truncated: false, startedAtMs: T0 + 1000, finishedAtMs: T0 + 1100,
  } })),
});

export function analystStoreContract(name: string, backend: StoreBackend): void {
  describe(`Store contract: ${name}: tokens, triage, commands, audit, retention`, () => {
    const { fresh, withSensor } = useStores(backend.makeStore, 'analyst');

    it('keeps API tokens by hash only, finds live ones, and revokes by name for good', async () => {
      const store = await fresh();
      const created = await store.createApiToken({ name: 'ana', role: 'viewer', tokenHash: 'h1', createdBy: 'admin', nowMs: T0 });
      expect(created).toMatchObject({ name: 'ana', role: 'viewer', createdAtMs: T0, createdBy: 'admin', revokedAtMs: null });
      expect(created).not.toHaveProperty('tokenHash');
      await expect(store.createApiToken({ name: 'ana', role: 'admin', tokenHash: 'h2', createdBy: 'admin', nowMs: T0 }))
        .rejects.toMatchObject({ code: 'COLLECTOR_E_CONFLICT' });
      expect(await store.useApiToken('h1', T0 + 1000)).toMatchObject({ name: 'ana', role: 'viewer', lastUsedAtMs: T0 + 1000 });
      expect(await store.useApiToken('nope', T0)).toBeNull();
      expect(await store.revokeApiToken('ana', T0 + 2000)).toBe(true);
      expect(await store.revokeApiToken('ana', T0 + 3000)).toBe(false);
      expect(await store.useApiToken('h1', T0 + 4000)).toBeNull();
      expect((await store.listApiTokens()).map((t) => [t.name, t.revokedAtMs])).toEqual([['ana', T0 + 2000]]);
    });

    it('applies triage steps beside the detector body, in order, and keeps them when the detector rewrites the alert', async () => {
      const store = await fresh();
      const alert = await store.saveAlert(alertDraft(null, T0, T0 + MIN), null, T0);
      expect(alert).toMatchObject({ status: 'new', assignee: '', tags: [] });
      await store.triageAlert(alert.id, { action: 'tag', tag: 'winscp', author: 'ana', note: '', nowMs: T0 + 1 });
      await store.triageAlert(alert.id, { action: 'tag', tag: 'benign-ish', author: 'ana', note: '', nowMs: T0 + 2 });
      await store.triageAlert(alert.id, { action: 'untag', tag: 'winscp', author: 'bo', note: 'wrong', nowMs: T0 + 3 });
      await store.triageAlert(alert.id, { action: 'assign', assignee: 'bo', author: 'ana', note: '', nowMs: T0 + 4 });
      const after = await store.triageAlert(alert.id, { action: 'status', status: 'closed-benign', author: 'bo', note: 'user confirmed', nowMs: T0 + 5 });
      expect(after).toMatchObject({ status: 'closed-benign', assignee: 'bo', tags: ['benign-ish'] });
      expect(after.notes.map((n) => [n.author, n.action, n.value, n.note])).toEqual([
        ['ana', 'tag', 'winscp', ''], ['ana', 'tag', 'benign-ish', ''], ['bo', 'untag', 'winscp', 'wrong'], ['ana', 'assign', 'bo', ''],
        ['bo', 'status', 'closed-benign', 'user confirmed'],
      ]);
      // Late pushes: the detector saves over the alert (passing the stored alert back as a draft).
      const rewritten = await store.saveAlert({ ...(await store.getAlert(alert.id))!, pushes_total: 5 }, alert.id, T0 + 10);
      expect(rewritten).toMatchObject({ pushes_total: 5, status: 'closed-benign', assignee: 'bo', tags: ['benign-ish'] });
      expect((await store.listAlerts({}))[0]).toMatchObject({ status: 'closed-benign' });
      await expect(store.triageAlert(99_999, { action: 'note', author: 'x', note: 'y', nowMs: T0 })).rejects.toMatchObject({ code: 'COLLECTOR_E_NOT_FOUND' });
    });

    it('merges one alert into another: notes, commands and tags move, a note says so, the merged id is gone', async () => {
      const { store, sensorId } = await withSensor();
      const keep = await store.saveAlert(alertDraft(sensorId, T0, T0 + 2 * MIN), null, T0);
      const gone = await store.saveAlert(alertDraft(sensorId, T0 + 12 * MIN, T0 + 14 * MIN), null, T0);
      await store.triageAlert(keep.id, { action: 'tag', tag: 'b', author: 'ana', note: '', nowMs: T0 + 1 });
      await store.triageAlert(gone.id, { action: 'tag', tag: 'a', author: 'bo', note: '', nowMs: T0 + 2 });
      await store.triageAlert(gone.id, { action: 'assign', assignee: 'bo', author: 'bo', note: 'mine', nowMs: T0 + 3 });
      await store.insertCommand(command('confirm-gone', sensorId, { alertId: gone.id }));

      const survivor = await store.mergeAlert(gone.id, keep.id, T0 + 4);
      expect(survivor).toMatchObject({ id: keep.id, tags: ['a', 'b'], assignee: '', status: 'new', first_push: keep.first_push });
      expect(await store.getAlert(gone.id)).toBeNull();
      expect(await store.getAlertTriage(gone.id)).toBeNull();
      expect((await store.getAlertTriage(keep.id))!.notes).toEqual([
        { at_ms: T0 + 1, author: 'ana', action: 'tag', value: 'b', note: '' },
        { at_ms: T0 + 2, author: 'bo', action: 'tag', value: 'a', note: '' },
        { at_ms: T0 + 3, author: 'bo', action: 'assign', value: 'bo', note: 'mine' },
        { at_ms: T0 + 4, author: 'pushtrace', action: 'note', value: `merged:${gone.id}`,
          note: `alert ${gone.id} merged into this one: a later push joined the two bursts` },
      ]);
      expect((await store.listCommands({ alertId: keep.id })).map((c) => c.id)).toEqual(['confirm-gone']);

      // Merged already: nothing to do. Into nothing, or into itself: refused, nothing changed.
      expect(await store.mergeAlert(gone.id, keep.id, T0 + 5)).toBeNull();
      await expect(store.mergeAlert(keep.id, 999, T0 + 5)).rejects.toMatchObject({ code: 'COLLECTOR_E_NOT_FOUND' });
      await expect(store.mergeAlert(keep.id, keep.id, T0 + 5)).rejects.toMatchObject({ code: 'COLLECTOR_E_STORE_REJECTED' });
      expect(await store.getAlert(keep.id)).toEqual(survivor);
    });

    it('keeps a command from issue to result; the first result wins and a second one changes nothing', async () => {
      const { store, sensorId } = await withSensor();
      await store.insertCommand(command('c-1', sensorId));
      await expect(store.insertCommand(command('c-1', sensorId))).rejects.toMatchObject({ code: 'COLLECTOR_E_CONFLICT' });
      expect((await store.listDeliverableCommands(sensorId, T0)).map((c) => c.id)).toEqual(['c-1']);
      await store.markCommandSent('c-1', T0 + 10);
      expect(await store.getCommand('c-1')).toMatchObject({ state: 'sent', sentAtMs: T0 + 10, result: null });
      // Sent but unanswered stays deliverable: the agent may never have got it.
      expect((await store.listDeliverableCommands(sensorId, T0 + 20)).map((c) => c.id)).toEqual(['c-1']);
      // Results arrive as data messages, recorded in the same transaction as their seq.
      expect(await store.commitMessages(sensorId, [resultMessage(1, 'c-1', 'Address: 198.51.100.7\n')], T0 + 2000)).toBe(1);
      expect(await store.commitMessages(sensorId, [resultMessage(2, 'c-1', 'second', pb.CommandStatus.COMMAND_STATUS_REFUSED_REPLAYED)], T0 + 3000)).toBe(1);
      const done = (await store.getCommand('c-1'))!;
      expect(done).toMatchObject({ state: 'done', completedAtMs: T0 + 2000 });
      expect(done.result).toMatchObject({ status: 'ok', stdout: 'Address: 198.51.100.7\n', exitCode: 0, startedAtMs: T0 + 1000 });
      expect(done.result!.outputSha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await store.listDeliverableCommands(sensorId, T0)).toEqual([]);
      const audit = await store.listAudit({ commandId: 'c-1' });
      expect(audit.map((a) => [a.action, a.outcome])).toEqual([['command.result', 'ok'], ['command.result-duplicate', 'refused_replayed']]);
      // The same seq again is a duplicate delivery: nothing is recorded twice.
      expect(await store.commitMessages(sensorId, [resultMessage(1, 'c-1', 'Address: 198.51.100.7\n')], T0 + 4000)).toBe(0);
      expect(await store.listAudit({ commandId: 'c-1' })).toHaveLength(2);
    });

    it('audits a result for a command the sensor was never sent, and stores nothing else', async () => {
      const { store, sensorId } = await withSensor();
      await store.commitMessages(sensorId, [resultMessage(1, 'never-issued', 'x')], T0);
      expect(await store.getCommand('never-issued')).toBeNull();
      expect((await store.listAudit({})).map((a) => a.action)).toEqual(['command.result-unknown']);
    });

    it('expires commands past their deadline once, and lists by sensor and alert', async () => {
      const { store, sensorId } = await withSensor();
      await store.insertCommand(command('early', sensorId, { deadlineMs: T0 + MIN }));
      await store.insertCommand(command('late', sensorId, { deadlineMs: T0 + 10 * MIN, alertId: 42 }));
      expect((await store.expireCommands(T0 + 2 * MIN)).map((c) => [c.id, c.state])).toEqual([['early', 'expired']]);
      expect(await store.expireCommands(T0 + 2 * MIN)).toEqual([]);
      expect((await store.listDeliverableCommands(sensorId, T0 + 2 * MIN)).map((c) => c.id)).toEqual(['late']);
      expect((await store.listCommands({ alertId: 42 })).map((c) => c.id)).toEqual(['late']);
      expect((await store.listCommands({ sensorId })).map((c) => c.id).sort()).toEqual(['early', 'late']);
    });

    it('chains audit entries by hash, so the chain verifies until a row is changed behind the store', async () => {
      const store = await fresh();
      for (let i = 0; i < 5; i++) {
        await store.appendAudit({ atMs: T0 + i, actor: 'ana', action: 'command.issued', sensorId: 1, commandId: `c-${i}`, verb: 'ps', args: [], outcome: 'pending' });
      }
      const entries = await store.listAudit({});
      expect(entries).toHaveLength(5);
      for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.entryHash);
      expect(await store.verifyAuditChain()).toEqual({ entries: 5, brokenAt: null });
      expect((await store.listAudit({ limit: 2 })).map((e) => e.commandId)).toEqual(['c-3', 'c-4']);
    });

    it('prunes netconns and seq-ledger rows older than the cutoff, except pinned spans', async () => {
      const { store, sensorId } = await withSensor();
      const DAY = 86_400_000;
      await store.commitMessages(sensorId, [
        netconns(1, T0, [conn('old-a', T0), { ...conn('old-a', T0), kind: pb.NetconnEvent.Kind.CLOSE }]),
        netconns(2, T0 + 5 * MIN, [conn('old-pinned', T0 + 5 * MIN)]),
        netconns(3, T0 + 40 * DAY, [conn('new', T0 + 40 * DAY)]),
      ], T0);
      await store.commitMessages(sensorId, [msg(4, { netconnBatch: { sampledAtMs: T0 + 40 * DAY, events: [] } })], T0 + 40 * DAY);
      const result = await store.pruneTelemetry(T0 + 30 * DAY, [{ sensorId, fromMs: T0 + 4 * MIN, toMs: T0 + 6 * MIN }]);
      expect(result).toEqual({ netconns: 1, seqLedger: 3 });
      const left = (await store.listSessions(sensorId, T0 - DAY, T0 + 41 * DAY)).map((s) => s.openedAtMs);
      expect(left).toEqual([T0 + 5 * MIN, T0 + 40 * DAY]);
      // The ledger rows went, the floor they left did not: a resend of a pruned seq is still not stored twice.
      expect(await store.commitMessages(sensorId, [netconns(2, T0 + 5 * MIN, [conn('resent-after-prune', T0 + 5 * MIN)])], T0 + 41 * DAY)).toBe(0);
      expect(await store.commitMessages(sensorId, [netconns(4, T0 + 40 * DAY, [conn('resent-4', T0 + 40 * DAY)])], T0 + 41 * DAY)).toBe(0);
      expect(await store.commitMessages(sensorId, [netconns(5, T0 + 41 * DAY, [conn('fresh', T0 + 41 * DAY)])], T0 + 41 * DAY)).toBe(1);
      expect(await store.lastStoredSeq(sensorId)).toBe(5);
    });
  });
}
