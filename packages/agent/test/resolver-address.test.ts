import { describe, expect, test } from 'vitest';
import { AgentError } from '../src/errors.js';
import { formatResolver, parseResolver } from '../src/sampling/resolver-address.js';

describe('parseResolver', () => {
  test.each([
    ['208.67.222.222', { host: '208.67.222.222', port: 53, family: 4 }],
    ['208.67.222.222:5353', { host: '208.67.222.222', port: 5353, family: 4 }],
    [' 127.0.0.1:53 ', { host: '127.0.0.1', port: 53, family: 4 }],
    ['resolver1.opendns.com', { host: 'resolver1.opendns.com', port: 53, family: 0 }],
    ['resolver1.opendns.com.:5300', { host: 'resolver1.opendns.com.', port: 5300, family: 0 }],
    ['localhost:5353', { host: 'localhost', port: 5353, family: 0 }],
    ['2620:119:35::35', { host: '2620:119:35::35', port: 53, family: 6 }],
    ['::1', { host: '::1', port: 53, family: 6 }],
    ['::1:53', { host: '::1:53', port: 53, family: 6 }],
    ['[2620:119:35::35]:5353', { host: '2620:119:35::35', port: 5353, family: 6 }],
    ['[::1]', { host: '::1', port: 53, family: 6 }],
  ])('%s', (input, expected) => {
    expect(parseResolver(input)).toEqual(expected);
  });

  test.each([
    ['', /is empty/],
    ['   ', /is empty/],
    [':53', /host is empty/],
    ['1.2.3.4:', /port "" is not a number/],
    ['1.2.3.4:dns', /port "dns" is not a number/],
    ['1.2.3.4:0', /port 0 is outside 1-65535/],
    ['1.2.3.4:65536', /port 65536 is outside/],
    ['256.1.1.1', /not a valid IPv4 address/],
    ['10.0.0', /not a valid IPv4 address/],
    ['bad_host!', /neither an IP address nor a hostname/],
    ['[::1', /without a matching "\]"/],
    ['[::1]x', /without a matching "\]"/],
    ['[1.2.3.4]:53', /not an IPv6 address/],
    ['2620:119::35::1', /several ":" but is not an IPv6 address/],
  ])('%j is refused: %s', (input, why) => {
    try {
      parseResolver(input);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AgentError);
      expect((err as AgentError).code).toBe('AGENT_E_CONFIG');
      expect((err as AgentError).message).toContain(`invalid resolver ${JSON.stringify(input)}`);
      expect((err as AgentError).message).toMatch(why);
    }
  });

  test('formatResolver brackets IPv6', () => {
    expect(formatResolver({ host: '::1', port: 5353 })).toBe('[::1]:5353');
    expect(formatResolver({ host: '208.67.222.222', port: 53 })).toBe('208.67.222.222:53');
  });
});
