import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser } from '@moot/protocol';
import type { AssemblyHandshake, ParticipantView } from '@moot/protocol';
import { useEffect, useReducer, useState } from 'react';
import { io } from 'socket.io-client';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { seatColor } from '../../collab/editor/caretColor.ts';
import { keepInIndexedDb } from '../../collab/localCopy.ts';
import { assemblyDocuments } from '../../collab/transport.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { openLiveRoom, type LiveRoom } from './liveRoom.ts';
import { roomReducer } from './roomState.ts';

type Live = LiveRoom<AssemblySocket>;

/**
 * The one Socket.IO connection of a participant's tab: commands, broadcasts and every open
 * document travel on it. Authenticated by the session cookie in the handshake. Documents are
 * also kept in this browser, so edits made offline survive a reload.
 */
export function useAssemblyRoom(me: ParticipantView, assemblyId: string) {
  const [live, setLive] = useState<Live | null>(null);
  const [room, dispatch] = useReducer(roomReducer, null);
  const { displayName, seat, id } = me;

  useEffect(() => {
    const auth: AssemblyHandshake = { protocol: PROTOCOL_VERSION };
    const socket: AssemblySocket = io(NAMESPACES.assembly, {
      transports: TRANSPORTS,
      parser: wireParser,
      auth,
      withCredentials: true,
      autoConnect: false,
    });
    const provider = new CollabProvider({
      mode: 'edit',
      transport: assemblyDocuments(socket),
      user: { name: displayName, color: seatColor(seat) },
      keepLocally: keepInIndexedDb(assemblyId, id),
    });
    const { live, close } = openLiveRoom(socket, provider, dispatch);
    setLive(live);
    return () => {
      setLive(null);
      close();
    };
  }, [displayName, seat, id, assemblyId]);

  return {
    socket: live?.socket ?? null,
    provider: live?.provider ?? null,
    sessions: live?.sessions ?? null,
    comments: live?.comments ?? null,
    decisions: live?.decisions ?? null,
    cases: live?.cases ?? null,
    consensus: live?.consensus ?? null,
    tracker: live?.tracker ?? null,
    appeals: live?.appeals ?? null,
    room,
    dispatch,
  };
}
