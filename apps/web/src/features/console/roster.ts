import type { ProtocolError, RosterEntry } from '@moot/protocol';
import { useEffect, useState } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { sendCommand } from '../session/commands.ts';

export interface Roster {
  /** Undefined until the first list arrives. */
  entries: readonly RosterEntry[] | undefined;
  /** Why the list could not be read, if it could not. */
  error: ProtocolError | null;
}

/** The assembly's roster: asked for on every (re)connection, then kept by `roster:state`. */
export function useRoster(socket: AssemblySocket): Roster {
  const [roster, setRoster] = useState<Roster>({ entries: undefined, error: null });
  useEffect(() => {
    const onState = ({ participants }: { participants: RosterEntry[] }) =>
      setRoster({ entries: participants, error: null });
    const load = () =>
      void sendCommand(socket, 'roster:list', {}).then((ack) =>
        setRoster((current) =>
          ack.ok ? { entries: ack.data.participants, error: null } : { entries: current.entries, error: ack.error },
        ),
      );
    socket.on('roster:state', onState);
    socket.on('connect', load);
    if (socket.connected) load();
    return () => {
      socket.off('roster:state', onState);
      socket.off('connect', load);
    };
  }, [socket]);
  return roster;
}

/** The link to send someone for a secret, on this site. */
export const inviteLink = (origin: string, path: string): string => new URL(path, origin).href;
