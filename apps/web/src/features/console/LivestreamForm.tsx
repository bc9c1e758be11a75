import type { Livestream } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';

/**
 * The livestream the public watch page embeds. The server decides what may be embedded (YouTube,
 * Vimeo, its own list of PeerTube sites) and says why when it refuses; the address stays typed.
 */
export function LivestreamForm({ socket, livestream }: { socket: AssemblySocket; livestream: Livestream | null }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [url, setUrl] = useState('');
  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="livestream-form">
      <h2 id={`${id}-h`}>{t('desk.livestream.heading')}</h2>
      <p data-testid="livestream-current">
        {livestream ? t('desk.livestream.current', { url: livestream.url }) : t('desk.livestream.none')}
      </p>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          void commands.run('livestream:set', { url }).then((ok) => ok && setUrl(''));
        }}
      >
        <label htmlFor={`${id}-url`}>{t('desk.livestream.label')}</label>
        <input
          id={`${id}-url`}
          type="url"
          inputMode="url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-describedby={`${id}-hint`}
          required
        />
        <button type="submit" disabled={commands.busy}>
          {t('desk.livestream.save')}
        </button>
      </form>
      <p id={`${id}-hint`} className="hint">
        {t('desk.livestream.hint')}
      </p>
      {livestream && (
        <button type="button" className="secondary" onClick={() => void commands.run('livestream:set', { url: '' })}>
          {t('desk.livestream.remove')}
        </button>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
