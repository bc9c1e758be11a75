import { ErrorCode } from '@moot/protocol';
import type { ProtocolError } from '@moot/protocol';

/** What the status bar shows; `data-state` carries the same value for tests. */
export type ConnectionState = 'live' | 'reconnecting' | 'offline';

export interface ConnectionFacts {
  connected: boolean;
  /** The browser's own idea (`navigator.onLine`): false means no network at all. */
  online: boolean;
  /** The server refused the handshake; socket.io will not retry on its own. */
  refusal: ProtocolError | null;
}

export function connectionState({ connected, online, refusal }: ConnectionFacts): ConnectionState {
  if (connected) return 'live';
  if (!online || (refusal && retryDelayMs(refusal) === null)) return 'offline';
  return 'reconnecting';
}

/** Without a Retry-After, a busy or briefly unavailable server is asked again after this long. */
export const HANDSHAKE_RETRY_MS = 5000;
/** Retry-After is a floor: clients refused together spread their retries over this much more. */
export const HANDSHAKE_RETRY_SPREAD = 0.5;

/**
 * How long to wait before asking again after the server refused a handshake, or null when asking
 * again cannot help (wrong link, removed, Moot updated). A rate limit says when; a server that
 * could not reach its database says nothing, and gets the default.
 */
export function retryDelayMs(refusal: ProtocolError, random: () => number = Math.random): number | null {
  const base =
    refusal.code === ErrorCode.rateLimited
      ? (refusal.retryAfterSeconds ?? HANDSHAKE_RETRY_MS / 1000) * 1000
      : refusal.code === ErrorCode.unavailable
        ? HANDSHAKE_RETRY_MS
        : null;
  return base === null ? null : Math.round(base * (1 + HANDSHAKE_RETRY_SPREAD * random()));
}

const CODES = new Set<string>(Object.values(ErrorCode));
const isCode = (value: unknown): value is ErrorCode => typeof value === 'string' && CODES.has(value);

/**
 * Why a handshake failed. A server middleware refuses with `next(err)`; socket.io carries
 * `err.message` and `err.data`. The code is read from `data.code` when the server sets it,
 * else from a message that is itself a code; anything else is a transport failure.
 */
export function refusalFrom(error: Error & { data?: unknown }): ProtocolError {
  const data = error.data;
  if (typeof data === 'object' && data !== null && 'code' in data && isCode(data.code)) {
    const message = 'message' in data && typeof data.message === 'string' ? data.message : error.message;
    const wait = 'retryAfterSeconds' in data ? data.retryAfterSeconds : undefined;
    return typeof wait === 'number' && Number.isFinite(wait) && wait > 0
      ? { code: data.code, message, retryAfterSeconds: wait }
      : { code: data.code, message };
  }
  if (isCode(error.message)) return { code: error.message, message: error.message };
  return { code: ErrorCode.unavailable, message: error.message };
}
