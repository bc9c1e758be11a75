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
  /** An open vote paused because too few members are present for its quorum: ballots wait. */
  votePaused: 'vote_paused',
  /** The assembly is archived: its record and watch page stay readable, nothing in it changes. */
  archived: 'archived',
  /** An invite card past its expiry date: the organiser can issue a new one. */
  expired: 'expired',
  /** The file or the members changed between a preview and its confirmation: preview again. */
  stale: 'stale',
  /** A leader's reply after the deadline the moderator set: the moderator may move it. */
  deadlinePassed: 'deadline_passed',
  unavailable: 'unavailable',
  protocolMismatch: 'protocol_mismatch',
  internal: 'internal',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * Why, as a code with parameters (`evidence.tooLong`, `{field, max}`): the client words it in the
 * reader's language and falls back to `message` (English) for a key it does not know.
 */
export interface ErrorReason {
  key: string;
  params?: Record<string, string | number>;
}

export interface ProtocolError {
  code: ErrorCode;
  message: string;
  reason?: ErrorReason;
  /** With `rate_limited`: seconds until the same request would be taken (a refused handshake carries it). */
  retryAfterSeconds?: number;
}

/** The reply to every command: sent by the server through the Socket.IO acknowledgement. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ProtocolError };
export type AckCallback<T> = (ack: Ack<T>) => void;

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, reason?: ErrorReason): Ack<never> => ({
  ok: false,
  error: reason ? { code, message, reason } : { code, message },
});

/**
 * Why the door every command passes refused it (`command.*` in `REFUSAL_REASONS`): too many
 * messages, a role the command is not for, an archived assembly, a failure on the server.
 */
export const COMMAND_REASONS = ['rateLimited', 'notForRole', 'archived', 'serverFault'] as const;
