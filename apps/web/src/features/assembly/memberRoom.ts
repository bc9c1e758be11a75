import type { CaseView, CommentView, ParticipantView } from '@moot/protocol';
import type { Dispatch } from 'react';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import type { RoomDecisions } from '../amendments/useRoomDecisions.ts';
import type { ConsensusSnapshot } from '../consensus/consensusStore.ts';
import type { SessionFeed } from '../session/useSessionFeed.ts';
import type { BallotBox } from '../votes/ballotBox.ts';
import type { RoomEvent, RoomState } from './roomState.ts';

/** Everything a section of `/assembly` reads and acts with: one live room, shared by every section. */
export interface MemberRoom {
  socket: AssemblySocket;
  provider: CollabProvider;
  room: RoomState;
  me: ParticipantView;
  dispatch: Dispatch<RoomEvent>;
  feed: SessionFeed;
  /** May this person edit the charter now (not muted or removed)? */
  canEdit: boolean;
  /** When they may not: why, for the notice on every writable surface. */
  silenced: { mutedUntil: number | null } | null;
  decided: RoomDecisions;
  ballots: BallotBox | null;
  cases: readonly CaseView[] | undefined;
  comments: readonly CommentView[] | undefined;
  commentGroups: ReadonlyMap<string, readonly CommentView[]>;
  isModerator: boolean;
  /** The consensus maps, and this member's own marks. */
  consensus: ConsensusSnapshot;
}
