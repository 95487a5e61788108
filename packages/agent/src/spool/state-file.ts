import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AgentError } from '../errors.js';
import { writeFileAtomic } from './atomic-write.js';

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const spoolStateSchema = z.strictObject({
  version: z.literal(1),
  /** Next seq to assign. Kept here because acked segments are deleted: without it a restart could reuse seqs. */
  nextSeq: seq.min(1),
  /**
   * Seqs up to here may have been handed out. Reserved in blocks ahead of
   * use and released at a clean close, so that after a crash or power cut
   * (when the newest records can be missing from the files) the spool
   * resumes above every seq it might have sent.
   */
  reservedThrough: seq,
  /** Seqs skipped (never assigned) when a crash abandoned a reservation; cumulative. */
  skippedSeqs: seq.default(0),
  /** Every record at or below it is acked (or dropped). */
  ackedThrough: seq,
  /** Highest seq ever sent; decides whether a dropped record may have been stored. */
  sentThrough: seq,
  drops: z.strictObject({
    totals: z.strictObject({ messages: seq, bytes: seq, lastSeq: seq }),
    unresolved: z.array(z.tuple([seq, seq])),
  }),
});

export type SpoolState = z.infer<typeof spoolStateSchema>;

export function initialState(): SpoolState {
  return {
    version: 1,
    nextSeq: 1,
    reservedThrough: 0,
    skippedSeqs: 0,
    ackedThrough: 0,
    sentThrough: 0,
    drops: { totals: { messages: 0, bytes: 0, lastSeq: 0 }, unresolved: [] },
  };
}

/**
 * Reads the state file, or undefined when there is none (a new spool). The
 * file is only ever replaced atomically, so a file that does not parse was
 * changed by someone else: refusing to start beats guessing a nextSeq that
 * could reuse seqs the collector already holds.
 */
export function readState(path: string): SpoolState | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgentError('AGENT_E_SPOOL_IO', `cannot read spool state ${path}: ${(err as Error).message}`, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new AgentError('AGENT_E_SPOOL_CORRUPT', `spool state ${path} is not JSON: ${(cause as Error).message}`, { cause });
  }
  const parsed = spoolStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(root)';
    throw new AgentError('AGENT_E_SPOOL_CORRUPT', `spool state ${path}: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

export function writeState(path: string, state: SpoolState): void {
  try {
    writeFileAtomic(path, `${JSON.stringify(state)}\n`);
  } catch (err) {
    throw new AgentError('AGENT_E_SPOOL_IO', `cannot write spool state ${path}: ${(err as Error).message}`, { cause: err });
  }
}
