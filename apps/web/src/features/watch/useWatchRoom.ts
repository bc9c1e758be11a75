import type { Livestream } from '@moot/protocol';
import { useState } from 'react';
import { CollabProvider } from '../../collab/CollabProvider.ts';
import { watchDocuments } from '../../collab/transport.ts';
import { observerSocket, useLiveRoom } from '../assembly/liveRoom.ts';

/**
 * The observer's one connection, to the `/watch` namespace, authenticated by the watch key in
 * the handshake. Its provider is given only the reading side of the socket.
 */
export function useWatchRoom(watchKey: string | null) {
  const [livestream, setLivestream] = useState<Livestream | null>(null);
  const live = useLiveRoom(
    watchKey
      ? () => {
          const socket = observerSocket(watchKey);
          // Before connecting, like every store: the state follows the handshake at once.
          socket.on('livestream:state', (update) => setLivestream(update.livestream));
          return { socket, provider: new CollabProvider({ mode: 'watch', transport: watchDocuments(socket) }) };
        }
      : null,
    [watchKey],
  );
  return { ...live, livestream };
}
