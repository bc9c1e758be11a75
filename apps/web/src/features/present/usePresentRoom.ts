import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser } from '@moot/protocol';
import type { AssemblyHandshake, ParticipantView, WatchHandshake } from '@moot/protocol';
import { useEffect, useReducer, useState } from 'react';
import { io } from 'socket.io-client';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { seatColor } from '../../collab/editor/caretColor.ts';
import { assemblyDocuments, watchDocuments } from '../../collab/transport.ts';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';
import { openLiveRoom, type LiveRoom } from '../assembly/liveRoom.ts';
import { roomReducer } from '../assembly/roomState.ts';

/** Who opens present mode: a room screen with the watch key, or the signed-in moderator (cookie). */
export type PresentAccess = { kind: 'watch'; watchKey: string } | { kind: 'moderator'; me: ParticipantView };

type Live = LiveRoom<AssemblySocket> | LiveRoom<WatchSocket>;

/**
 * Present mode's one connection. With the watch key it is an observer's (`/watch` namespace,
 * pseudonyms, as public as the watch page); for the moderator it is their own session's socket.
 * Either way the documents are only read (opened read-only, drawn without an editable field) and
 * nothing is kept on the device.
 */
export function usePresentRoom(access: PresentAccess | null) {
  const [live, setLive] = useState<Live | null>(null);
  const [room, dispatch] = useReducer(roomReducer, null);
  const key =
    access === null ? null : access.kind === 'watch' ? `watch:${access.watchKey}` : `moderator:${access.me.id}`;

  useEffect(() => {
    if (access === null) return;
    let opened: { live: Live; close: () => void };
    if (access.kind === 'watch') {
      const auth: WatchHandshake = { protocol: PROTOCOL_VERSION, watchKey: access.watchKey };
      const socket: WatchSocket = io(NAMESPACES.watch, {
        transports: TRANSPORTS,
        parser: wireParser,
        auth,
        autoConnect: false,
      });
      const provider = new CollabProvider({ mode: 'watch', transport: watchDocuments(socket) });
      opened = openLiveRoom(socket, provider, dispatch);
    } else {
      const auth: AssemblyHandshake = { protocol: PROTOCOL_VERSION };
      const socket: AssemblySocket = io(NAMESPACES.assembly, {
        transports: TRANSPORTS,
        parser: wireParser,
        auth,
        withCredentials: true,
        autoConnect: false,
      });
      // A participant's socket syncs documents by answering the server's step 1, which only an
      // editing provider does; the fields are still opened read-only and nothing is kept locally.
      const provider = new CollabProvider({
        mode: 'edit',
        transport: assemblyDocuments(socket),
        user: { name: access.me.displayName, color: seatColor(access.me.seat) },
      });
      opened = openLiveRoom(socket, provider, dispatch);
    }
    setLive(opened.live);
    return () => {
      setLive(null);
      opened.close();
    };
    // `key` says everything about `access` that matters (a new object each render would reconnect).
  }, [key]);

  return {
    socket: live?.socket ?? null,
    provider: live?.provider ?? null,
    sessions: live?.sessions ?? null,
    decisions: live?.decisions ?? null,
    room,
  };
}
