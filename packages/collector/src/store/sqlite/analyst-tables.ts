import type Database from 'better-sqlite3';
import type { CommandResult } from '@pushtrace/proto';
import type { AnalystStore } from '../analyst-store.js';
import { applyCommandResult } from './command-results.js';
import { makeAlertTriageTable } from './alert-triage.js';
import { makeApiTokenTable } from './api-tokens.js';
import { makeAuditLogTable } from './audit-log.js';
import { makeLiveCommandTable } from './live-commands.js';
import { makeTelemetryPruner } from './retention.js';

/** Runs one store call, turning driver errors into CollectorErrors that say what was being done. */
export type StoreCall = <T>(doing: string, fn: () => T) => T;

function prepareTables(db: Database.Database) {
  return {
    tokens: makeApiTokenTable(db),
    triage: makeAlertTriageTable(db),
    commands: makeLiveCommandTable(db),
    audit: makeAuditLogTable(db),
    prune: makeTelemetryPruner(db),
    seqFloor: db.prepare<[number], { seq_floor: number }>('SELECT seq_floor FROM sensors WHERE id = ?'),
  };
}

/**
 * The AnalystStore half of the SQLite store. `ready` returns the database
 * once it is open and migrated (and throws otherwise); statements are
 * prepared on the first call, once.
 */
export function makeAnalystTables(ready: () => Database.Database, wrap: StoreCall): AnalystTables {
  let tables: ReturnType<typeof prepareTables> | null = null;
  const call: StoreCall = (doing, fn) => {
    const db = ready();
    tables ??= wrap('preparing analyst statements', () => prepareTables(db));
    return wrap(doing, fn);
  };
  const t = () => tables!;
  const store: AnalystStore = {
    createApiToken: async (input) => call(`createApiToken ${input.name}`, () => t().tokens.create(input)),
    useApiToken: async (hash, nowMs) => call('useApiToken', () => t().tokens.use(hash, nowMs)),
    listApiTokens: async () => call('listApiTokens', () => t().tokens.list()),
    revokeApiToken: async (name, nowMs) => call(`revokeApiToken ${name}`, () => t().tokens.revoke(name, nowMs)),
    triageAlert: async (alertId, step) => call(`triageAlert ${alertId}`, () => t().triage.apply(alertId, step)),
    getAlertTriage: async (alertId) => call(`getAlertTriage ${alertId}`, () => t().triage.get(alertId)),
    insertCommand: async (command) => call(`insertCommand ${command.id}`, () => t().commands.insert(command)),
    getCommand: async (id) => call(`getCommand ${id}`, () => t().commands.get(id)),
    listDeliverableCommands: async (sensorId, nowMs) => call(`listDeliverableCommands ${sensorId}`, () => t().commands.deliverable(sensorId, nowMs)),
    markCommandSent: async (id, nowMs) => call(`markCommandSent ${id}`, () => t().commands.markSent(id, nowMs)),
    completeCommand: async (id, result, nowMs) => call(`completeCommand ${id}`, () => t().commands.complete(id, result, nowMs)),
    expireCommands: async (nowMs) => call('expireCommands', () => t().commands.expire(nowMs)),
    listCommands: async (filter) => call('listCommands', () => t().commands.list(filter)),
    appendAudit: async (entry) => call(`appendAudit ${entry.action}`, () => t().audit.append(entry)),
    listAudit: async (filter) => call('listAudit', () => t().audit.list(filter)),
    verifyAuditChain: async () => call('verifyAuditChain', () => t().audit.verify()),
    pruneTelemetry: async (cutoffMs, keep) => call('pruneTelemetry', () => t().prune(cutoffMs, keep)),
  };
  return {
    store,
    applyCommandResult(sensorId, result, receivedAtMs) {
      const db = ready();
      tables ??= prepareTables(db);
      applyCommandResult(tables.commands, tables.audit, sensorId, result, receivedAtMs);
    },
    seqFloor(sensorId) {
      const db = ready();
      tables ??= prepareTables(db);
      return tables.seqFloor.get(sensorId)?.seq_floor ?? 0;
    },
  };
}

export interface AnalystTables {
  store: AnalystStore;
  /** Synchronous, for the commit transaction that stores the result's seq. */
  applyCommandResult(sensorId: number, result: CommandResult, receivedAtMs: number): void;
  /** Seqs at or below this were pruned from the dedupe ledger after being stored (retention). */
  seqFloor(sensorId: number): number;
}
