import type { ParticipantView } from '@moot/protocol';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { seatColor } from '../../collab/editor/caretColor.ts';
import { assemblyDocuments, watchDocuments } from '../../collab/transport.ts';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';
import { observerSocket, participantSocket, useLiveRoom } from '../assembly/liveRoom.ts';

/** Who opens present mode: a room screen with the watch key, or the signed-in moderator (cookie). */
export type PresentAccess = { kind: 'watch'; watchKey: string } | { kind: 'moderator'; me: ParticipantView };

/** The socket and the read-only provider of present mode for who opened it. */
function connection(access: PresentAccess) {
  if (access.kind === 'watch') {
    const socket = observerSocket(access.watchKey);
    return { socket, provider: new CollabProvider({ mode: 'watch', transport: watchDocuments(socket) }) };
  }
  // A participant's socket syncs documents by answering the server's step 1, which only an
  // editing provider does; the fields are still opened read-only and nothing is kept locally.
  const socket = participantSocket();
  const provider = new CollabProvider({
    mode: 'edit',
    transport: assemblyDocuments(socket),
    user: { name: access.me.displayName, color: seatColor(access.me.seat) },
  });
  return { socket, provider };
}

/**
 * Present mode's one connection. With the watch key it is an observer's (`/watch` namespace,
 * pseudonyms, as public as the watch page); for the moderator it is their own session's socket.
 * Either way the documents are only read (opened read-only, drawn without an editable field) and
 * nothing is kept on the device.
 */
export function usePresentRoom(access: PresentAccess | null) {
  const key =
    access === null ? null : access.kind === 'watch' ? `watch:${access.watchKey}` : `moderator:${access.me.id}`;
  // `key` says everything about `access` that matters (a new object each render would reconnect).
  const { socket, provider, sessions, decisions, room } = useLiveRoom<AssemblySocket | WatchSocket>(
    access === null ? null : () => connection(access),
    [key],
  );
  return { socket, provider, sessions, decisions, room };
}
