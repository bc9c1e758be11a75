import type { Livestream } from '@moot/protocol';
import { useEffect, useState } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';

/**
 * The console's view of the livestream the server last sent (`livestream:state`, on connection
 * and after every change; the watch page listens before connecting, in `useWatchRoom`).
 * Listens from the render the socket appears in; the first state follows the connection's
 * handshake round trips, so it arrives after this listener is on.
 */
export function useLivestream(socket: AssemblySocket | null): Livestream | null {
  const [livestream, setLivestream] = useState<Livestream | null>(null);
  useEffect(() => {
    if (!socket) return;
    const listener = (update: { livestream: Livestream | null }) => setLivestream(update.livestream);
    socket.on('livestream:state', listener);
    return () => void socket.off('livestream:state', listener);
  }, [socket]);
  return livestream;
}
