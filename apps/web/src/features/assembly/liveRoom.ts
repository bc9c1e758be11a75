import type { Dispatch } from 'react';
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
import type { roomReducer } from './roomState.ts';

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
