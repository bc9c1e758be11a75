import './strings.ts';
import './organise.css';
import { watchPath } from '@moot/protocol';
import type { OrganisedList } from '@moot/protocol';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { AssemblyForm, EMPTY_DETAILS } from './AssemblyForm.tsx';
import { LinkToSend, type FreshLink } from './LinkToSend.tsx';
import { createAssembly, listMine, signOut } from './organiseApi.ts';
import { AssemblyStatus } from './AssemblyStatus.tsx';

type Mine =
  | { status: 'loading' }
  | { status: 'out' }
  | { status: 'failed'; error: RequestError }
  | ({ status: 'in' } & OrganisedList);

/** Loads what the signed-in organiser runs; `out` without an organiser session. */
export function useMine() {
  const [mine, setMine] = useState<Mine>({ status: 'loading' });
  const reload = useCallback(async () => {
    const result = await listMine();
    if (result.ok) setMine({ status: 'in', ...result.data });
    else if (result.status === 401) setMine({ status: 'out' });
    else setMine({ status: 'failed', error: result.error });
  }, []);
  useEffect(() => void reload(), [reload]);
  return { mine, reload };
}

/** `/organise`: the assemblies I organise, and a form to create one. */
export function OrganisePage() {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const { mine, reload } = useMine();
  const [fresh, setFresh] = useState<FreshLink | null>(null);
  const [formKey, setFormKey] = useState(0);

  return (
    <Page title={t('organise.title')}>
      <h1>{t('organise.title')}</h1>
      {mine.status === 'loading' ? (
        <Loading label={t('organise.loading')} />
      ) : mine.status === 'out' ? (
        <div className="notice notice-error" role="alert" data-error-code="unauthorized">
          <p>{t('organise.needLink')}</p>
        </div>
      ) : mine.status === 'failed' ? (
        <ErrorNotice error={mine.error} />
      ) : (
        <>
          <div className="organise-who">
            <p>{t('organise.signedInAs', { label: mine.me.label })}</p>
            <button
              type="button"
              className="secondary"
              onClick={() => void signOut().then(() => navigate('/', { replace: true }))}
            >
              {t('organise.signOut')}
            </button>
          </div>
          <section aria-labelledby={`${id}-mine`}>
            <h2 id={`${id}-mine`}>{t('organise.myHeading')}</h2>
            {mine.assemblies.length === 0 ? (
              <p>{t('organise.none')}</p>
            ) : (
              <ul className="organise-list" data-testid="my-assemblies">
                {mine.assemblies.map((a) => (
                  <li key={a.id}>
                    <Link to={`/organise/${a.id}`} aria-label={t('organise.manage', { title: a.title })}>
                      {a.title}
                    </Link>{' '}
                    <AssemblyStatus assembly={a} />
                    <p className="hint">{a.charge}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby={`${id}-create`}>
            <h2 id={`${id}-create`}>{t('organise.createHeading')}</h2>
            {fresh && <LinkToSend link={fresh} onDone={() => setFresh(null)} />}
            <AssemblyForm
              key={formKey}
              initial={EMPTY_DETAILS}
              submitLabel={t('organise.create')}
              busyLabel={t('organise.creating')}
              onSubmit={async (details) => {
                const result = await createAssembly(details);
                if (!result.ok) return result.error;
                setFresh({
                  href: window.location.origin + watchPath(result.data.watchKey),
                  note: `${t('organise.created')} ${t('organise.links.watchHeading')}`,
                  once: !details.listed,
                });
                setFormKey((k) => k + 1);
                await reload();
                return null;
              }}
            />
          </section>
        </>
      )}
    </Page>
  );
}
