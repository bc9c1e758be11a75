import type { PublishedAggregate } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WatchSocket } from '../../collab/transport.ts';
import { enMembersPublic } from '../../i18n/enMembersPublic.ts';

/**
 * The watch page's view of who was selected: only the categories the organisers published,
 * counts of selected members per value, small counts shown as "fewer than 5". Loaded lazily.
 */
export function PublishedMembers({ socket }: { socket: WatchSocket }) {
  const { t, i18n } = useTranslation();
  // Added through the hook's instance, not `addEnglish`: importing the i18n module here would
  // split it out of the entry chunk and push the watch page over its size budget.
  if (!i18n.exists('membersPublic.heading', { lng: 'en' })) {
    i18n.addResourceBundle('en', 'translation', enMembersPublic, true, false);
  }
  const [published, setPublished] = useState<PublishedAggregate | null>(null);
  useEffect(() => {
    const load = () =>
      socket.timeout(10_000).emit('members:published', {}, (error, ack) => {
        if (!error && ack.ok) setPublished(ack.data);
      });
    socket.on('connect', load);
    if (socket.connected) load();
    return () => {
      socket.off('connect', load);
    };
  }, [socket]);
  if (!published || published.categories.length === 0) return null;
  return (
    <section aria-labelledby="published-members" className="published-members">
      <h2 id="published-members">{t('membersPublic.heading')}</h2>
      <p className="hint">{t('membersPublic.intro', { minimum: published.minimum })}</p>
      {published.categories.map(({ category, values }) => (
        <div className="table-scroll" key={category}>
          <table>
            <caption>{category}</caption>
            <thead>
              <tr>
                <th scope="col">{t('membersPublic.value')}</th>
                <th scope="col">{t('membersPublic.count')}</th>
              </tr>
            </thead>
            <tbody>
              {values.map((v) => (
                <tr key={v.value}>
                  <th scope="row">{v.value}</th>
                  <td>{v.count === null ? t('membersPublic.fewer', { minimum: published.minimum }) : v.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
