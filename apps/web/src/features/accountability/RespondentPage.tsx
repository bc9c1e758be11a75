import { LIMITS, PROGRESS_STATES, RESPONSE_STANCES } from '@moot/protocol';
import type { ProgressState, ResponseStance, Session, TrackedStandard as Tracked } from '@moot/protocol';
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
import { TrackedStandard } from './TrackedStandard.tsx';
import { useNarrowSeat } from './useNarrowSeat.ts';
import './accountability.css';

addEnglish(enAccountability);

/** Today in the reader's calendar, `YYYY-MM-DD`, for the date field's default. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * `/assembly` for a respondent seat: the body that commissioned the assembly answers each adopted
 * standard and reports progress. It sees only the public tracker: no documents, session or names.
 */
export function RespondentPage({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { socket, state: tracker } = useNarrowSeat('accountability:state');
  const connection = useConnection(socket);
  return (
    <Page title={t('accountability.respondent.title')} banner={<ConnectionStatus connection={connection} />}>
      <div className="narrow-page">
        <h1>{t('accountability.respondent.title')}</h1>
        <p className="assembly-name">{session.assembly.title}</p>
        <p>{t('accountability.respondent.intro', { body: session.me.displayName })}</p>
        {connection.refusal && <ErrorNotice error={connection.refusal} />}
        {!tracker || !socket ? (
          !connection.refusal && <Loading label={t('assembly.connecting')} />
        ) : tracker.standards.length === 0 ? (
          <p className="hint">{t('accountability.noStandards')}</p>
        ) : (
          tracker.standards.map((standard) => (
            <TrackedStandard
              key={standard.standardId}
              standard={standard}
              reportedAt={tracker.reportedAt}
              now={Date.now()}
            >
              <ResponseForm socket={socket} standard={standard} />
              {standard.response && <UpdateForm socket={socket} standard={standard} />}
            </TrackedStandard>
          ))
        )}
      </div>
    </Page>
  );
}

function ResponseForm({ socket, standard }: { socket: AssemblySocket; standard: Tracked }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [stance, setStance] = useState<ResponseStance | null>(standard.response?.stance ?? null);
  const [reasons, setReasons] = useState(standard.response?.reasons ?? '');
  const [timeline, setTimeline] = useState(standard.response?.timeline ?? '');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy || !stance) return;
    setDone(await commands.run('response:publish', { standardId: standard.standardId, stance, reasons, timeline }));
  }

  return (
    <form className="narrow-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('accountability.respondent.stanceLegend', { title: standard.title })}</legend>
        <div className="radio-row">
          {RESPONSE_STANCES.map((s) => (
            <label key={s}>
              <input
                type="radio"
                name={`${id}-stance`}
                value={s}
                checked={stance === s}
                onChange={() => setStance(s)}
              />{' '}
              {t(`accountability.stances.${s}`)}
            </label>
          ))}
        </div>
        <label htmlFor={`${id}-reasons`}>{t('accountability.respondent.reasonsLabel')}</label>
        <textarea
          id={`${id}-reasons`}
          rows={4}
          value={reasons}
          maxLength={LIMITS.maxCaseTextLength}
          onChange={(e) => setReasons(e.target.value)}
        />
        <label htmlFor={`${id}-timeline`}>{t('accountability.respondent.timelineLabel')}</label>
        <input
          id={`${id}-timeline`}
          type="text"
          value={timeline}
          maxLength={LIMITS.maxNoteLength}
          autoComplete="off"
          onChange={(e) => setTimeline(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" aria-disabled={commands.busy || !stance}>
            {standard.response ? t('accountability.respondent.revise') : t('accountability.respondent.publish')}
          </button>
        </div>
        {done && !commands.error && (
          <p role="status" className="hint">
            {t('accountability.respondent.published')}
          </p>
        )}
        {commands.error && <ErrorNotice error={commands.error} />}
      </fieldset>
    </form>
  );
}

function UpdateForm({ socket, standard }: { socket: AssemblySocket; standard: Tracked }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [state, setState] = useState<ProgressState>('in_progress');
  const [on, setOn] = useState(today);
  const [note, setNote] = useState('');
  const [links, setLinks] = useState('');
  const [done, setDone] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const list = links
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const ok = await commands.run('response:update', { standardId: standard.standardId, state, on, note, links: list });
    setDone(ok);
    if (ok) {
      setNote('');
      setLinks('');
    }
  }

  return (
    <form className="narrow-form" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('accountability.respondent.updateLegend', { title: standard.title })}</legend>
        <label htmlFor={`${id}-state`}>{t('accountability.respondent.stateLabel')}</label>
        <select id={`${id}-state`} value={state} onChange={(e) => setState(e.target.value as ProgressState)}>
          {PROGRESS_STATES.map((s) => (
            <option key={s} value={s}>
              {t(`accountability.states.${s}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-on`}>{t('accountability.respondent.onLabel')}</label>
        <input id={`${id}-on`} type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        <label htmlFor={`${id}-note`}>{t('accountability.respondent.noteLabel')}</label>
        <textarea
          id={`${id}-note`}
          rows={3}
          value={note}
          maxLength={LIMITS.maxNoteLength}
          onChange={(e) => setNote(e.target.value)}
        />
        <label htmlFor={`${id}-links`}>
          {t('accountability.respondent.linksLabel', { max: LIMITS.maxProgressLinks })}
        </label>
        <textarea
          id={`${id}-links`}
          rows={2}
          value={links}
          inputMode="url"
          onChange={(e) => setLinks(e.target.value)}
        />
        <div className="button-row">
          <button type="submit" aria-disabled={commands.busy}>
            {t('accountability.respondent.postUpdate')}
          </button>
        </div>
        {done && !commands.error && (
          <p role="status" className="hint">
            {t('accountability.respondent.updatePosted')}
          </p>
        )}
        {commands.error && <ErrorNotice error={commands.error} />}
      </fieldset>
    </form>
  );
}

export default RespondentPage;
