import { LIMITS } from '@moot/protocol';
import type { AnnouncementView } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';

/** Post a banner to everyone, observers included, and clear it. */
export function AnnouncementsConsole({
  socket,
  announcements,
}: {
  socket: AssemblySocket;
  announcements: readonly AnnouncementView[];
}) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [text, setText] = useState('');
  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('console.announceHeading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void commands.run('announcement:post', { text }).then((ok) => ok && setText(''));
        }}
      >
        <label htmlFor={`${id}-text`}>{t('console.announceText')}</label>
        <textarea
          id={`${id}-text`}
          value={text}
          maxLength={LIMITS.maxAnnouncementLength}
          onChange={(e) => setText(e.target.value)}
          required
        />
        <button type="submit">{t('console.post')}</button>
      </form>
      {commands.error && <ErrorNotice error={commands.error} />}
      {announcements.length === 0 ? (
        <p className="empty">{t('console.noAnnouncements')}</p>
      ) : (
        <ul>
          {announcements.map((a) => (
            <li key={a.id}>
              {a.text}{' '}
              <button
                type="button"
                className="secondary"
                aria-label={t('console.clearLabel', { text: a.text })}
                onClick={() => void commands.run('announcement:clear', { announcementId: a.id })}
              >
                {t('console.clear')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
