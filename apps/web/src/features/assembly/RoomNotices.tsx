import type { AppealCase } from '@moot/protocol';
import type { AssemblySocket } from '../../collab/transport.ts';
import { MemberAppeals } from '../appeals/MemberAppeals.tsx';
import { AnnouncementBanner } from '../session/AnnouncementBanner.tsx';
import { MemberStatus } from '../session/MemberStatus.tsx';
import type { SessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { attendeeOf } from '../session/view.ts';

/** Whether the newest action of this kind about me was overturned on appeal. */
function overturned(action: string, cases: readonly AppealCase[] | undefined): boolean {
  const newest = cases?.filter((c) => c.action === action).sort((a, b) => b.at - a.at)[0];
  return newest?.appeal?.status === 'overturned';
}

/**
 * Above every section: the moderators' announcements while a session runs, and what a moderator
 * did about me (muted, removed, a comment hidden) and why, so I learn it wherever I am.
 */
export function RoomNotices({
  feed,
  myId,
  appeals,
}: {
  feed: SessionFeed;
  myId: string;
  /** A member's own moderation cases, each with its appeal (null for everyone else). */
  appeals: { socket: AssemblySocket; cases: readonly AppealCase[] } | null;
}) {
  const { state, offset } = feed;
  // A notice whose action was since overturned on appeal no longer stands: the appeal's outcome says what happened.
  const notice = feed.notice && !overturned(feed.notice.action, appeals?.cases) ? feed.notice : null;
  const running = state && state.status !== 'ended' ? state : null;
  const serverNow = useServerNow(offset, !!running);
  return (
    <>
      {running && <AnnouncementBanner announcements={running.announcements} />}
      {(running || notice?.action === 'hide_comment') && (
        <MemberStatus me={attendeeOf(running, myId)} notice={notice} serverNow={serverNow} offset={offset} />
      )}
      {appeals && <MemberAppeals socket={appeals.socket} cases={appeals.cases} />}
    </>
  );
}
