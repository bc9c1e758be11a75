import { ErrorCode, PROTOCOL_VERSION, secret, type ErrorCode as Code } from '@moot/protocol';
import type { ExtendedError, Socket } from 'socket.io';
import type { Queryable } from '../../storage/database.ts';
import { InOrder } from '../../realtime/inOrder.ts';
import { TokenBucket } from '../../realtime/rateLimit.ts';
import { findAssemblyByWatchKey } from '../assemblies/assemblyStore.ts';
import { sessionToken } from './inviteRoutes.ts';
import { findSession } from './participantStore.ts';
import { sessionRoom } from './secrets.ts';

type Next = (err?: ExtendedError) => void;

/** A handshake refusal the client can read: `err.message` is the code, `err.data` the details. */
function refuse(code: Code, message: string): ExtendedError {
  return Object.assign(new Error(code), { data: { code, message } });
}

function protocolOk(socket: Socket): boolean {
  const auth = socket.handshake.auth as { protocol?: unknown } | undefined;
  return auth?.protocol === PROTOCOL_VERSION;
}

/** Members and moderators: the session cookie set when their invite was redeemed. */
export const authenticateParticipant = (db: Queryable) => async (socket: Socket, next: Next) => {
  try {
    if (!protocolOk(socket)) return next(refuse(ErrorCode.protocolMismatch, 'Please reload: Moot was updated'));
    const token = sessionToken(socket.handshake.headers.cookie);
    const found = token ? await findSession(db, token) : null;
    if (!found) return next(refuse(ErrorCode.unauthorized, 'Open your invite link to join'));
    socket.data = {
      assembly: found.assembly,
      role: found.participant.role,
      participant: found.participant,
      openDocuments: new Map(),
      documentMessages: new InOrder(),
      bucket: new TokenBucket(),
    };
    await socket.join(sessionRoom(token!));
    next();
  } catch {
    next(refuse(ErrorCode.unavailable, 'The server could not check your session; retrying'));
  }
};

/** Observers: only the secret of the public watch link; no account. */
export const authenticateObserver = (db: Queryable) => async (socket: Socket, next: Next) => {
  try {
    if (!protocolOk(socket)) return next(refuse(ErrorCode.protocolMismatch, 'Please reload: Moot was updated'));
    const key = secret.safeParse((socket.handshake.auth as { watchKey?: unknown }).watchKey);
    const assembly = key.success ? await findAssemblyByWatchKey(db, key.data) : null;
    if (!assembly) return next(refuse(ErrorCode.unauthorized, 'This watch link is not valid'));
    socket.data = {
      assembly,
      role: 'observer',
      participant: null,
      openDocuments: new Map(),
      documentMessages: new InOrder(),
      bucket: new TokenBucket(),
    };
    next();
  } catch {
    next(refuse(ErrorCode.unavailable, 'The server could not check the watch link; retrying'));
  }
};
