import { describe, expect, it } from 'vitest';
import {
  authorizationHeader, canonicalRequest, canonParams, canonXDuoHeaders, duoQuote, formatDuoDate, signDuoGet,
} from '../src/ingest/duo-pull/duo-signer.js';
import { CollectorError } from '../src/errors.js';

// Known answers from Duo's own client test suites. Where a vector is copied,
// the comment names the repository and file it comes from.

const SHA512_OF_EMPTY = 'cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e';

// duosecurity/duo_client_python and duosecurity/duo_hmac_python test suites,
// and duosecurity/duo_api_nodejs tests/duo_sig.js, all use these unicode params.
const UNICODE_PARAMS = {
  '\u469a\u287b\u35d0\u8ef3\u6727\u502a\u0810\ud091\xc8\uc170': ['\u0f45\u1a76\u341a\u654c\uc23f\u9b09\uabe2\u8343\u1b27\u60d0'],
  '\u7449\u7e4b\uccfb\u59ff\ufe5f\u83b7\uadcc\u900c\ucfd1\u7813': ['\u8db7\u5022\u92d3\u42ef\u207d\u8730\uacfe\u5617\u0946\u4e30'],
  '\u7470\u9314\u901c\u9eae\u40d8\u4201\u82d8\u8c70\u1d31\ua042': ['\u17d9\u0ba8\u9358\uaadf\ua42a\u48be\ufb96\u6fe9\ub7ff\u32f3'],
  '\uc2c5\u2c1d\u2620\u3617\u96b3F\u8605\u20e8\uac21\u5934': ['\ufba9\u41aa\ubd83\u840b\u2615\u3e6e\u652d\ua8b5\ud56bU'],
};
const UNICODE_CANON = '%E4%9A%9A%E2%A1%BB%E3%97%90%E8%BB%B3%E6%9C%A7%E5%80%AA%E0%A0%90%ED%82%91%C3%88%EC%85%B0=%E0%BD%85%E1%A9%B6%E3%90%9A%E6%95%8C%EC%88%BF%E9%AC%89%EA%AF%A2%E8%8D%83%E1%AC%A7%E6%83%90&%E7%91%89%E7%B9%8B%EC%B3%BB%E5%A7%BF%EF%B9%9F%E8%8E%B7%EA%B7%8C%E9%80%8C%EC%BF%91%E7%A0%93=%E8%B6%B7%E5%80%A2%E9%8B%93%E4%8B%AF%E2%81%BD%E8%9C%B0%EA%B3%BE%E5%98%97%E0%A5%86%E4%B8%B0&%E7%91%B0%E9%8C%94%E9%80%9C%E9%BA%AE%E4%83%98%E4%88%81%E8%8B%98%E8%B1%B0%E1%B4%B1%EA%81%82=%E1%9F%99%E0%AE%A8%E9%8D%98%EA%AB%9F%EA%90%AA%E4%A2%BE%EF%AE%96%E6%BF%A9%EB%9F%BF%E3%8B%B3&%EC%8B%85%E2%B0%9D%E2%98%A0%E3%98%97%E9%9A%B3F%E8%98%85%E2%83%A8%EA%B0%A1%E5%A4%B4=%EF%AE%A9%E4%86%AA%EB%B6%83%E8%90%8B%E2%98%95%E3%B9%AE%E6%94%AD%EA%A2%B5%ED%95%ABU';

describe('formatDuoDate', () => {
  it('writes RFC 2822 the way Python email.utils.formatdate() does', () => {
    expect(formatDuoDate(Date.UTC(2024, 4, 24, 12, 0, 0))).toBe('Fri, 24 May 2024 12:00:00 -0000');
    expect(formatDuoDate(Date.UTC(2012, 11, 7, 17, 18, 0))).toBe('Fri, 07 Dec 2012 17:18:00 -0000');
    // Sub-second parts are dropped, single digits padded.
    expect(formatDuoDate(Date.UTC(2025, 0, 5, 3, 4, 5, 999))).toBe('Sun, 05 Jan 2025 03:04:05 -0000');
  });

  it('refuses a time that is not one', () => {
    expect(() => formatDuoDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('canonParams', () => {
  // duosecurity/duo_hmac_python test/test_canonicalization.py TestCanonicalizeParameters
  // (the same cases are in duosecurity/duo_api_nodejs tests/duo_sig.js "Query Parameter Checks").
  it.each([
    ['no params', {}, ''],
    ['one param', { realname: ['First Last'] }, 'realname=First%20Last'],
    ['two params', { realname: ['First Last'], username: ['root'] }, 'realname=First%20Last&username=root'],
    ['mixed "type" params', { words: ['First Last'], success: ['true'], digit: ['5'] }, 'digit=5&success=true&words=First%20Last'],
    ['similar keys sort shorter first', { foo_bar: ['2'], foo: ['1'] }, 'foo=1&foo_bar=2'],
    ['real-world common prefix', { ip_whitelist_enroll_policy: '2', ip_whitelist: '1' }, 'ip_whitelist=1&ip_whitelist_enroll_policy=2'],
    ['printable ASCII', {
      digits: ['0123456789'],
      letters: ['abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'],
      punctuation: ['!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'],
      whitespace: ['\t\n\x0b\x0c\r '],
    }, 'digits=0123456789&letters=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ&punctuation=%21%22%23%24%25%26%27%28%29%2A%2B%2C-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E_%60%7B%7C%7D~&whitespace=%09%0A%0B%0C%0D%20'],
    ['unicode keys and values', UNICODE_PARAMS, UNICODE_CANON],
  ])('%s', (_name, params, expected) => {
    expect(canonParams(params)).toBe(expected);
  });

  it('does not depend on insertion order', () => {
    const keys = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
    const forward = Object.fromEntries(keys.map((k) => [k, k]));
    const backward = Object.fromEntries([...keys].reverse().map((k) => [k, k]));
    expect(canonParams(forward)).toBe(canonParams(backward));
    expect(canonParams(forward)).toBe('eight=eight&five=five&four=four&nine=nine&one=one&seven=seven&six=six&three=three&two=two');
  });

  it('sorts a repeated key by encoded value, as duo_client_python canon_params does', () => {
    expect(canonParams({ next_offset: ['b~', 'a b', 'A'] })).toBe('next_offset=A&next_offset=a%20b&next_offset=b~');
  });

  it('encodes the authlog cursor the way Duo decodes it: comma as %2C, tilde kept', () => {
    expect(canonParams({ next_offset: '1547486297000,5bea1c1e-612c-4f1d-b310-75fd31385b15', sort: 'ts:asc' }))
      .toBe('next_offset=1547486297000%2C5bea1c1e-612c-4f1d-b310-75fd31385b15&sort=ts%3Aasc');
  });

  it('names the parameter whose value is not valid Unicode', () => {
    try {
      duoQuote('\ud800', 'value of realname');
      expect.unreachable('a lone surrogate must not encode');
    } catch (err) {
      expect(err).toBeInstanceOf(CollectorError);
      expect((err as CollectorError).code).toBe('COLLECTOR_E_BAD_PARAM');
      expect((err as CollectorError).message).toContain('value of realname');
    }
  });
});

describe('canonXDuoHeaders', () => {
  // duosecurity/duo_hmac_python test/test_canonicalization.py TestCanonicalizeXDuoHeaders
  it('hashes no headers as the empty string', () => {
    expect(canonXDuoHeaders({})).toBe(SHA512_OF_EMPTY);
  });

  it('lower-cases names before hashing', () => {
    expect(canonXDuoHeaders({ 'x-duo-A': 'header_value_1', 'X-Duo-B': 'header_value_2' }))
      .toBe('60be11a30e0756f2ee2afdce1db849b987dcf86c1133394bd7bbbc9877920330c4d78aceacbb377ab8cbd9a8efe6a410fed4047376635ac71226ab46ca10d2b1');
  });

  it('refuses headers Duo would refuse to sign', () => {
    expect(() => canonXDuoHeaders({ 'Content-Type': 'x' })).toThrow(/must start with X-Duo-/);
    expect(() => canonXDuoHeaders({ 'x-duo-a': 'a\0b' })).toThrow(/NUL/);
    expect(() => canonXDuoHeaders({ 'x-duo-a': '1', 'X-Duo-A': '2' })).toThrow(/given twice/);
  });
});

describe('canonicalRequest', () => {
  // duosecurity/duo_hmac_python test/test_canonicalization.py EXPECTED_GET_NO_PARAMS
  it('v5 GET without params: date, METHOD, host lower-cased, path, empty line, two empty hashes', () => {
    const expected = `date_string\nGET\ntest.duosecurity.com\n/test/the/api\n\n${SHA512_OF_EMPTY}\n${SHA512_OF_EMPTY}`;
    expect(canonicalRequest({ version: 5, date: 'date_string', method: 'get', host: 'TEST.duosecurity.com', path: '/test/the/api', params: {} }))
      .toBe(expected);
  });

  // duosecurity/duo_api_nodejs tests/duo_sig.js "Canonicalization Checks" test-v2
  it('v2: five lines, path case kept', () => {
    expect(canonicalRequest({
      version: 2, date: 'Fri, 07 Dec 2012 17:18:00 -0000', method: 'POST', host: 'foO.BAr52.cOm', path: '/Foo/BaR2/qux', params: UNICODE_PARAMS,
    })).toBe(`Fri, 07 Dec 2012 17:18:00 -0000\nPOST\nfoo.bar52.com\n/Foo/BaR2/qux\n${UNICODE_CANON}`);
  });
});

describe('signatures against Duo client vectors', () => {
  // duosecurity/duo_hmac_python test/test_hmac.py ("the expected Authorization
  // header was calculated using duo_client_python").
  const IKEY = 'DIABCDEFGHIJKLMNOPQR';
  const SKEY = 'testtesttesttesttesttesttesttesttesttest';
  const API_HOST = 'api-xxxxxxxx.duosecurity.com';
  const API_PATH = '/api/path';
  const DATE_MS = Date.UTC(2024, 4, 24, 12, 0, 0); // 'Fri, 24 May 2024 12:00:00 -0000'

  it('v5 GET, no params (test_get_no_params_no_headers)', () => {
    const signed = signDuoGet({ integrationKey: IKEY, secretKey: SKEY, host: API_HOST, path: API_PATH, params: {}, nowMs: DATE_MS });
    expect(signed.headers.Authorization).toBe('Basic RElBQkNERUZHSElKS0xNTk9QUVI6YzQ1NDYzOWQ3NWI0ZTNkOTliOGIxZDVlNDFjZDdiYjJkMmQ4YmE1NWY2ODExZjc4NmRmYjBlZGQ0ZmFjZDJmM2E1ZTZkNmM4MzdmMzFmNjgyNjcwNjMyNWI0ZWQ3ZGNkYzVmMTExNjQ5NDhlNTdhNzAzMmE1MjQ5OTBlMDE1ODM=');
    expect(signed.headers['X-Duo-Date']).toBe('Fri, 24 May 2024 12:00:00 -0000');
    expect(signed.headers.Date).toBe('Fri, 24 May 2024 12:00:00 -0000');
    expect(signed.query).toBe('');
  });

  it('v5 GET, one param (test_get_one_param_no_headers)', () => {
    const signed = signDuoGet({ integrationKey: IKEY, secretKey: SKEY, host: API_HOST, path: API_PATH, params: { foo: 'bar' }, nowMs: DATE_MS });
    expect(signed.headers.Authorization).toBe('Basic RElBQkNERUZHSElKS0xNTk9QUVI6ODhmZTgwZjNiMjQyYjk5MmY0YjMwMTQwOGQ1MjRhODg2Mjc0ZDNlZDBjNGM3YmQxODRlMWI0ZmYzNzhlNjhlYTA1ZDk0MzNjMDk5MzgwNzhjNDk1MTdhNmM0MjY0Yzk1MGJlOWZmNWNjMjhhZDJkNDQ4Y2VhMjRiYzkzODg3Y2E=');
    expect(signed.query).toBe('foo=bar');
  });

  it('v5 GET, several params and extra x-duo headers (test_get_multi_param_multi_headers)', () => {
    const date = formatDuoDate(DATE_MS);
    const canonical = canonicalRequest({
      version: 5, date, method: 'GET', host: API_HOST, path: API_PATH,
      params: { foo: 'bar', one: '1', bool: 'true' },
      xDuoHeaders: { 'x-duo-foo': 'bar', 'x-duo-bar': 'foo', 'x-duo-date': date },
    });
    expect(authorizationHeader(5, IKEY, SKEY, canonical)).toBe('Basic RElBQkNERUZHSElKS0xNTk9QUVI6ZDQ2NTU2NzI2ODAwNDE1ZGM3OGNlZmMzZmI0ZTExZGNmM2VlMTM0MjkwNGYyNzZlZDVjOGUzNDI3ODc4YmQ1Mzc2ZWE2YzU1NTFiOTBiZjcwN2ZhYjUzZjZmMWQyMGExMTQ4OTg4OTg3MDVkMjgyNjg4MjRlZGQwYmU1ZjFkNTM=');
  });

  // duosecurity/duo_api_nodejs tests/duo_sig.js "Signature Checks" HMAC-SHA1
  it('v2 HMAC-SHA1 with unicode params, mixed-case method and host', () => {
    const canonical = canonicalRequest({
      version: 2, date: 'Fri, 07 Dec 2012 17:18:00 -0000', method: 'PoSt', host: 'foO.BAr52.cOm', path: '/Foo/BaR2/qux', params: UNICODE_PARAMS,
    });
    expect(authorizationHeader(2, 'test_ikey', 'gtdfxv9YgVBYcF6dl2Eq17KUQJN2PLM2ODVTkvoT', canonical))
      .toBe('Basic dGVzdF9pa2V5OmYwMTgxMWNiYmY5NTYxNjIzYWI0NWI4OTMwOTYyNjdmZDQ2YTUxNzg=');
  });

  it('v2 GET sends Date only, and a different secret gives a different signature', () => {
    const base = { integrationKey: IKEY, host: API_HOST, path: API_PATH, params: { a: '1' }, nowMs: DATE_MS, version: 2 as const };
    const signed = signDuoGet({ ...base, secretKey: SKEY });
    expect(Object.keys(signed.headers).sort()).toEqual(['Authorization', 'Date']);
    expect(signDuoGet({ ...base, secretKey: `${SKEY}x` }).headers.Authorization).not.toBe(signed.headers.Authorization);
  });
});
