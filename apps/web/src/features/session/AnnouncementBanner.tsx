import type { AnnouncementView } from '@moot/protocol';
import { useTranslation } from 'react-i18next';

/** Moderators' announcements, newest first, as a banner (announced by the session announcer). */
export function AnnouncementBanner({ announcements }: { announcements: readonly AnnouncementView[] }) {
  const { t } = useTranslation();
  if (announcements.length === 0) return null;
  return (
    <aside className="announcements" aria-label={t('session.announcementsLabel')} data-testid="announcements">
      <ul>
        {[...announcements]
          .sort((a, b) => b.postedAt - a.postedAt)
          .map((a) => (
            <li key={a.id} data-testid="announcement">
              {a.text}
            </li>
          ))}
      </ul>
    </aside>
  );
}
