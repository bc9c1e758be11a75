import './strings.ts';
import './organise.css';
import type { AssemblyDetails, OrganisedAssemblyDetail } from '@moot/protocol';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { AssemblyForm } from './AssemblyForm.tsx';
import { AssemblyStatus } from './AssemblyStatus.tsx';
import { LinksSection } from './LinksSection.tsx';
import { PanelFileSection } from '../panels/PanelFileSection.tsx';
import { loadAssembly, saveAssembly, archiveAssembly } from './organiseApi.ts';
import { PeopleSection } from './PeopleSection.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'out' }
  | { status: 'missing' }
  | { status: 'failed'; error: RequestError }
  | { status: 'ready'; detail: OrganisedAssemblyDetail };

const detailsOf = ({ assembly: a }: OrganisedAssemblyDetail): AssemblyDetails => ({
  title: a.title,
  charge: a.charge,
  description: a.description,
  languages: a.languages,
  startsOn: a.startsOn,
  endsOn: a.endsOn,
  commissionedBy: a.commissionedBy,
  listed: a.listed,
});

/** `/organise/:assemblyId`: one assembly I organise — its details, people, links, and archiving. */
export function OrganiseAssemblyPage() {
  const { t } = useTranslation();
  const { assemblyId = '' } = useParams();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [saved, setSaved] = useState(0);

  const reload = useCallback(async () => {
    const result = await loadAssembly(assemblyId);
    if (result.ok) setLoaded({ status: 'ready', detail: result.data });
    else if (result.status === 401) setLoaded({ status: 'out' });
    else if (result.status === 404 || result.status === 400) setLoaded({ status: 'missing' });
    else setLoaded({ status: 'failed', error: result.error });
  }, [assemblyId]);
  useEffect(() => void reload(), [reload]);

  const title = loaded.status === 'ready' ? loaded.detail.assembly.title : t('organise.title');
  return (
    <Page title={title}>
      <p>
        <Link to="/organise">{t('organise.assembly.back')}</Link>
      </p>
      {loaded.status === 'ready' ? (
        <>
          <h1>
            {title} <AssemblyStatus assembly={loaded.detail.assembly} />
          </h1>
          {loaded.detail.assembly.archived && (
            <p className="notice" role="status">
              {t('organise.assembly.archivedNotice')}
            </p>
          )}
          <Details
            key={`${loaded.detail.assembly.id}-${saved}`}
            detail={loaded.detail}
            onSave={async (details) => {
              const result = await saveAssembly(assemblyId, details);
              if (!result.ok) return result.error;
              setSaved((n) => n + 1);
              await reload();
              return null;
            }}
            justSaved={saved > 0}
          />
          <MembersLink assemblyId={loaded.detail.assembly.id} />
          <PeopleSection detail={loaded.detail} onChanged={reload} />
          <LinksSection detail={loaded.detail} onChanged={reload} />
          <PanelFileSection assemblyId={loaded.detail.assembly.id} />
          {!loaded.detail.assembly.archived && <ArchiveSection detail={loaded.detail} onArchived={reload} />}
        </>
      ) : (
        <>
          <h1>{title}</h1>
          {loaded.status === 'loading' ? (
            <Loading label={t('organise.assembly.loading')} />
          ) : loaded.status === 'out' ? (
            <div className="notice notice-error" role="alert" data-error-code="unauthorized">
              <p>{t('organise.needLink')}</p>
            </div>
          ) : loaded.status === 'missing' ? (
            <div className="notice notice-error" role="alert" data-error-code="not_found">
              <p>{t('organise.assembly.notFound')}</p>
            </div>
          ) : (
            <ErrorNotice error={loaded.error} />
          )}
        </>
      )}
    </Page>
  );
}

function Details({
  detail,
  onSave,
  justSaved,
}: {
  detail: OrganisedAssemblyDetail;
  onSave: (details: AssemblyDetails) => Promise<ShownError | null>;
  justSaved: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('organise.assembly.detailsHeading')}</h2>
      {justSaved && (
        <p className="hint" role="status">
          {t('organise.assembly.saved')}
        </p>
      )}
      <AssemblyForm
        initial={detailsOf(detail)}
        submitLabel={t('organise.assembly.save')}
        busyLabel={t('organise.assembly.saving')}
        readOnly={detail.assembly.archived}
        onSubmit={onSave}
      />
    </section>
  );
}

/** The way to the members the lottery drew: their own page, behind this same organiser session. */
function MembersLink({ assemblyId }: { assemblyId: string }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('organiserMembers.heading')}</h2>
      <p>{t('organiserMembers.hint')}</p>
      <p>
        <Link to={`/organise/${encodeURIComponent(assemblyId)}/members`}>{t('organiserMembers.open')}</Link>
      </p>
    </section>
  );
}

function ArchiveSection({ detail, onArchived }: { detail: OrganisedAssemblyDetail; onArchived: () => Promise<void> }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RequestError | null>(null);
  async function archive() {
    setBusy(true);
    const result = await archiveAssembly(detail.assembly.id);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    await onArchived();
  }
  return (
    <section className="console-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('organise.assembly.archiveHeading')}</h2>
      <p>{t('organise.assembly.archiveExplain')}</p>
      {error && <ErrorNotice error={error} />}
      {confirming ? (
        <div
          className="button-row"
          role="group"
          aria-label={t('organise.assembly.confirmArchive', { title: detail.assembly.title })}
        >
          <span>{t('organise.assembly.confirmArchive', { title: detail.assembly.title })}</span>
          <button type="button" className="danger" aria-disabled={busy} onClick={() => !busy && void archive()}>
            {t('organise.assembly.confirm')}
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            {t('organise.assembly.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t('organise.assembly.archive')}
        </button>
      )}
    </section>
  );
}
