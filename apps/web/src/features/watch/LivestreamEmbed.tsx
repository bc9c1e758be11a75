import type { Livestream } from '@moot/protocol';
import { useTranslation } from 'react-i18next';

/**
 * (Loaded through `WatchLive.tsx`, which brings its strings and styles.)
 * The sitting's livestream, framed from the address the server built (`embedUrl`, from the
 * video id on an allowed host; the CSP's `frame-src` allows only those hosts). The player gets
 * no more than it needs: no referrer, a sandbox with scripts and full screen only.
 */
export function LivestreamEmbed({ livestream }: { livestream: Livestream }) {
  const { t } = useTranslation();
  const provider = t(`watchLive.providers.${livestream.provider}`);
  return (
    <section className="livestream" aria-labelledby="livestream-heading" data-testid="livestream">
      <h2 id="livestream-heading">{t('watchLive.livestreamHeading')}</h2>
      <div className="livestream-frame">
        <iframe
          src={livestream.embedUrl}
          title={t('watchLive.livestreamTitle', { provider })}
          allow="fullscreen; picture-in-picture; encrypted-media"
          allowFullScreen
          referrerPolicy="no-referrer"
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          loading="lazy"
        />
      </div>
      <p>
        <a href={livestream.url} rel="noopener noreferrer" target="_blank">
          {t('watchLive.livestreamLink', { provider })}
        </a>
      </p>
    </section>
  );
}
