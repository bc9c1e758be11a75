import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { sendCommand } from '../session/commands.ts';
import { BallotBox, NO_BALLOT, type BallotState } from './ballotBox.ts';

/** A member's ballot box on their socket, for as long as the socket lives (null for others). */
export function useBallotBox(socket: AssemblySocket | null, canVote: boolean): BallotBox | null {
  const [box, setBox] = useState<BallotBox | null>(null);
  useEffect(() => {
    if (!socket || !canVote) return;
    const created = new BallotBox({
      connected: () => socket.connected,
      send: (payload) => sendCommand(socket, 'vote:cast', payload),
      onConnect: (listener) => {
        socket.on('connect', listener);
        return () => socket.off('connect', listener);
      },
    });
    setBox(created);
    return () => {
      setBox(null);
      created.destroy();
    };
  }, [socket, canVote]);
  return box;
}

const noop = () => () => {};

/** The state of my ballot in one vote, re-rendering on every change. */
export function useBallot(box: BallotBox | null, voteId: string): BallotState {
  return useSyncExternalStore(box?.subscribe ?? noop, () => box?.stateOf(voteId) ?? NO_BALLOT);
}
