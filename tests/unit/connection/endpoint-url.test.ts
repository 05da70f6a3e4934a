import { describe, expect, it } from 'vitest';
import { normalizeEndpoint, withTokenParam } from '../../../src/connection/endpoint-url';

function ok(input: string) {
  const result = normalizeEndpoint(input);
  if (!result.ok) throw new Error(`expected ${input} to be accepted: ${result.reason}`);
  return { httpBase: result.httpBase, wsUrl: result.wsUrl, secure: result.secure, hostPort: result.hostPort };
}

describe('normalizeEndpoint', () => {
  it.each([
    ['drp.example.com', 'https://drp.example.com:8092', 'wss://drp.example.com:8092/api/v3/ws'],
    ['drp.example.com:9443', 'https://drp.example.com:9443', 'wss://drp.example.com:9443/api/v3/ws'],
    ['https://drp.example.com:8092', 'https://drp.example.com:8092', 'wss://drp.example.com:8092/api/v3/ws'],
    ['https://drp.example.com', 'https://drp.example.com:8092', 'wss://drp.example.com:8092/api/v3/ws'],
    ['https://drp.example.com:443/', 'https://drp.example.com:443', 'wss://drp.example.com:443/api/v3/ws'],
    ['wss://drp.example.com:8092/api/v3/ws', 'https://drp.example.com:8092', 'wss://drp.example.com:8092/api/v3/ws'],
    ['http://127.0.0.1:45678', 'http://127.0.0.1:45678', 'ws://127.0.0.1:45678/api/v3/ws'],
    ['ws://127.0.0.1:45678/api/v3/ws', 'http://127.0.0.1:45678', 'ws://127.0.0.1:45678/api/v3/ws'],
    ['  DRP.Example.COM:8092  ', 'https://drp.example.com:8092', 'wss://drp.example.com:8092/api/v3/ws'],
    ['[::1]:8092', 'https://[::1]:8092', 'wss://[::1]:8092/api/v3/ws'],
    ['[fe80::1]', 'https://[fe80::1]:8092', 'wss://[fe80::1]:8092/api/v3/ws'],
    ['10.0.0.5', 'https://10.0.0.5:8092', 'wss://10.0.0.5:8092/api/v3/ws'],
  ])('%s -> %s, %s', (input, httpBase, wsUrl) => {
    const result = ok(input);
    expect(result.httpBase).toBe(httpBase);
    expect(result.wsUrl).toBe(wsUrl);
  });

  it('keeps plain http/ws only when given, and says whether TLS is used', () => {
    expect(ok('drp').secure).toBe(true);
    expect(ok('http://drp').secure).toBe(false);
    expect(ok('WS://drp').secure).toBe(false);
    expect(ok('drp').hostPort).toBe('drp:8092');
  });

  it('keeps a reverse-proxy path prefix and a multi-site suffix after /ws', () => {
    expect(ok('https://gw.example/drp')).toMatchObject({
      httpBase: 'https://gw.example:8092/drp',
      wsUrl: 'wss://gw.example:8092/drp/api/v3/ws',
    });
    expect(ok('https://gw.example/drp/api/v3')).toMatchObject({ httpBase: 'https://gw.example:8092/drp' });
    expect(ok('wss://mgr:8092/api/v3/ws/site-a')).toMatchObject({
      httpBase: 'https://mgr:8092',
      wsUrl: 'wss://mgr:8092/api/v3/ws/site-a',
    });
  });

  it('drops a harmless query and fragment', () => {
    expect(ok('https://drp:8092/api/v3/ws?x=1#top').wsUrl).toBe('wss://drp:8092/api/v3/ws');
  });

  it.each([
    ['', 'enter an endpoint'],
    ['   ', 'enter an endpoint'],
    ['ftp://drp', 'unsupported scheme'],
    ['https://user:pw@drp:8092', 'credentials'],
    ['wss://drp:8092/api/v3/ws?token=abc', 'token'],
    ['drp:0', 'between 1 and 65535'],
    ['drp:70000', 'between 1 and 65535'],
    ['drp:port', 'must be a number'],
    ['https://:8092', 'not a valid host'],
    ['dr p', 'not a valid host'],
    ['[::1', 'IPv6'],
  ])('rejects %j (%s)', (input, reason) => {
    const result = normalizeEndpoint(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('withTokenParam', () => {
  it('uses lower-case token and percent-encodes the value', () => {
    expect(withTokenParam('wss://drp:8092/api/v3/ws', 'ab+c/d==')).toBe('wss://drp:8092/api/v3/ws?token=ab%2Bc%2Fd%3D%3D');
    expect(withTokenParam('ws://h:1/api/v3/ws', 'user:p&ss#')).toBe('ws://h:1/api/v3/ws?token=user%3Ap%26ss%23');
  });
});
