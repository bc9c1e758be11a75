import { ErrorCode, LIMITS, PROTOCOL_VERSION, secret, type AssemblyView, type ErrorCode as Code } from '@moot/protocol';
import type { ExtendedError, Socket } from 'socket.io';
import type { AppContext } from '../../appContext.ts';
import { InOrder } from '../../realtime/inOrder.ts';
import { TokenBucket } from '../../realtime/rateLimit.ts';
import type { SocketData } from '../../realtime/socketData.ts';
import { findAssemblyByWatchKey } from '../assemblies/assemblyStore.ts';
import { archived } from '../organise/archive.ts';
import { sessionToken } from './inviteRoutes.ts';
import { deviceSeen } from './deviceStore.ts';
import { findSession } from './participantStore.ts';
import { sessionRoom } from './sessionRoom.ts';

type Next = (err?: ExtendedError) => void;
type Deps = Pick<AppContext, 'db' | 'clientAddress' | 'throttles'>;

/** A handshake refusal the client can read: `err.message` is the code, `err.data` the details. */
function refuse(code: Code, message: string, retryAfterSeconds?: number): ExtendedError {
  return Object.assign(new Error(code), { data: { code, message, retryAfterSeconds } });
}

/** The client reconnects by itself after `retryAfter` seconds (`apps/web/src/collab/handshakeRetry.ts`). */
const tooMany = (retryAfter: number, what: string) =>
  refuse(ErrorCode.rateLimited, `${what}; trying again in ${retryAfter} s`, retryAfter);

function protocolOk(socket: Socket): boolean {
  const auth = socket.handshake.auth as { protocol?: unknown } | undefined;
  return auth?.protocol === PROTOCOL_VERSION;
}

/**
 * The checks every handshake passes before its secret is looked up: the protocol version, then
 * the address's handshake budget (a refusal costs no database work), so a flood of handshakes
 * from one address is answered "try again in N s" instead of evaluated.
 */
function admit(deps: Deps, socket: Socket): { address: string } | { refusal: ExtendedError } {
  if (!protocolOk(socket)) return { refusal: refuse(ErrorCode.protocolMismatch, 'Please reload: Moot was updated') };
  const address = deps.clientAddress(socket.request);
  const wait = deps.throttles.handshakes.take(address);
  if (wait > 0) return { refusal: tooMany(wait, 'Too many connections from your network') };
  return { address };
}

const fresh = (address: string): Pick<SocketData, 'address' | 'openDocuments' | 'documentMessages' | 'bucket'> => ({
  address,
  openDocuments: new Map(),
  documentMessages: new InOrder(),
  bucket: new TokenBucket(),
});

/** Members and moderators: the session cookie set when their invite was redeemed. */
export const authenticateParticipant = (deps: Deps) => async (socket: Socket, next: Next) => {
  try {
    const admitted = admit(deps, socket);
    if ('refusal' in admitted) return next(admitted.refusal);
    const token = sessionToken(socket.handshake.headers.cookie);
    if (!token) return next(refuse(ErrorCode.unauthorized, 'Open your invite link to join'));
    const looked = await deps.throttles.secrets.guard(admitted.address, [token], () => findSession(deps.db, token));
    if ('retryAfter' in looked) return next(tooMany(looked.retryAfter, 'Too many wrong sessions from your network'));
    const found = looked.found;
    if (!found) return next(refuse(ErrorCode.unauthorized, 'Open your invite link to join'));
    socket.data = {
      ...fresh(admitted.address),
      assembly: found.assembly,
      role: found.participant.role,
      participant: found.participant,
      deviceId: found.deviceId,
      archived: () => archived(deps.db, found.assembly.id),
    };
    await Promise.all([socket.join(sessionRoom(token)), deviceSeen(deps.db, token)]);
    next();
  } catch {
    next(refuse(ErrorCode.unavailable, 'The server could not check your session; retrying'));
  }
};

/**
 * One assembly view per assembly for its observers on this node, not one per socket: a hearing's
 * thousand observers share it. A changed title or charge replaces it for sockets from then on.
 */
const observedAssemblies = new Map<string, AssemblyView>();
function sharedView(view: AssemblyView): AssemblyView {
  const known = observedAssemblies.get(view.id);
  if (known && known.title === view.title && known.charge === view.charge) return known;
  if (observedAssemblies.size >= LIMITS.maxTrackedClients) observedAssemblies.clear();
  observedAssemblies.set(view.id, view);
  return view;
}

/** Observers: only the secret of the public watch link; no account. */
export const authenticateObserver = (deps: Deps) => async (socket: Socket, next: Next) => {
  try {
    const admitted = admit(deps, socket);
    if ('refusal' in admitted) return next(admitted.refusal);
    const key = secret.safeParse((socket.handshake.auth as { watchKey?: unknown }).watchKey);
    if (!key.success) return next(refuse(ErrorCode.unauthorized, 'This watch link is not valid'));
    const looked = await deps.throttles.secrets.guard(admitted.address, [key.data], () =>
      findAssemblyByWatchKey(deps.db, key.data),
    );
    if ('retryAfter' in looked) return next(tooMany(looked.retryAfter, 'Too many wrong watch links from your network'));
    const assembly = looked.found;
    if (!assembly) return next(refuse(ErrorCode.unauthorized, 'This watch link is not valid'));
    socket.data = { ...fresh(admitted.address), assembly: sharedView(assembly), role: 'observer', participant: null };
    next();
  } catch {
    next(refuse(ErrorCode.unavailable, 'The server could not check the watch link; retrying'));
  }
};
