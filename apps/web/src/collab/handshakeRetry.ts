import type { ProtocolError } from '@moot/protocol';
import { refusalFrom, retryDelayMs } from './connection.ts';

/** The part of a Socket.IO client this needs. */
export interface RetryableSocket {
  readonly active: boolean;
  connect(): unknown;
  on(event: 'connect_error', listener: (error: Error) => void): unknown;
  off(event: 'connect_error', listener: (error: Error) => void): unknown;
}

export interface Timers {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Socket.IO retries a lost connection by itself, but not a handshake the server refused: the
 * socket goes inactive. A refusal that says "later" (a rate limit's Retry-After, a server that
 * could not check the session) is asked again once its wait is over; one that says "no" is left
 * to the page to explain. `onRefused` hears every refusal. Returns the disposer.
 */
export function retryRefusedHandshakes(
  socket: RetryableSocket,
  onRefused: (refusal: ProtocolError | null) => void,
  timers: Timers = realTimers,
): () => void {
  let pending: unknown = null;
  const onConnectError = (error: Error) => {
    // While `active`, socket.io is retrying by itself.
    if (socket.active) return onRefused(null);
    const refusal = refusalFrom(error);
    onRefused(refusal);
    const delay = retryDelayMs(refusal);
    if (delay === null) return;
    if (pending !== null) timers.clear(pending);
    pending = timers.set(() => {
      pending = null;
      socket.connect();
    }, delay);
  };
  socket.on('connect_error', onConnectError);
  return () => {
    if (pending !== null) timers.clear(pending);
    socket.off('connect_error', onConnectError);
  };
}
