/**
 * Every error a client can see is one of these codes plus a human message. Unknown server
 * failures become `internal`; their details stay in the server log, never on the wire.
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  /** A moderator muted this participant: no edits, comments or hands until the mute ends. */
  muted: 'muted',
  notFound: 'not_found',
  tooLarge: 'too_large',
  rateLimited: 'rate_limited',
  limitReached: 'limit_reached',
  locked: 'locked',
  voteClosed: 'vote_closed',
  /** The assembly is archived: its record and watch page stay readable, nothing in it changes. */
  archived: 'archived',
  unavailable: 'unavailable',
  protocolMismatch: 'protocol_mismatch',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  /** With `rate_limited`: seconds until the same request would be taken (a refused handshake carries it). */
  retryAfterSeconds?: number;
}

/** The reply to every command: sent by the server through the Socket.IO acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Ack<never> => ({
  ok: false,
  error: { code, message },
});
