import { LIMITS } from '@moot/protocol';
import type { Evidence, LeaderCase, Session } from '@moot/protocol';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnection } from '../../collab/useConnection.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enAccountability } from '../../i18n/enAccountability.ts';
import { ConnectionStatus } from '../../ui/ConnectionStatus.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading, Page } from '../../ui/Page.tsx';
import { useCommands } from '../session/commands.ts';
import { useDates } from './dates.ts';
import { useNarrowSeat } from './useNarrowSeat.ts';
import { HearingLive } from './HearingLive.tsx';
import './accountability.css';

addEnglish(enAccountability);

/**
 * `/assembly` for a leader seat: the one breach case about them, as the public sees it; their
 * reply and evidence until the deadline; the hearings on the agenda; the decision once made.
 */
export function LeaderPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { socket, state, hearing } = useNarrowSeat('leader:state');
  const connection = useConnection(socket);
  return (
    <Page title={t('accountability.leader.title')} banner={<ConnectionStatus connection={connection} />}>
      <div className="narrow-page">
        <h1>{t('accountability.leader.title')}</h1>
        <p className="assembly-name">{session.assembly.title}</p>
        <p>{t('accountability.leader.intro')}</p>
        {connection.refusal && <ErrorNotice error={connection.refusal} />}
        {!state || !socket ? (
          !connection.refusal && <Loading label={t('assembly.connecting')} />
        ) : (
          <>
            {hearing && <HearingLive hearing={hearing} />}
            <LeaderCaseView socket={socket} state={state} />
          </>
        )}
      </div>
    </Page>
  );
}

function LeaderCaseView({ socket, state }: { socket: AssemblySocket; state: LeaderCase }) {
  const { t } = useTranslation();
  const dates = useDates();
  const c = state.case;
  // The form stays while the case is heard, past the deadline too: the server's refusal says why.
  const heard = c.status === 'open' || c.status === 'hearing';
  return (
    <section aria-labelledby="leader-case-heading" className="tracked-standard" data-testid="leader-case">
      <h2 id="leader-case-heading">
        {t('accountability.leader.caseTitle', { number: c.number, role: c.respondent.role })}
      </h2>
      <p>
        {t('accountability.leader.statusLabel')}:{' '}
        <strong data-testid="case-status">{t(`cases.statuses.${c.status}`)}</strong>
      </p>
      <p data-testid="deadline">
        <strong>
          {state.deadline > Date.now()
            ? t('accountability.leader.deadline', { date: dates.instant(state.deadline) })
            : t('accountability.leader.deadlinePassed', { date: dates.instant(state.deadline) })}
        </strong>
        {state.repliedAt !== null && (
          <> {t('accountability.leader.replied', { date: dates.instant(state.repliedAt) })}</>
        )}
      </p>
      <h3>{t('accountability.leader.summaryHeading')}</h3>
      <p className="prose">{c.summary}</p>
      <h3>{t('accountability.leader.standardsHeading')}</h3>
      <ul>
        {state.standards.map((s) => (
          <li key={s.id}>{s.title}</li>
        ))}
      </ul>
      <h3>{t('accountability.leader.evidenceHeading', { count: c.evidence.length })}</h3>
      {c.evidence.length === 0 ? (
        <p className="hint">{t('accountability.leader.noEvidence')}</p>
      ) : (
        <ol>
          {c.evidence.map((e, i) => (
            <li key={i}>
              {e.description}
              {e.link && (
                <>
                  {' — '}
                  <a href={e.link} rel="noopener noreferrer nofollow" target="_blank">
                    {e.link}
                  </a>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
      <h3>{t('accountability.leader.hearingsHeading')}</h3>
      {state.hearings.length === 0 ? (
        <p className="hint">{t('accountability.leader.noHearings')}</p>
      ) : (
        <ul>
          {state.hearings.map((h, i) => (
            <li key={i}>
              {h.startsAt === null
                ? t('accountability.leader.hearingUnplanned', { title: h.title })
                : t('accountability.leader.hearing', { title: h.title, date: dates.instant(h.startsAt) })}
            </li>
          ))}
        </ul>
      )}
      {c.reply && (
        <>
          <h3>{t('accountability.leader.yourReplyHeading')}</h3>
          <p className="prose" data-testid="recorded-reply">
            {c.reply.text}
          </p>
        </>
      )}
      {heard && <ReplyForm socket={socket} state={state} />}
      <h3>{t('accountability.leader.decisionHeading')}</h3>
      <p data-testid="decision">
        {c.decision
          ? t('accountability.leader.outcome', { outcome: c.decision.outcome })
          : c.status === 'dismissed'
            ? t('accountability.leader.dismissed', { reason: c.dismissalReason ?? '' })
            : t('accountability.leader.pending')}
      </p>
    </section>
  );
}

type Draft = { description: string; link: string };

function ReplyForm({ socket, state }: { socket: AssemblySocket; state: LeaderCase }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [reply, setReply] = useState(state.case.reply?.text ?? '');
  const [drafts, setDrafts] = useState<Draft[]>([{ description: '', link: '' }]);
  const [sent, setSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const evidence: Evidence[] = drafts
      .filter((d) => d.description.trim() || d.link.trim())
      .map((d) => ({ description: d.description.trim(), link: d.link.trim() || null }));
    const ok = await commands.run('leader:reply', { caseId: state.case.id, reply, evidence });
    setSent(ok);
    if (ok) setDrafts([{ description: '', link: '' }]);
  }
  const edit = (index: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  return (
    <form className="narrow-form" onSubmit={submit} noValidate data-testid="reply-form">
      <label htmlFor={`${id}-reply`}>{t('accountability.leader.replyLabel')}</label>
      <textarea
        id={`${id}-reply`}
        rows={6}
        value={reply}
        maxLength={LIMITS.maxCaseTextLength}
        onChange={(e) => setReply(e.target.value)}
      />
      {drafts.map((d, i) => (
        <fieldset key={i}>
          <legend>{t('accountability.leader.evidenceLegend', { number: i + 1 })}</legend>
          <label htmlFor={`${id}-d${i}`}>{t('accountability.leader.evidenceDescription')}</label>
          <input
            id={`${id}-d${i}`}
            type="text"
            value={d.description}
            maxLength={LIMITS.maxNoteLength}
            autoComplete="off"
            onChange={(e) => edit(i, { description: e.target.value })}
          />
          <label htmlFor={`${id}-l${i}`}>{t('accountability.leader.evidenceLink')}</label>
          <input
            id={`${id}-l${i}`}
            type="url"
            inputMode="url"
            value={d.link}
            maxLength={LIMITS.maxLinkLength}
            autoComplete="off"
            onChange={(e) => edit(i, { link: e.target.value })}
          />
        </fieldset>
      ))}
      <div className="button-row">
        {drafts.length < LIMITS.maxCaseEvidence && (
          <button type="button" onClick={() => setDrafts((all) => [...all, { description: '', link: '' }])}>
            {t('accountability.leader.addEvidence')}
          </button>
        )}
        <button type="submit" aria-disabled={commands.busy}>
          {t('accountability.leader.send')}
        </button>
      </div>
      {sent && !commands.error && (
        <p role="status" className="hint">
          {t('accountability.leader.sent')}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </form>
  );
}

export default LeaderPage;
