import {
  EVIDENCE_LIMITS,
  MODERATION_REASONS,
  type EvidenceEntryView,
  type EvidenceState,
  type ExpertSessionView,
  type ModerationReason,
  type ProgrammeState,
  type QuestionView,
} from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { useEvidenceStrings } from './strings.ts';
import { agendaChoices, questionsLeft, questionsOf } from './view.ts';

/** What a member's or moderator's session panel acts with; absent on the watch page (read only). */
export interface QuestionActions {
  socket: AssemblySocket;
  isModerator: boolean;
  /** The member may not ask or support now (muted or removed). */
  silenced: boolean;
  myName: string;
  supported: ReadonlySet<string>;
  onSupported: (questionId: string) => void;
}

/** The moderator makes an agenda item an expert session with a talk's speaker. */
export function ScheduleSession({
  socket,
  programme,
  entries,
}: {
  socket: AssemblySocket;
  programme: ProgrammeState | undefined;
  entries: readonly EvidenceEntryView[];
}) {
  const { t } = useEvidenceStrings();
  const id = useId();
  const commands = useCommands(socket);
  const items = agendaChoices(programme);
  const talks = entries.filter((e) => e.kind === 'talk');
  const [itemId, setItemId] = useState('');
  const [entryId, setEntryId] = useState('');
  const chosenItem = itemId || items[0]?.itemId || '';
  const chosenTalk = entryId || talks[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy || !chosenItem || !chosenTalk) return;
    await commands.run('evidence:expertSession', { itemId: chosenItem, entryId: chosenTalk });
  }

  return (
    <form className="decision-form evidence-schedule" onSubmit={submit} noValidate>
      <fieldset>
        <legend>{t('evidence.sessions.schedule')}</legend>
        {items.length === 0 ? (
          <p className="hint">{t('evidence.sessions.noItems')}</p>
        ) : talks.length === 0 ? (
          <p className="hint">{t('evidence.sessions.noTalks')}</p>
        ) : (
          <>
            <label htmlFor={`${id}-item`}>{t('evidence.sessions.item')}</label>
            <select id={`${id}-item`} value={chosenItem} onChange={(e) => setItemId(e.target.value)}>
              {items.map((i) => (
                <option key={i.itemId} value={i.itemId}>
                  {t('evidence.sessions.at', { item: i.label, sitting: i.sitting })}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-talk`}>{t('evidence.sessions.talk')}</label>
            <select id={`${id}-talk`} value={chosenTalk} onChange={(e) => setEntryId(e.target.value)}>
              {talks.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.speaker ? `${e.speaker}: ${e.title}` : e.title}
                </option>
              ))}
            </select>
            <button type="submit" aria-disabled={commands.busy}>
              {t('evidence.sessions.setButton')}
            </button>
          </>
        )}
        {commands.error && <ErrorNotice error={commands.error} />}
      </fieldset>
    </form>
  );
}

/** One expert session: its speaker, its state, and the questions (members ask and support; the moderator picks). */
export function SessionPanel({
  session,
  state,
  actions,
}: {
  session: ExpertSessionView;
  state: EvidenceState;
  actions?: QuestionActions;
}) {
  const { t } = useEvidenceStrings();
  const speaker = state.entries.find((e) => e.id === session.entryId);
  const questions = questionsOf(state.questions, session.itemId);
  const headingId = `session-${session.itemId}`;
  const mine = actions ? questions.filter((q) => q.author === actions.myName).length : 0;
  return (
    <section className="expert-session" aria-labelledby={headingId} data-testid="expert-session">
      <h3 id={headingId}>
        {session.title} <span className="tag">{t(`evidence.sessions.statuses.${session.status}`)}</span>
      </h3>
      <p className="hint">
        {session.sitting}
        {speaker && (
          <>
            {' · '}
            <a href={`#evidence-${speaker.id}`}>
              {t('evidence.sessions.with', { speaker: speaker.speaker || speaker.title })}
            </a>
          </>
        )}
      </p>
      <h4>{actions ? t('evidence.questions.heading') : t('evidence.questions.askedHeading')}</h4>
      {questions.length === 0 ? (
        <p className="empty">{t('evidence.questions.none')}</p>
      ) : (
        <ol className="expert-questions">
          {questions.map((q) => (
            <QuestionItem key={q.id} question={q} actions={actions} />
          ))}
        </ol>
      )}
      {actions && !actions.isModerator && (
        <AskForm socket={actions.socket} session={session} asked={mine} silenced={actions.silenced} />
      )}
    </section>
  );
}

function QuestionItem({ question: q, actions }: { question: QuestionView; actions?: QuestionActions }) {
  const { t } = useEvidenceStrings();
  const commands = useCommands(actions?.socket ?? (null as unknown as AssemblySocket));
  const [answer, setAnswer] = useState(q.answer ?? '');
  const [reason, setReason] = useState<ModerationReason>('off_topic');
  const id = useId();
  const own = actions && q.author === actions.myName;
  const supported = actions?.supported.has(q.id) ?? false;

  async function support() {
    if (!actions || commands.busy) return;
    if (await commands.run('question:support', { questionId: q.id })) actions.onSupported(q.id);
  }

  return (
    <li
      className="expert-question"
      data-testid="expert-question"
      data-asked={q.askedAt !== null || undefined}
      data-hidden={q.hidden !== null || undefined}
    >
      {q.hidden && q.text === null ? (
        <p className="hint">{t('evidence.questions.hiddenNotice', { reason: t(`session.reasons.${q.hidden}`) })}</p>
      ) : (
        <p className="question-text">{q.text}</p>
      )}
      <p className="hint">
        {t('evidence.questions.byline', { author: q.author })} ·{' '}
        <span data-testid="question-supports">{t('evidence.questions.supports', { count: q.supports })}</span>
        {q.askedAt !== null && (
          <>
            {' · '}
            <span className="tag tag-now">{t('evidence.questions.asked')}</span>
          </>
        )}
      </p>
      {q.askedAt !== null && (
        <div className="question-answer">
          <h5>{t('evidence.questions.answer')}</h5>
          <p data-testid="question-answer">{q.answer ?? t('evidence.questions.noAnswer')}</p>
        </div>
      )}
      {actions && !actions.isModerator && !own && q.askedAt === null && !q.hidden && (
        <button
          type="button"
          className="secondary"
          aria-pressed={supported}
          disabled={actions.silenced}
          aria-label={t('evidence.questions.supportQuestion', { text: q.text ?? '' })}
          onClick={() => void support()}
        >
          {supported ? t('evidence.questions.supported') : t('evidence.questions.support')}
        </button>
      )}
      {actions?.isModerator && !q.hidden && (
        <div className="question-tools">
          {q.askedAt === null && (
            <button
              type="button"
              onClick={() => void commands.run('question:answer', { questionId: q.id, answer: '' })}
            >
              {t('evidence.questions.pick')}
            </button>
          )}
          {q.askedAt !== null && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void commands.run('question:answer', { questionId: q.id, answer });
              }}
              noValidate
            >
              <label htmlFor={`${id}-answer`}>{t('evidence.questions.answerLabel')}</label>
              <textarea
                id={`${id}-answer`}
                rows={2}
                value={answer}
                maxLength={EVIDENCE_LIMITS.maxAnswerLength}
                onChange={(e) => setAnswer(e.target.value)}
              />
              <button type="submit">{t('evidence.questions.saveAnswer')}</button>
            </form>
          )}
          <label htmlFor={`${id}-reason`} className="visually-hidden">
            {t('comments.reasonLabel')}
          </label>
          <select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value as ModerationReason)}>
            {MODERATION_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`session.reasons.${r}`)}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary"
            onClick={() => void commands.run('question:hide', { questionId: q.id, reason })}
          >
            {t('evidence.questions.hide')}
          </button>
        </div>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </li>
  );
}

function AskForm({
  socket,
  session,
  asked,
  silenced,
}: {
  socket: AssemblySocket;
  session: ExpertSessionView;
  asked: number;
  silenced: boolean;
}) {
  const { t } = useEvidenceStrings();
  const id = useId();
  const commands = useCommands(socket);
  const [text, setText] = useState('');
  const left = questionsLeft(asked);
  if (session.status === 'done') return <p className="hint">{t('evidence.questions.over')}</p>;
  if (silenced) return <p className="notice">{t('evidence.questions.muted')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    if (await commands.run('question:ask', { itemId: session.itemId, text })) setText('');
  }

  return (
    <form className="decision-form ask-form" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-question`}>{t('evidence.questions.ask')}</label>
      <p className="hint" id={`${id}-hint`}>
        {left > 0 ? t('evidence.questions.askHint', { count: left }) : t('evidence.questions.noneLeft')}
      </p>
      <textarea
        id={`${id}-question`}
        rows={2}
        value={text}
        maxLength={EVIDENCE_LIMITS.maxQuestionLength}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" aria-disabled={commands.busy}>
        {t('evidence.questions.send')}
      </button>
      {commands.error && <ErrorNotice error={commands.error} />}
    </form>
  );
}
