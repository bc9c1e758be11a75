import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ProtocolError } from '@moot/protocol';
import { HANDSHAKE_RETRY_MS, HANDSHAKE_RETRY_SPREAD } from './connection.ts';
import { retryRefusedHandshakes, type Timers } from './handshakeRetry.ts';

/** A socket the server refused (inactive) or is retrying (active), and timers the test fires by hand. */
function harness(active = false) {
  const events = new EventEmitter();
  let connects = 0;
  const socket = {
    active,
    connect: () => connects++,
    on: (event: 'connect_error', listener: (error: Error) => void) => events.on(event, listener),
    off: (event: 'connect_error', listener: (error: Error) => void) => events.off(event, listener),
  };
  const scheduled: { run: () => void; ms: number; cleared: boolean }[] = [];
  const timers: Timers = {
    set: (run, ms) => scheduled.push({ run, ms, cleared: false }) - 1,
    clear: (handle) => (scheduled[handle as number]!.cleared = true),
  };
  const heard: (ProtocolError | null)[] = [];
  const dispose = retryRefusedHandshakes(socket, (refusal) => heard.push(refusal), timers);
  const refuse = (data: unknown) => events.emit('connect_error', Object.assign(new Error('refused'), { data }));
  return {
    socket,
    refuse,
    scheduled,
    heard,
    dispose,
    connects: () => connects,
    listeners: () => events.listenerCount('connect_error'),
  };
}

describe('a refused handshake', () => {
  it('is asked again after the Retry-After the server gave, spread so a refused hall does not return at once', () => {
    const h = harness();
    h.refuse({ code: 'rate_limited', message: 'Too many', retryAfterSeconds: 6 });
    expect(h.heard).toEqual([{ code: 'rate_limited', message: 'Too many', retryAfterSeconds: 6 }]);
    expect(h.scheduled).toHaveLength(1);
    expect(h.scheduled[0]!.ms).toBeGreaterThanOrEqual(6000);
    expect(h.scheduled[0]!.ms).toBeLessThanOrEqual(6000 * (1 + HANDSHAKE_RETRY_SPREAD));
    expect(h.connects()).toBe(0);
    h.scheduled[0]!.run();
    expect(h.connects()).toBe(1);
  });

  it('is asked again after the default wait when the server could not check it', () => {
    const h = harness();
    h.refuse({ code: 'unavailable', message: 'database down' });
    expect(h.scheduled[0]!.ms).toBeGreaterThanOrEqual(HANDSHAKE_RETRY_MS);
  });

  it('is not asked again when the answer was no, and the page hears why', () => {
    const h = harness();
    h.refuse({ code: 'unauthorized', message: 'Open your invite link to join' });
    h.refuse({ code: 'protocol_mismatch', message: 'Please reload' });
    expect(h.scheduled).toHaveLength(0);
    expect(h.heard.map((r) => r?.code)).toEqual(['unauthorized', 'protocol_mismatch']);
  });

  it('leaves a lost connection to socket.io, which is still retrying', () => {
    const h = harness(true);
    h.refuse({ code: 'rate_limited', message: 'Too many', retryAfterSeconds: 6 });
    expect(h.scheduled).toHaveLength(0);
    expect(h.heard).toEqual([null]);
  });

  it('keeps one retry pending, and none once the page is gone', () => {
    const h = harness();
    h.refuse({ code: 'rate_limited', message: 'a', retryAfterSeconds: 1 });
    h.refuse({ code: 'rate_limited', message: 'b', retryAfterSeconds: 2 });
    expect(h.scheduled.map((s) => s.cleared)).toEqual([true, false]);
    h.dispose();
    expect(h.scheduled[1]!.cleared).toBe(true);
    expect(h.listeners()).toBe(0);
  });
});
