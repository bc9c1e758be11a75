import type { LeaderHearing, SessionState } from '@moot/protocol';
import { participantRoom, type MootServer } from '../../realtime/socketData.ts';
import type { Queryable } from '../../storage/database.ts';
import { leaderSeatsOfCase, leaderView } from './leaderStore.ts';

type PublicSession = Omit<SessionState, 'version'>;

/** The case the current agenda item is about, while it is under way. */
function caseOfCurrentItem(session: PublicSession | null): string | null {
  const item = session?.agenda.find((i) => i.id === session.currentItemId);
  return item && item.caseId && item.status !== 'done' ? item.caseId : null;
}

/**
 * A leader's live view of their hearing: while the current agenda item is about their case, that
 * item, who has the floor and how many wait, read from the session view the public gets (the
 * observers' view: pseudonyms, no names in the queue). Null otherwise: nothing else of the
 * session reaches the leader's narrow seat.
 */
export function hearingFor(session: PublicSession | null, caseId: string): LeaderHearing | null {
  if (!session || caseOfCurrentItem(session) !== caseId) return null;
  const item = session.agenda.find((i) => i.id === session.currentItemId)!;
  const turn = session.turn;
  const speakerRole = turn
    ? (session.attendees.find((a) => a.participantId === turn.participantId)?.role ?? null)
    : null;
  return { sessionTitle: session.title, item, turn, speakerRole, waiting: session.queue.length };
}

/**
 * After the public's view of the session changed: the leaders of the case whose hearing is under
 * way get it, and the leaders of a case whose hearing just stopped being current get null. Each to
 * their own seat's room (every node); a session with no hearing before or after costs nothing.
 */
export async function publishHearings(
  db: Queryable,
  io: MootServer,
  assemblyId: string,
  before: PublicSession | null,
  after: PublicSession | null,
): Promise<void> {
  const now = caseOfCurrentItem(after);
  const was = caseOfCurrentItem(before);
  for (const caseId of new Set([now, was].filter((id): id is string => id !== null))) {
    const hearing = hearingFor(after, caseId);
    for (const seat of await leaderSeatsOfCase(db, caseId)) {
      // Their case's list of hearings changes with it (the item started, or ended).
      const view = await leaderView(db, assemblyId, seat);
      if (view) io.to(participantRoom(seat.participantId)).emit('leader:state', view);
      io.to(participantRoom(seat.participantId)).emit('leader:hearing', hearing);
    }
  }
}
