import { CollectorError } from '../errors.js';
import { parseDuoCsv } from './duo/duo-csv.js';
import { parseDuoJson } from './duo/duo-json.js';
import { parseEntraJson } from './entra/entra-json.js';
import type { MfaSource, ParseResult } from './mfa-event.js';
import { parseOktaJson } from './okta/okta-json.js';
import { checkParseOptions, type MfaParseOptions } from './parse-options.js';

export type MfaLogFormat = 'json' | 'csv' | 'auto';

export interface ParseMfaLogOptions extends MfaParseOptions {
  /** Whose log it is. */
  source: MfaSource;
  /**
   * Default 'auto': JSON when the first non-blank character is `{` or `[`,
   * CSV otherwise. Only Duo has a CSV form; Okta and Entra are JSON.
   */
  format?: MfaLogFormat;
}

const SOURCES: readonly MfaSource[] = ['duo', 'okta', 'entra'];
const FORMATS: readonly MfaLogFormat[] = ['json', 'csv', 'auto'];

/**
 * Any supported MFA log, as text, → normalised events plus the records that
 * could not be used (each with where and why). Bad content never throws:
 * good records come back with the rejections. Empty input gives nothing and
 * rejects nothing. Throws CollectorError COLLECTOR_E_INGEST_USAGE only when
 * called wrongly (unknown source or format, CSV for a JSON-only source, a bad
 * option value).
 */
export function parseMfaLog(text: string, options: ParseMfaLogOptions): ParseResult {
  checkMfaLogOptions(options);
  const { source, format = 'auto' } = options;
  const parseOptions: MfaParseOptions = {
    timeZoneOffsetMinutes: options.timeZoneOffsetMinutes,
    referenceDate: options.referenceDate,
  };
  switch (source) {
    case 'okta':
      return parseOktaJson(text, parseOptions);
    case 'entra':
      return parseEntraJson(text, parseOptions);
    default: {
      const json = format === 'json' || (format === 'auto' && looksLikeJson(text));
      return json ? parseDuoJson(text, parseOptions) : parseDuoCsv(text, parseOptions);
    }
  }
}

/** What parseMfaLog refuses to be called with (COLLECTOR_E_INGEST_USAGE), checked before any work. */
export function checkMfaLogOptions(options: ParseMfaLogOptions): void {
  const { source, format = 'auto' } = options;
  if (!SOURCES.includes(source)) {
    throw new CollectorError('COLLECTOR_E_INGEST_USAGE', `source: ${JSON.stringify(source)} is not one of ${SOURCES.join(', ')}`);
  }
  if (!FORMATS.includes(format)) {
    throw new CollectorError('COLLECTOR_E_INGEST_USAGE', `format: ${JSON.stringify(format)} is not one of ${FORMATS.join(', ')}`);
  }
  if (format === 'csv' && source !== 'duo') {
    throw new CollectorError('COLLECTOR_E_INGEST_USAGE', `format: ${source} logs are read as JSON only; csv is for Duo`);
  }
  checkParseOptions(options);
}

function looksLikeJson(text: string): boolean {
  const first = /\S/.exec(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)?.[0];
  return first === '{' || first === '[';
}
