import { secret as secretSchema } from '@moot/protocol';
import type { InviteInfo } from '@moot/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { RequestError } from '../../api/http.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { Charge } from '../charter/Charge.tsx';
import { DisplayNameForm } from './DisplayNameForm.tsx';
import { CodeForm } from './CodeForm.tsx';
import { inspectCode, inspectInvite, redeemCode, redeemInvite } from './inviteApi.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enJoin } from '../../i18n/enJoin.ts';

addEnglish(enJoin);

type Invite =
  { status: 'checking' } | { status: 'invalid'; error: RequestError } | { status: 'ready'; info: InviteInfo };

/**
 * `/join#<secret>`: the invite secret lives in the URL fragment, which the browser never sends.
 * It is shown to the server only in POST bodies, then exchanged for a session cookie.
 */
export function JoinPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { hash } = useLocation();
  const parsed = secretSchema.safeParse(hash.slice(1));
  const linkSecret = parsed.success ? parsed.data : null;
  // Without a link, the code typed from a printed invite card opens the same seat.
  const [code, setCode] = useState<string | null>(null);
  const secret = linkSecret ?? code;
  const [invite, setInvite] = useState<Invite>({ status: 'checking' });
  const [joining, setJoining] = useState(false);
  const [joinError, setJoinError] = useState<RequestError | null>(null);

  useEffect(() => {
    if (!secret) return;
    let current = true;
    setInvite({ status: 'checking' });
    void (linkSecret ? inspectInvite(secret) : inspectCode(secret)).then((result) => {
      if (!current) return;
      setInvite(result.ok ? { status: 'ready', info: result.data } : { status: 'invalid', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [secret, linkSecret]);

  async function join(displayName: string) {
    if (!secret) return;
    setJoining(true);
    setJoinError(null);
    const result = await (linkSecret ? redeemInvite(secret, displayName) : redeemCode(secret, displayName));
    setJoining(false);
    // Replace, so the secret does not stay reachable through the Back button.
    if (result.ok) navigate('/assembly', { replace: true });
    else setJoinError(result.error);
  }

  return (
    <Page title={t('join.title')}>
      <h1>{t('join.title')}</h1>
      {!secret ? (
        <>
          {hash.length > 1 && (
            <div className="notice notice-error" role="alert" data-error-code="bad_request">
              <p>{t('join.missingLink')}</p>
            </div>
          )}
          <CodeForm onCode={setCode} />
        </>
      ) : invite.status === 'checking' ? (
        <Loading label={t('join.checking')} />
      ) : invite.status === 'invalid' ? (
        <>
          <ErrorNotice error={invite.error} />
          {!linkSecret && <CodeForm onCode={setCode} />}
        </>
      ) : (
        <>
          <p className="assembly-name">{invite.info.assembly.title}</p>
          <Charge label={t('join.chargeLabel')} charge={invite.info.assembly.charge} />
          <p className="invited-as">{t('join.invitedAs', { role: t(`roles.${invite.info.role}`) })}</p>
          {joinError && <ErrorNotice error={joinError} />}
          {invite.info.displayName === null ? (
            <DisplayNameForm initialName="" busy={joining} onSubmit={(name) => void join(name)} />
          ) : (
            // A seat keeps its name: this device joins as the same person, under the same name.
            <SeatTaken name={invite.info.displayName} busy={joining} onContinue={(name) => void join(name)} />
          )}
        </>
      )}
    </Page>
  );
}

function SeatTaken({ name, busy, onContinue }: { name: string; busy: boolean; onContinue: (name: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="join-form" data-testid="seat-taken">
      <p>{t('join.seatTaken', { name })}</p>
      <p className="hint">{t('join.seatTakenHint', { name })}</p>
      <button type="button" aria-disabled={busy} onClick={() => !busy && onContinue(name)}>
        {busy ? t('join.submitting') : t('join.continueAs', { name })}
      </button>
    </div>
  );
}
