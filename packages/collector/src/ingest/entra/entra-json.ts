import { normaliseAccessIp } from '../access-ip.js';
import { at, textAt } from '../json-fields.js';
import { isObject, isRejected, readJsonRecords } from '../json-records.js';
import { parseLogTime } from '../log-time.js';
import type { MfaEvent, ParseResult, RejectedRecord } from '../mfa-event.js';
import { checkParseOptions, type MfaParseOptions } from '../parse-options.js';
import { toReasonCode } from '../reason-code.js';
import { SyntheticIds } from '../synthetic-id.js';
import { readMfaText, type StepMeaning } from './entra-mfa-step.js';

/** "Authentication failed during strong authentication request": the MFA step failed. */
const MFA_FAILED = 500121;
/** Methods of the first factor, not MFA: a step with one of these is not a prompt. */
const PRIMARY_METHOD = /^(?:password|password hash sync|pass-through authentication|federated|previously satisfied)\b/i;

/**
 * Entra ID sign-in logs as JSON: Graph's `{value: [...]}` (what
 * /auditLogs/signIns returns), an Azure Monitor export (`{records: [...]}`,
 * each record's fields under `properties`), an array, one sign-in, or JSON
 * lines. Each sign-in in which the user answered — or failed to answer — an
 * MFA prompt becomes one MfaEvent:
 *
 * - the last MFA step of authenticationDetails (a method other than the
 *   password or "Previously satisfied") gives factor, device and result, read
 *   from its authenticationStepResultDetail (table in entra-mfa-step.ts),
 *   else from status.additionalDetails / mfaDetail.authDetail, else from its
 *   `succeeded` flag;
 * - with no such step, a status.errorCode 500121 still is a failed MFA;
 * - sign-ins where no prompt was answered — no MFA, the MFA-required
 *   interrupt (50074/50076, whose prompt is logged in the next sign-in of
 *   the same correlationId), MFA satisfied by a claim — are ignored.
 *
 * The event's time is createdDateTime, when the sign-in began, nearest the
 * connection that caused it. isPush: the method is a notification
 * ("Mobile app notification"). Deduplicated on id.
 */
export function parseEntraJson(text: string, options: MfaParseOptions = {}): ParseResult {
  checkParseOptions(options);
  const events: MfaEvent[] = [];
  const rejected: RejectedRecord[] = [];
  const idsSeen = new Set<string>();
  const ids = new SyntheticIds('entra');
  for (const entry of readJsonRecords(text, unwrapEntra)) {
    if (isRejected(entry)) {
      rejected.push(entry);
      continue;
    }
    const read = readSignIn(entry.value, options);
    if (read === null) continue;
    if (typeof read === 'string') {
      rejected.push({ where: entry.where, reason: read });
      continue;
    }
    if (read.eventId === '') {
      read.eventId = ids.next(read);
    } else {
      if (idsSeen.has(read.eventId)) continue;
      idsSeen.add(read.eventId);
    }
    events.push(read);
  }
  return { events, rejected };
}

function unwrapEntra(doc: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(doc.value)) return doc.value;
  if (Array.isArray(doc.records)) return doc.records;
  return undefined;
}

function readSignIn(value: unknown, options: MfaParseOptions): MfaEvent | string | null {
  if (!isObject(value)) return `not a JSON object but ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  // Azure Monitor diagnostic exports carry the Graph fields under `properties`.
  const rec = value.createdDateTime === undefined && isObject(value.properties) ? value.properties : value;

  const errorCode = Number(at(rec, 'status', 'errorCode'));
  const steps = Array.isArray(rec.authenticationDetails) ? rec.authenticationDetails.filter(isObject) : [];
  const mfaSteps = steps.filter((s) => {
    const method = textAt(s, 'authenticationMethod');
    return method !== undefined && !PRIMARY_METHOD.test(method) && !/primary/i.test(textAt(s, 'authenticationStepRequirement') ?? '');
  });
  const step = mfaSteps[mfaSteps.length - 1];
  const fallbackTexts = [textAt(rec, 'status', 'additionalDetails'), textAt(rec, 'mfaDetail', 'authDetail')];
  const meaning = meaningOf(step, fallbackTexts, errorCode);
  if (meaning === null) return null;

  const problems: string[] = [];
  const created = textAt(rec, 'createdDateTime');
  const time = created === undefined ? null : parseLogTime(created, {
    offsetMinutes: options.timeZoneOffsetMinutes, zoneLessIsUtc: true,
  });
  if (time === null) problems.push('createdDateTime: missing');
  else if (!time.ok) problems.push(`createdDateTime: ${time.why}`);
  const user = textAt(rec, 'userPrincipalName');
  if (user === undefined) problems.push('userPrincipalName: missing');
  if (problems.length > 0 || time === null || !time.ok || user === undefined) return problems.join('; ');

  const method = textAt(step, 'authenticationMethod') ?? textAt(rec, 'mfaDetail', 'authMethod') ?? '';
  return {
    source: 'entra',
    eventId: textAt(rec, 'id') ?? '',
    timeMs: time.ms,
    user,
    application: textAt(rec, 'appDisplayName') ?? '',
    eventType: 'signIn',
    factor: toReasonCode(method),
    isPush: /notification|push/i.test(method),
    result: meaning.result,
    reason: meaning.reason,
    accessIp: normaliseAccessIp(at(rec, 'ipAddress')),
    accessHostname: null,
    authDevice: textAt(step, 'authenticationMethodDetail') ?? null,
  };
}

/** Result and reason of the sign-in's MFA, or null if no prompt was answered in it. */
function meaningOf(step: Record<string, unknown> | undefined, fallbackTexts: (string | undefined)[],
  errorCode: number): { result: MfaEvent['result']; reason: string } | null {
  const texts = [textAt(step, 'authenticationStepResultDetail'), ...fallbackTexts];
  let sawNoPrompt = false;
  for (const text of texts) {
    if (text === undefined) continue;
    const meaning: StepMeaning = readMfaText(text);
    if (meaning.kind === 'outcome') return { result: meaning.result, reason: meaning.reason };
    if (meaning.kind === 'no-prompt') sawNoPrompt = true;
  }
  if (step !== undefined && !sawNoPrompt && step.succeeded === true) return { result: 'success', reason: 'mfa_completed' };
  if (errorCode === MFA_FAILED) {
    return { result: 'failure', reason: toReasonCode(texts.find((t) => t !== undefined) ?? '') || 'mfa_failed' };
  }
  return null;
}
