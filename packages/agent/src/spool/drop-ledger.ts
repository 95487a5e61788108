/**
 * Counts what the spool dropped, so that loss is never silent and never
 * double-counted.
 *
 * A record dropped before it was ever sent is lost for sure: counted at once.
 * A record that was sent but not yet acked when it was dropped may have been
 * stored by the collector (its ack still on the way, or lost with the
 * connection); counting it would report a loss that did not happen. Such a
 * record is held here as unresolved until its fate is known:
 * - an Ack on the connection that sent it, through its seq: stored, not counted;
 * - the next Welcome (`resolve(lastStoredSeq)`): stored if seq <= last stored
 *   (the collector commits one connection's frames in order), else lost and
 *   counted.
 * Unresolved records are at most one in-flight window (leases start at the
 * oldest unacked record), so the list stays small and is persisted as is.
 */

export interface DropTotals {
  /** Records dropped and never stored, cumulative. */
  messages: number;
  /** Their body bytes, cumulative. */
  bytes: number;
  /** Highest seq ever dropped, 0 if none. */
  lastSeq: number;
}

/** How far a record got before the spool dropped it. */
export type DropFate = 'unsent' | 'sent-earlier' | 'in-flight';

interface Unresolved {
  seq: number;
  bytes: number;
  /** Leased on the live connection: an Ack on it can settle the record. */
  inFlight: boolean;
}

/** What the spool state file keeps of the ledger. */
export interface DropLedgerState {
  totals: DropTotals;
  unresolved: Array<[seq: number, bytes: number]>;
}

export class DropLedger {
  readonly #totals: DropTotals;
  #unresolved: Unresolved[];

  constructor(state?: DropLedgerState) {
    this.#totals = { messages: 0, bytes: 0, lastSeq: 0, ...state?.totals };
    // After a restart no connection is live, so nothing is in flight.
    this.#unresolved = (state?.unresolved ?? []).map(([seq, bytes]) => ({ seq, bytes, inFlight: false }));
  }

  /** Records one dropped record. Returns true when the totals changed. */
  drop(seq: number, bytes: number, fate: DropFate): boolean {
    if (fate === 'unsent') {
      this.#count(seq, bytes);
      return true;
    }
    this.#unresolved.push({ seq, bytes, inFlight: fate === 'in-flight' });
    return false;
  }

  /** An Ack on the live connection: in-flight drops at or below it were stored. */
  acked(throughSeq: number): void {
    this.#unresolved = this.#unresolved.filter((u) => !(u.inFlight && u.seq <= throughSeq));
  }

  /** The live connection ended: its in-flight drops now wait for the next Welcome. */
  connectionLost(): void {
    for (const u of this.#unresolved) u.inFlight = false;
  }

  /**
   * A Welcome said the collector holds everything up to `lastStoredSeq`.
   * Settles every unresolved drop. Returns true when the totals changed.
   */
  resolve(lastStoredSeq: number): boolean {
    let changed = false;
    for (const u of this.#unresolved) {
      if (u.seq > lastStoredSeq) {
        this.#count(u.seq, u.bytes);
        changed = true;
      }
    }
    this.#unresolved = [];
    return changed;
  }

  totals(): Readonly<DropTotals> {
    return { ...this.#totals };
  }

  /** Number of dropped records whose fate waits for an Ack or a Welcome. */
  unresolvedCount(): number {
    return this.#unresolved.length;
  }

  state(): DropLedgerState {
    return { totals: this.totals(), unresolved: this.#unresolved.map((u) => [u.seq, u.bytes]) };
  }

  #count(seq: number, bytes: number): void {
    this.#totals.messages += 1;
    this.#totals.bytes += bytes;
    if (seq > this.#totals.lastSeq) this.#totals.lastSeq = seq;
  }
}
