import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser } from '@moot/protocol';
import type { Livestream, WatchHandshake } from '@moot/protocol';
import { useEffect, useReducer, useState } from 'react';
import { io } from 'socket.io-client';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { watchDocuments } from '../../collab/transport.ts';
import type { WatchSocket } from '../../collab/transport.ts';
import { openLiveRoom, type LiveRoom } from '../assembly/liveRoom.ts';
import { roomReducer } from '../assembly/roomState.ts';

type Live = LiveRoom<WatchSocket>;

/**
 * The observer's one connection, to the `/watch` namespace, authenticated by the watch key in
 * the handshake. Its provider is given only the reading side of the socket.
 */
export function useWatchRoom(watchKey: string | null) {
  const [live, setLive] = useState<Live | null>(null);
  const [room, dispatch] = useReducer(roomReducer, null);
  const [livestream, setLivestream] = useState<Livestream | null>(null);

  useEffect(() => {
    if (!watchKey) return;
    const auth: WatchHandshake = { protocol: PROTOCOL_VERSION, watchKey };
    const socket: WatchSocket = io(NAMESPACES.watch, {
      transports: TRANSPORTS,
      parser: wireParser,
      auth,
      autoConnect: false,
    });
    // Before connecting, like every store: the state follows the handshake at once.
    socket.on('livestream:state', (update) => setLivestream(update.livestream));
    const provider = new CollabProvider({ mode: 'watch', transport: watchDocuments(socket) });
    const { live, close } = openLiveRoom(socket, provider, dispatch);
    setLive(live);
    return () => {
      setLive(null);
      close();
    };
  }, [watchKey]);

  return {
    socket: live?.socket ?? null,
    provider: live?.provider ?? null,
    sessions: live?.sessions ?? null,
    comments: live?.comments ?? null,
    decisions: live?.decisions ?? null,
    cases: live?.cases ?? null,
    consensus: live?.consensus ?? null,
    tracker: live?.tracker ?? null,
    room,
    livestream,
  };
}
