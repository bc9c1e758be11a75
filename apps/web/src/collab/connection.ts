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
  if (!online || refusal) return 'offline';
  return 'reconnecting';
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
    return { code: data.code, message };
  }
  if (isCode(error.message)) return { code: error.message, message: error.message };
  return { code: ErrorCode.unavailable, message: error.message };
}
