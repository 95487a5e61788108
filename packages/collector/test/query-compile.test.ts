import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../src/query/date-value.js';
import { ipInNetwork, networkTextRange, parseIp, parseIpNetwork, type IpNetwork } from '../src/query/ip-network.js';
import { compileProcessQuery } from '../src/query/process-query.js';
import { QueryError } from '../src/query/query-error.js';
import { compileSensorQuery } from '../src/query/sensor-query.js';

const NOW = Date.parse('2026-01-15T17:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const clock = { now: () => NOW };
const where = (text: string) => compileProcessQuery(text, clock).where;

function compileError(text: string, compile: (t: string) => unknown = (t) => compileProcessQuery(t, clock)): QueryError {
  try {
    compile(text);
  } catch (err) {
    expect(err).toBeInstanceOf(QueryError);
    return err as QueryError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

function network(text: string): IpNetwork {
  const parsed = parseIpNetwork(text);
  if (typeof parsed === 'string') throw new Error(parsed);
  return parsed;
}

describe('query compiler: fields and typed values', () => {
  it("compiles the write-up's query with NOW from the injected clock", () => {
    expect(where('sensor_id:54341 netconn_count:[1 TO *] start:[NOW-10MINUTES TO NOW]')).toEqual({ op: 'and', items: [
      { op: 'number', column: 'sensor_id', min: 54341, max: 54341 },
      { op: 'number', column: 'netconn_count', min: 1, max: null },
      { op: 'time', column: 'start', min: { ms: NOW - 10 * MIN, fromNow: true }, max: { ms: NOW, fromNow: true } },
    ] });
  });

  it('reads the clock once per query, at compile time', () => {
    let calls = 0;
    compileProcessQuery('start:-1h OR last_update:[NOW-1DAY TO NOW]', { now: () => { calls++; return NOW; } });
    expect(calls).toBe(1);
  });

  it('start:-10m is start:[NOW-10MINUTES TO NOW]; date math units long and short, chained', () => {
    expect(where('start:-10m')).toEqual(where('start:[NOW-10MINUTES TO NOW]'));
    expect(where('start:NOW-10MINUTES')).toEqual(where('start:-10m'));
    expect(where('start:-2HOURS')).toEqual(where('start:[now-2h TO now]'));
    const at = (text: string) => (where(`start:[${text} TO *]`) as { min: { ms: number } }).min.ms;
    expect(at('NOW-1DAY')).toBe(NOW - DAY);
    expect(at('NOW-1WEEK+30m')).toBe(NOW - 7 * DAY + 30 * MIN);
    expect(at('NOW-45SECONDS')).toBe(NOW - 45_000);
    expect(at('NOW-1minute')).toBe(NOW - MIN);
    expect(at('-3d')).toBe(NOW - 3 * DAY);
  });

  it('an ISO value is the span of its precision; a zone shifts it; no zone is UTC', () => {
    const day = Date.parse('2015-06-08T00:00:00Z');
    expect(where('start:2015-06-08')).toEqual({ op: 'time', column: 'start', min: { ms: day, fromNow: false }, max: { ms: day + DAY - 1, fromNow: false } });
    const instant = Date.parse('2015-06-08T13:11:16.016Z');
    expect(where('start:2015-06-08T13:11:16.016Z')).toMatchObject({ min: { ms: instant }, max: { ms: instant } });
    expect(where('start:2015-06-08T13:11:16Z')).toMatchObject({ min: { ms: instant - 16 }, max: { ms: instant - 16 + 999 } });
    expect(where('start:2015-06-08T15:11+02:00')).toMatchObject({ min: { ms: day + 13 * HOUR + 11 * MIN }, max: { ms: day + 13 * HOUR + 12 * MIN - 1 } });
    // Inclusive bounds take the whole span; exclusive ones step over it.
    expect(where('start:[2015-06-08 TO 2015-06-09]')).toMatchObject({ min: { ms: day }, max: { ms: day + 2 * DAY - 1 } });
    expect(where('start:{2015-06-08 TO 2015-06-10}')).toMatchObject({ min: { ms: day + DAY }, max: { ms: day + 2 * DAY - 1 } });
  });

  it('number ranges: open ends, exclusive ends, and what matches everything', () => {
    expect(where('pid:{1 TO 5}')).toEqual({ op: 'number', column: 'pid', min: 2, max: 4 });
    expect(where('ipport:[* TO 1023]')).toEqual({ op: 'number', column: 'ipport', min: null, max: 1023 });
    expect(where('netconn_count:0')).toEqual({ op: 'number', column: 'netconn_count', min: 0, max: 0 });
    expect(where('netconn_count:[0 TO *]')).toEqual({ op: 'all' });
    expect(where('pid:*')).toEqual({ op: 'all' });
    expect(where('start:[* TO *]')).toEqual({ op: 'all' });
    expect(where('process_name:*')).toEqual({ op: 'all' });
  });

  it('text keeps the user\'s case and wildcards; digests are checked and lower-cased; field names are case-insensitive', () => {
    expect(where('Process_Name:WinSCP*')).toEqual({ op: 'text', column: 'process_name', parts: ['WinSCP', ''] });
    expect(where('hostname:*LAPTOP*')).toEqual({ op: 'text', column: 'hostname', parts: ['', 'LAPTOP', ''] });
    expect(where('md5:A2881D8C2B39869CF67079F857DABDF9')).toEqual({ op: 'text', column: 'md5', parts: ['a2881d8c2b39869cf67079f857dabdf9'] });
    expect(where('sha256:AB12*')).toEqual({ op: 'text', column: 'sha256', parts: ['ab12', ''] });
  });

  it('ipaddr takes addresses and CIDR networks, v4 and v6; host bits are zeroed', () => {
    expect(where('ipaddr:10.1.2.3')).toMatchObject({ op: 'ip', column: 'ipaddr', network: { family: 4, prefix: 32, address: '10.1.2.3' } });
    expect(where('ipaddr:10.1.2.3/8')).toMatchObject({ network: { prefix: 8, address: '10.0.0.0' } });
    expect(where('ipaddr:2001:DB8:0:0::1/32')).toMatchObject({ network: { family: 6, prefix: 32, address: '2001:db8::' } });
    expect(where('ipaddr:::ffff:10.0.0.0/104')).toMatchObject({ network: { family: 4, prefix: 8, address: '10.0.0.0' } });
    expect(where('ipaddr:*')).toEqual({ op: 'ip', column: 'ipaddr', network: null });
  });

  it('sensor search: os by platform alias or version text, ipaddr, username, last_checkin', () => {
    const sensors = (text: string) => compileSensorQuery(text, clock).where;
    expect(sensors('os:windows')).toEqual({ op: 'or', items: [
      { op: 'text', column: 'os_platform', parts: ['win32'] },
      { op: 'text', column: 'os_platform', parts: ['windows'] },
      { op: 'text', column: 'os_version', parts: ['windows'] },
    ] });
    expect(sensors('hostname:*LAPTOP* username:jdoe')).toEqual({ op: 'and', items: [
      { op: 'text', column: 'hostname', parts: ['', 'LAPTOP', ''] },
      { op: 'text', column: 'username', parts: ['jdoe'] },
    ] });
    expect(sensors('last_checkin:-5m')).toMatchObject({ op: 'time', column: 'last_checkin', min: { ms: NOW - 5 * MIN } });
    expect(compileError('process_name:x', (t) => compileSensorQuery(t, clock)).message).toMatch(/^unknown field 'process_name' at column 1; known fields: sensor_id, hostname, os, ipaddr, username, last_checkin$/);
  });
});

describe('query compiler: every field and value error names its column', () => {
  it.each([
    ['proces_name:winscp', 'FIELD', 1, /^unknown field 'proces_name' at column 1 \(did you mean process_name\?\); known fields: sensor_id, hostname, process_name/],
    ['pid:1 hostnme:x', 'FIELD', 7, /^unknown field 'hostnme' at column 7 \(did you mean hostname\?\)/],
    ['frobnicate:1', 'FIELD', 1, /^unknown field 'frobnicate' at column 1; known fields/],
    ['pid:abc', 'VALUE', 5, /^pid needs a whole number, got 'abc' at column 5$/],
    ['pid:1.5', 'VALUE', 5, /^pid needs a whole number, got '1.5'/],
    ['pid:-1', 'VALUE', 5, /^pid needs a whole number, got '-1'/],
    ['pid:12*', 'VALUE', 5, /^pid needs a whole number, got '12\*'/],
    ['sensor_id:0', 'VALUE', 11, /^sensor_id must be from 1 to \d+, got 0 at column 11$/],
    ['ipport:70000', 'VALUE', 8, /^ipport must be from 0 to 65535, got 70000 at column 8$/],
    ['netconn_count:[a TO *]', 'VALUE', 16, /^netconn_count needs a whole number, got 'a' at column 16$/],
    ['netconn_count:[1 TO x]', 'VALUE', 21, /^netconn_count needs a whole number, got 'x' at column 21$/],
    ['netconn_count:[5 TO 1]', 'VALUE', 15, /^range at column 15 holds no netconn_count: its start is above its end$/],
    ['pid:{1 TO 2}', 'VALUE', 5, /^range at column 5 holds no pid/],
    ['process_name:[a TO b]', 'VALUE', 14, /^process_name takes text, not a range \(at column 14\)$/],
    ['ipaddr:10.0.0.0/33', 'VALUE', 8, /^ipaddr needs an IP address or CIDR such as 10.0.0.0\/8 or 2001:db8::\/32, got '10.0.0.0\/33' at column 8: prefix \/33 is over 32/],
    ['ipaddr:2001:db8::/129', 'VALUE', 8, /prefix \/129 is over 128/],
    ['ipaddr:300.1.1.1', 'VALUE', 8, /'300.1.1.1' is not an IPv4 or IPv6 address/],
    ['ipaddr:10.0.0.0/x', 'VALUE', 8, /prefix '\/x' is not a whole number/],
    ['ipaddr:laptop', 'VALUE', 8, /'laptop' is not an IPv4 or IPv6 address/],
    ['ipaddr:10.*', 'VALUE', 8, /^ipaddr takes an address or CIDR \(10.0.0.0\/8\), not a wildcard pattern: got '10.\*' at column 8$/],
    ['ipaddr:[1 TO 2]', 'VALUE', 8, /^ipaddr takes an address or CIDR, not a range/],
    ['start:yesterday', 'VALUE', 7, /^start needs a date \(2015-06-08, 2015-06-08T13:11:16Z\), NOW-10MINUTES or -10m, got 'yesterday' at column 7/],
    ['start:NOW-10FORTNIGHTS', 'VALUE', 7, /unknown time unit 'FORTNIGHTS'/],
    ['start:NOW-10M', 'VALUE', 7, /unknown time unit 'M'/],
    ['start:NOW-1MONTH', 'VALUE', 7, /unknown time unit 'MONTH'.*months and years vary/],
    ['start:NOW/DAY', 'VALUE', 7, /rounding \('\/DAY'\) is not supported/],
    ['start:NOW-', 'VALUE', 7, /expected an amount and a unit/],
    ['start:2015-13-01', 'VALUE', 7, /'2015-13-01' is not a real date and time/],
    ['start:2015-02-29', 'VALUE', 7, /is not a real date and time/],
    ['start:2015-06-08T25:00Z', 'VALUE', 7, /is not a real date and time/],
    ['start:2015-06-08Z', 'VALUE', 7, /a time zone needs a time of day/],
    ['start:[2015-06-08 TO 20150609]', 'VALUE', 22, /got '20150609' at column 22/],
    ['start:[NOW TO NOW-1DAY]', 'VALUE', 7, /^range at column 7 holds no time: its start is after its end$/],
    ['start:NOW', 'VALUE', 7, /^start:NOW at column 7 is a single instant; use a range such as start:\[NOW-10MINUTES TO NOW\] or a look-back such as start:-10m$/],
    ['start:2015*', 'VALUE', 7, /wildcards are not dates/],
    ['sha256:xyz', 'VALUE', 8, /^sha256 needs 64 hex digits \(or a pattern such as ab12\*\), got 'xyz' at column 8$/],
    ['md5:abc', 'VALUE', 5, /^md5 needs 32 hex digits/],
    ['pid:1 (ppid:2 OR ppid:x)', 'VALUE', 23, /^ppid needs a whole number, got 'x' at column 23$/],
  ])('%j → %s at column %i', (text, code, column, message) => {
    const err = compileError(text);
    expect(err.code).toBe(`COLLECTOR_E_QUERY_${code}`);
    expect(err.column).toBe(column);
    expect(err.message).toMatch(message);
  });
});

describe('date values', () => {
  it('reports why a value is not a date', () => {
    expect(parseDateValue('NOW+1h', NOW)).toEqual({ form: 'math', atMs: NOW + HOUR, offsetMs: HOUR });
    expect(parseDateValue('-10m', NOW)).toEqual({ form: 'lookback', atMs: NOW - 10 * MIN, lookBackMs: 10 * MIN });
    expect(parseDateValue('-10mx', NOW)).toMatch(/unknown time unit 'mx'/);
    expect(parseDateValue('-10', NOW)).toMatch(/expected an amount and a unit/);
    expect(parseDateValue('NOW-9999999999DAYS', NOW)).toMatch(/too large/);
    expect(parseDateValue('2015-06-08T13:11:16+25:00', NOW)).toMatch(/out of range/);
  });
});

describe('IP networks', () => {
  it('matches v4, v6 and IPv4-mapped addresses against networks', () => {
    const ten = network('10.0.0.0/8');
    expect(['10.0.0.1', '10.255.255.255', '::ffff:10.1.2.3', '::ffff:a01:203'].map((ip) => ipInNetwork(ip, ten))).toEqual([true, true, true, true]);
    expect(['11.0.0.1', '9.255.255.255', '2001:db8::1', 'laptop', ''].map((ip) => ipInNetwork(ip, ten))).toEqual([false, false, false, false, false]);
    const odd = network('172.16.0.0/12');
    expect(['172.16.0.1', '172.31.255.255', '172.32.0.0', '172.15.255.255'].map((ip) => ipInNetwork(ip, odd))).toEqual([true, true, false, false]);
    const v6 = network('2001:db8::/32');
    expect(['2001:db8::1', '2001:DB8:ffff::', '2001:db8:0:0:0:0:0:1%eth0', '2001:db9::1', '10.0.0.1'].map((ip) => ipInNetwork(ip, v6)))
      .toEqual([true, true, true, false, false]);
    expect(ipInNetwork('1.2.3.4', network('0.0.0.0/0'))).toBe(true);
    expect(ipInNetwork('::1', network('::1'))).toBe(true);
  });

  it('parses only real addresses', () => {
    for (const bad of ['010.1.1.1', '1.2.3', '1.2.3.4.5', '1.2.3.256', '::1::2', 'g::1', '1:2:3:4:5:6:7:8:9', '', '1.2.3.4 ']) {
      expect(parseIp(bad), bad).toBeNull();
    }
    expect(Array.from(parseIp('::ffff:1.2.3.4')!)).toEqual([1, 2, 3, 4]);
    expect(parseIp('fe80::1%eth0')).toHaveLength(16);
    expect(parseIpNetwork('::ffff:1.2.3.4/95')).toMatch(/at least \/96/);
  });

  it('gives the text prefix an index can seek for agent-written addresses', () => {
    expect(networkTextRange(network('10.1.2.3'))).toEqual({ kind: 'equal', text: '10.1.2.3' });
    expect(networkTextRange(network('10.1.2.0/24'))).toEqual({ kind: 'prefix', text: '10.1.2.', complete: true });
    expect(networkTextRange(network('172.16.0.0/12'))).toEqual({ kind: 'prefix', text: '172.', complete: false });
    expect(networkTextRange(network('10.0.0.0/7'))).toBeNull();
    expect(networkTextRange(network('2001:db8::/32'))).toEqual({ kind: 'prefix', text: '2001:db8:', complete: true });
    expect(networkTextRange(network('2001:db8::/36'))).toEqual({ kind: 'prefix', text: '2001:db8:', complete: false });
    expect(networkTextRange(network('2001:0:1::/48'))).toEqual({ kind: 'prefix', text: '2001:', complete: false });
    expect(networkTextRange(network('::/8'))).toBeNull();
    expect(networkTextRange(network('2001:DB8::1'))).toEqual({ kind: 'equal', text: '2001:db8::1' });
  });
});
