import { compileQuery } from './compile-query.js';
import { ipField, numberField, textField, timeField, type FieldSpec, type FieldTable } from './field-kinds.js';
import { parseQuery } from './parse-query.js';
import type { Predicate } from './predicate.js';

/** What a sensor search can test. */
export type SensorColumn = 'sensor_id' | 'hostname' | 'os_platform' | 'os_version' | 'ipaddr' | 'username' | 'last_checkin';

/** Everyday names for the platforms agents report (Node's process.platform). */
const OS_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  windows: 'win32', win: 'win32', macos: 'darwin', mac: 'darwin', osx: 'darwin',
});

const platform = textField<SensorColumn>('os_platform');

/** `os:windows` matches the platform (win32, by alias) or the version text ("Windows 11 Pro"). */
const osField: FieldSpec<SensorColumn> = {
  kind: 'text: linux, windows, macos or the version text, * wildcards',
  compile(name, value, nowMs) {
    const test = platform.compile(name, value, nowMs);
    if (test.op !== 'text') return test;
    const items: Predicate<SensorColumn>[] = [test, { ...test, column: 'os_version' }];
    const alias = test.parts.length === 1 ? OS_ALIASES[test.parts[0]!.toLowerCase()] : undefined;
    if (alias !== undefined) items.unshift({ op: 'text', column: 'os_platform', parts: [alias] });
    return { op: 'or', items };
  },
};

/**
 * Fields of `pushtrace sensors 'Q'` / `GET /sensors?q=`. ipaddr matches any
 * IP in the sensor's history (external or on an interface, now or before);
 * username any user its host info listed as logged in; last_checkin is in
 * the collector's clock.
 */
export const SENSOR_FIELDS: FieldTable<SensorColumn> = Object.freeze({
  sensor_id: numberField<SensorColumn>('sensor_id', 1, Number.MAX_SAFE_INTEGER),
  hostname: textField<SensorColumn>('hostname'),
  os: osField,
  ipaddr: ipField<SensorColumn>('ipaddr'),
  username: textField<SensorColumn>('username'),
  last_checkin: timeField<SensorColumn>('last_checkin'),
});

export interface SensorQuery {
  readonly text: string;
  readonly where: Predicate<SensorColumn>;
}

/** Parses and compiles a sensor query; NOW is `now()` read once. Throws QueryError. */
export function compileSensorQuery(text: string, opts: { now: () => number }): SensorQuery {
  return { text, where: compileQuery(parseQuery(text), SENSOR_FIELDS, opts.now()) };
}
