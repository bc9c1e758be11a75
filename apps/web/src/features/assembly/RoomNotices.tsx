import { AnnouncementBanner } from '../session/AnnouncementBanner.tsx';
import { MemberStatus } from '../session/MemberStatus.tsx';
import type { SessionFeed } from '../session/useSessionFeed.ts';
import { useServerNow } from '../session/useServerNow.ts';
import { attendeeOf } from '../session/view.ts';

/**
 * Above every section: the moderators' announcements while a session runs, and what a moderator
 * did about me (muted, removed, a comment hidden) and why, so I learn it wherever I am.
 */
export function RoomNotices({ feed, myId }: { feed: SessionFeed; myId: string }) {
  const { state, offset, notice } = feed;
  const running = state && state.status !== 'ended' ? state : null;
  const serverNow = useServerNow(offset, !!running);
  return (
    <>
      {running && <AnnouncementBanner announcements={running.announcements} />}
      {(running || notice?.action === 'hide_comment') && (
        <MemberStatus me={attendeeOf(running, myId)} notice={notice} serverNow={serverNow} offset={offset} />
      )}
    </>
  );
}
