import { describe, expect, it } from 'vitest';
import { connectionState, refusalFrom, retryDelayMs } from './connection.ts';

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

describe('a refusal that says "later"', () => {
  it('keeps the status on reconnecting, since the client asks again by itself', () => {
    const busy = { code: 'rate_limited', message: '', retryAfterSeconds: 6 } as const;
    expect(connectionState({ connected: false, online: true, refusal: busy })).toBe('reconnecting');
    expect(connectionState({ connected: false, online: true, refusal: { code: 'unavailable', message: '' } })).toBe(
      'reconnecting',
    );
  });

  it("waits the server's Retry-After, and reads it from the refusal", () => {
    const error = Object.assign(new Error('rate_limited'), {
      data: { code: 'rate_limited', message: 'Too many', retryAfterSeconds: 6 },
    });
    const refusal = refusalFrom(error);
    expect(refusal.retryAfterSeconds).toBe(6);
    expect(retryDelayMs(refusal, () => 0)).toBe(6000);
    expect(retryDelayMs({ code: 'unauthorized', message: '' })).toBeNull();
    // A nonsense wait from the wire is ignored, not obeyed.
    expect(
      refusalFrom(
        Object.assign(new Error('x'), { data: { code: 'rate_limited', message: '', retryAfterSeconds: -1 } }),
      ),
    ).not.toHaveProperty('retryAfterSeconds');
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
