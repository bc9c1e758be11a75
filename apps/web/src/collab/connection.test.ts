import { describe, expect, it } from 'vitest';
import { connectionState, refusalFrom } from './connection.ts';

describe('connectionState', () => {
  it('is live only while connected', () => {
    expect(connectionState({ connected: true, online: true, refusal: null })).toBe('live');
    expect(connectionState({ connected: false, online: true, refusal: null })).toBe('reconnecting');
  });

  it('is offline without a network or after a refusal, when retrying would not help', () => {
    expect(connectionState({ connected: false, online: false, refusal: null })).toBe('offline');
    expect(connectionState({ connected: false, online: true, refusal: { code: 'unauthorized', message: '' } })).toBe(
      'offline',
    );
  });
});

describe('refusalFrom', () => {
  it('reads the code a server middleware puts in err.data', () => {
    const error = Object.assign(new Error('Session expired'), {
      data: { code: 'unauthorized', message: 'Session expired' },
    });
    expect(refusalFrom(error)).toEqual({ code: 'unauthorized', message: 'Session expired' });
  });

  it('accepts a message that is itself a code', () => {
    expect(refusalFrom(new Error('protocol_mismatch')).code).toBe('protocol_mismatch');
  });

  it('treats anything else as the server being unreachable', () => {
    expect(refusalFrom(new Error('websocket error')).code).toBe('unavailable');
    expect(refusalFrom(Object.assign(new Error('x'), { data: { code: 'made_up' } })).code).toBe('unavailable');
  });
});
