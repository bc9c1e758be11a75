import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser } from '@moot/protocol';
import type { AssemblyHandshake, AssemblyServerEvents, LeaderHearing } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { io } from 'socket.io-client';
import type { AssemblySocket } from '../../collab/transport.ts';

/**
 * A narrow seat's one connection (a respondent's, a leader's): the same namespace and session
 * cookie as members, but no documents and no room state; it listens for its one state event.
 */
export function useNarrowSeat<E extends 'accountability:state' | 'leader:state'>(event: E) {
  const [socket, setSocket] = useState<AssemblySocket | null>(null);
  const [state, setState] = useState<Parameters<AssemblyServerEvents[E]>[0] | undefined>(undefined);
  // A leader's hearing live (`leader:hearing`), listened for with the state: it follows it at once.
  const [hearing, setHearing] = useState<LeaderHearing | null>(null);
  useEffect(() => {
    const auth: AssemblyHandshake = { protocol: PROTOCOL_VERSION };
    const s: AssemblySocket = io(NAMESPACES.assembly, {
      transports: TRANSPORTS,
      parser: wireParser,
      auth,
      withCredentials: true,
      autoConnect: false,
    });
    // Before connecting: the state follows the handshake at once.
    const listen = s.on as unknown as (e: E, listener: (state: Parameters<AssemblyServerEvents[E]>[0]) => void) => void;
    listen.call(s, event, (next) => setState(next));
    if (event === 'leader:state') s.on('leader:hearing', setHearing);
    s.connect();
    setSocket(s);
    return () => {
      setSocket(null);
      s.disconnect();
    };
  }, [event]);
  return { socket, state, hearing };
}
