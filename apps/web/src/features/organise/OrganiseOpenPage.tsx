import './strings.ts';
import { secretIn } from '@moot/protocol';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { openOrganiserLink } from './organiseApi.ts';

/**
 * `/organise/open#<secret>`: the organiser link. The secret is in the fragment (never sent by the
 * browser) and goes to the server once, in a POST body, for the HttpOnly organiser cookie. The
 * link is used up, so it is opened once even when React runs effects twice.
 */
export function OrganiseOpenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const secret = secretIn(hash.slice(1));
  const [error, setError] = useState<RequestError | null>(null);
  const opened = useRef<string | null>(null);

  useEffect(() => {
    if (!secret || opened.current === secret) return;
    opened.current = secret;
    void openOrganiserLink(secret).then((result) => {
      // Replace, so the used link does not stay reachable through the Back button.
      if (result.ok) {
        const to = result.data.joinedAssembly ? `/organise/${result.data.joinedAssembly}` : '/organise';
        navigate(to, { replace: true });
      } else setError(result.error);
    });
  }, [secret, navigate]);

  return (
    <Page title={t('organise.open.title')}>
      <h1>{t('organise.open.title')}</h1>
      {!secret ? (
        <div className="notice notice-error" role="alert" data-error-code="bad_request">
          <p>{t('organise.open.missingLink')}</p>
        </div>
      ) : error?.code === 'not_found' ? (
        <div className="notice notice-error" role="alert" data-error-code="not_found">
          <p>{t('organise.open.used')}</p>
        </div>
      ) : error ? (
        <ErrorNotice error={error} />
      ) : (
        <Loading label={t('organise.open.checking')} />
      )}
    </Page>
  );
}
