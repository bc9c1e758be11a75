import { NAMESPACES, PROTOCOL_VERSION, TRANSPORTS, wireParser } from '@moot/protocol';
import type { AssemblyHandshake, WatchHandshake } from '@moot/protocol';
import { useEffect, useReducer, useState, type Dispatch } from 'react';
import { io } from 'socket.io-client';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket, WatchSocket } from '../../collab/transport.ts';
import { TrackerStore } from '../accountability/trackerStore.ts';
import { AppealsStore } from '../appeals/appealsStore.ts';
import { CasesStore } from '../cases/casesStore.ts';
import { CommentsStore } from '../comments/commentsStore.ts';
import { ConsensusStore } from '../consensus/consensusStore.ts';
import { SessionStore } from '../session/sessionStore.ts';
import { DecisionsStore } from '../votes/decisionsStore.ts';
import { PanelsStore, registerPanels } from '../panels/panelsStore.ts';
import { roomReducer } from './roomState.ts';

export interface LiveRoom<S extends AssemblySocket | WatchSocket> {
  socket: S;
  provider: CollabProvider;
  sessions: SessionStore;
  comments: CommentsStore;
  decisions: DecisionsStore;
  cases: CasesStore;
  consensus: ConsensusStore;
  tracker: TrackerStore;
  appeals: AppealsStore;
}

/**
 * What a participant's and an observer's connection share: the room's broadcasts feed the
 * reducer and the stores, all listening before the socket connects (the first frames arrive
 * right after the handshake). Returns the live room and its teardown.
 */
export function openLiveRoom<S extends AssemblySocket | WatchSocket>(
  socket: S,
  provider: CollabProvider,
  dispatch: Dispatch<Parameters<typeof roomReducer>[1]>,
): { live: LiveRoom<S>; close: () => void } {
  const broadcasts = socket as AssemblySocket;
  broadcasts.on('assembly:snapshot', (snapshot) => dispatch({ type: 'snapshot', snapshot }));
  broadcasts.on('charter:updated', ({ standards }) => dispatch({ type: 'charter', standards }));
  broadcasts.on('watchers:count', ({ count }) => dispatch({ type: 'watchers', count }));
  broadcasts.on('programme:state', (programme) => dispatch({ type: 'programme', programme }));
  const sessions = new SessionStore(socket);
  const comments = new CommentsStore(socket);
  const decisions = new DecisionsStore(socket);
  const cases = new CasesStore(socket);
  const consensus = new ConsensusStore(socket);
  const tracker = new TrackerStore(socket);
  const appeals = new AppealsStore(socket);
  const panels = new PanelsStore(socket);
  registerPanels(provider, panels);
  socket.connect();
  return {
    live: { socket, provider, sessions, comments, decisions, cases, consensus, tracker, appeals },
    close: () => {
      sessions.destroy();
      comments.destroy();
      decisions.destroy();
      cases.destroy();
      consensus.destroy();
      tracker.destroy();
      appeals.destroy();
      panels.destroy();
      provider.destroy();
      socket.disconnect();
    },
  };
}

/** A participant's socket to `/assembly`, authenticated by the session cookie; not yet connected. */
export function participantSocket(): AssemblySocket {
  const auth: AssemblyHandshake = { protocol: PROTOCOL_VERSION };
  return io(NAMESPACES.assembly, {
    transports: TRANSPORTS,
    parser: wireParser,
    auth,
    withCredentials: true,
    autoConnect: false,
  });
}

/** An observer's socket to `/watch`, authenticated by the watch key in the handshake; not yet connected. */
export function observerSocket(watchKey: string): WatchSocket {
  const auth: WatchHandshake = { protocol: PROTOCOL_VERSION, watchKey };
  return io(NAMESPACES.watch, { transports: TRANSPORTS, parser: wireParser, auth, autoConnect: false });
}

/**
 * A page's live room, open while `deps` stay the same: `open` makes the socket and the
 * documents' provider (null: no room, e.g. no key yet); the room's parts are null until it is
 * open, and again while it reopens.
 */
export function useLiveRoom<S extends AssemblySocket | WatchSocket>(
  open: (() => { socket: S; provider: CollabProvider }) | null,
  deps: readonly unknown[],
) {
  const [live, setLive] = useState<LiveRoom<S> | null>(null);
  const [room, dispatch] = useReducer(roomReducer, null);
  useEffect(() => {
    if (!open) return;
    const { socket, provider } = open();
    const opened = openLiveRoom(socket, provider, dispatch);
    setLive(opened.live);
    return () => {
      setLive(null);
      opened.close();
    };
    // `deps` say everything about `open` that matters (a new closure each render must not reconnect).
  }, deps);
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
