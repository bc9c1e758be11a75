import type { ParticipantView } from '@moot/protocol';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { seatColor } from '../../collab/editor/caretColor.ts';
import { keepInIndexedDb } from '../../collab/localCopy.ts';
import { assemblyDocuments } from '../../collab/transport.ts';
import { participantSocket, useLiveRoom } from './liveRoom.ts';

/**
 * The one Socket.IO connection of a participant's tab: commands, broadcasts and every open
 * document travel on it. Authenticated by the session cookie in the handshake. Documents are
 * also kept in this browser, so edits made offline survive a reload.
 */
export function useAssemblyRoom(me: ParticipantView, assemblyId: string) {
  const { displayName, seat, id } = me;
  return useLiveRoom(() => {
    const socket = participantSocket();
    const provider = new CollabProvider({
      mode: 'edit',
      transport: assemblyDocuments(socket),
      user: { name: displayName, color: seatColor(seat) },
      keepLocally: keepInIndexedDb(assemblyId, id),
    });
    return { socket, provider };
  }, [displayName, seat, id, assemblyId]);
}
