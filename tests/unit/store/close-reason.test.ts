import { describe, expect, it } from 'vitest';
import {
  COMMAND_TOO_LONG_MESSAGE,
  describeFailedReconnectHandshake,
  describeLostConnection,
  describeSessionClose,
} from '../../../src/store/close-reason';

const close = (code: number, reason = '') => ({ code, reason, wasClean: code !== 1006 });

describe('describeLostConnection', () => {
  it('explains 1009 as the only close code DRP sends itself', () => {
    expect(describeLostConnection(close(1009))).toBe(COMMAND_TOO_LONG_MESSAGE);
    expect(COMMAND_TOO_LONG_MESSAGE).toContain('exceeded 512 bytes');
  });

  it('names the usual causes of 1006 and quotes any other code with its reason', () => {
    expect(describeLostConnection(close(1006))).toBe('connection lost (code 1006: server restart, network drop or missed pings)');
    expect(describeLostConnection(close(1011, 'internal error'))).toBe('the server closed the connection (code 1011: internal error)');
    expect(describeLostConnection(close(1001))).toBe('the server closed the connection (code 1001)');
  });
});

describe('describeSessionClose', () => {
  it('says nothing for an opened socket the user closed, unless it was a 1009', () => {
    expect(describeSessionClose(close(1000), true, true, 'https://drp:8092')).toEqual({ message: undefined, certificateUrl: undefined });
    expect(describeSessionClose(close(1009), true, false, 'http://drp:8092')).toEqual({
      message: COMMAND_TOO_LONG_MESSAGE,
      certificateUrl: undefined,
    });
  });

  it('points a failed secure handshake at the certificate page of the endpoint origin', () => {
    expect(describeSessionClose(close(1006), false, true, 'https://drp.example:8092/api/v3')).toEqual({
      message:
        'the socket handshake failed — certificate not trusted or credentials refused; open https://drp.example:8092/ to accept the certificate',
      certificateUrl: 'https://drp.example:8092/',
    });
  });

  it('blames credentials or reachability for a plain-text 1006, and only the handshake for other codes', () => {
    expect(describeSessionClose(close(1006), false, false, 'http://drp:8092').message).toBe(
      'the socket handshake failed (credentials refused or endpoint unreachable)',
    );
    expect(describeSessionClose(close(1002), false, true, 'https://drp:8092')).toEqual({
      message: 'the socket handshake failed',
      certificateUrl: undefined,
    });
  });
});

it('numbers a failed reconnect handshake', () => {
  expect(describeFailedReconnectHandshake(3)).toBe('reconnect attempt 3 failed: the socket handshake failed');
});
