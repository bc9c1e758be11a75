import { organiserLinkPath, watchPath } from '@moot/protocol';
import type { OrganisedAssemblyDetail } from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { LinkToSend, type FreshLink } from './LinkToSend.tsx';
import { coOrganiserLink, rotateWatchLink } from './organiseApi.ts';

/** The watch link (shown while listed, or once when made) and the assembly's organisers, with a co-organiser link. */
export function LinksSection({
  detail,
  onChanged,
}: {
  detail: OrganisedAssemblyDetail;
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const assemblyId = detail.assembly.id;
  const [fresh, setFresh] = useState<FreshLink | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  const listedHref = detail.listedWatchKey ? window.location.origin + watchPath(detail.listedWatchKey) : null;

  async function make(kind: 'watch' | 'co') {
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = kind === 'watch' ? await rotateWatchLink(assemblyId) : await coOrganiserLink(assemblyId);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    if ('watchKey' in result.data) {
      setFresh({
        href: window.location.origin + watchPath(result.data.watchKey),
        note: t('organise.links.rotated'),
        once: !detail.assembly.listed,
      });
      await onChanged();
    } else {
      setFresh({
        href: window.location.origin + organiserLinkPath(result.data.secret),
        note: t('organise.links.coMade'),
        once: true,
      });
    }
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="links">
      <h2 id={`${id}-h`}>{t('organise.links.heading')}</h2>
      {fresh && <LinkToSend link={fresh} onDone={() => setFresh(null)} />}
      {error && <ErrorNotice error={error} />}
      <h3>{t('organise.links.watchHeading')}</h3>
      {listedHref ? (
        <p>
          {t('organise.links.watchListed')}{' '}
          <a href={listedHref} data-testid="watch-link">
            {listedHref}
          </a>
        </p>
      ) : (
        <p>{t('organise.links.watchUnlisted')}</p>
      )}
      <button type="button" className="secondary" aria-disabled={busy} onClick={() => void make('watch')}>
        {t('organise.links.rotate')}
      </button>
      <h3>{t('organise.links.coHeading')}</h3>
      <ul>
        {detail.organisers.map((o) => (
          <li key={o.id}>{o.label}</li>
        ))}
      </ul>
      {!detail.assembly.archived && (
        <button type="button" className="secondary" aria-disabled={busy} onClick={() => void make('co')}>
          {t('organise.links.coLink')}
        </button>
      )}
    </section>
  );
}
