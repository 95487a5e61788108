import { describe, expect, it } from 'vitest';
import { agentEndpoint, isLoopback } from '../src/transport/collector-url.js';

describe('agentEndpoint', () => {
  it('appends /agent to an empty path and keeps any other path', () => {
    expect(agentEndpoint('ws://127.0.0.1:8080').href).toBe('ws://127.0.0.1:8080/agent');
    expect(agentEndpoint('ws://127.0.0.1:8080/').href).toBe('ws://127.0.0.1:8080/agent');
    expect(agentEndpoint('wss://collector.example/pushtrace/agent').href).toBe('wss://collector.example/pushtrace/agent');
  });

  it('maps http(s) to ws(s)', () => {
    expect(agentEndpoint('https://collector.example').href).toBe('wss://collector.example/agent');
    expect(agentEndpoint('http://localhost:8080').href).toBe('ws://localhost:8080/agent');
  });

  it('refuses plain ws:// to a non-loopback host unless allowed, naming the URL', () => {
    for (const url of ['ws://collector.example:8080', 'ws://10.1.2.3', 'ws://[2001:db8::1]:80']) {
      expect(() => agentEndpoint(url)).toThrow(expect.objectContaining({
        code: 'AGENT_E_INSECURE_URL', message: expect.stringContaining(new URL(url).host),
      }));
      expect(agentEndpoint(url, true).protocol).toBe('ws:');
    }
    for (const url of ['ws://127.0.0.1:1', 'ws://127.8.9.10', 'ws://localhost', 'ws://[::1]:8080']) {
      expect(() => agentEndpoint(url)).not.toThrow();
    }
  });

  it('does not echo credentials put in the URL', () => {
    expect(() => agentEndpoint('ws://user:hunter2@collector.example')).toThrow(expect.objectContaining({
      message: expect.not.stringContaining('hunter2'),
    }));
  });

  it('names a bad URL or scheme', () => {
    expect(() => agentEndpoint('not a url')).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('not a url') }));
    expect(() => agentEndpoint('ftp://collector.example')).toThrow(expect.objectContaining({ code: 'AGENT_E_CONFIG', message: expect.stringContaining('ftp:') }));
  });
});

describe('isLoopback', () => {
  it('knows the loopback forms', () => {
    expect(['localhost', 'a.localhost', '127.0.0.1', '127.255.0.9', '[::1]', '::1', '[::ffff:127.0.0.1]'].every(isLoopback)).toBe(true);
    expect(['128.0.0.1', '10.0.0.1', 'example.com', '[::2]', 'localhost.example.com', '0.0.0.0'].some(isLoopback)).toBe(false);
  });
});
