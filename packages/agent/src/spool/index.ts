export { Spool } from './spool.js';
export type { SpoolEntry, SpoolEvents, SpoolOptions, SpoolStats } from './spool.js';
export type { SpoolBody } from './spool-body.js';
export type { DropTotals } from './drop-ledger.js';
