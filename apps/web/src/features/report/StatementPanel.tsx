import {
  HTTP_ROUTES,
  MODERATION_REASONS,
  REPORT_LIMITS,
  type ModerationReason,
  type MyStatement,
  type ReportExport,
} from '@moot/protocol';
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getJson } from '../../api/http.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enReport } from '../../i18n/enReport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';

addEnglish(enReport);

/**
 * In the record section: a member writes their one short statement for the report (and sees
 * whether a moderator left it out, and why); a moderator reads the statements the report shows
 * and may hide one with a reason.
 */
export default function StatementPanel({ socket, isModerator }: { socket: AssemblySocket; isModerator: boolean }) {
  return isModerator ? <ModerateStatements socket={socket} /> : <WriteStatement socket={socket} />;
}

function WriteStatement({ socket }: { socket: AssemblySocket }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const { request } = commands;
  const [mine, setMine] = useState<MyStatement>(null);
  const [text, setText] = useState('');
  const [done, setDone] = useState<'saved' | 'withdrawn' | null>(null);
  useEffect(() => {
    void request('report:myStatement', {}).then((ack) => {
      if (!ack.ok) return;
      setMine(ack.data);
      setText(ack.data?.text ?? '');
    });
  }, [request]);
  async function save(next: string) {
    setDone(null);
    const ack = await commands.request('report:writeStatement', { text: next });
    if (!ack.ok) return;
    setText(next);
    setMine(
      ack.data.statementId
        ? { statementId: ack.data.statementId, text: next, writtenAt: Date.now(), hidden: null }
        : null,
    );
    setDone(next.trim() === '' ? 'withdrawn' : 'saved');
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!commands.busy) void save(text.trim());
  };
  const max = REPORT_LIMITS.maxStatementLength;
  return (
    <form className="report-write" onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('report.write.heading')}</h3>
      <p className="hint">{t('report.write.intro', { max })}</p>
      {mine?.hidden && (
        <p className="notice notice-error" data-testid="statement-hidden">
          {t('report.write.hidden', { reason: t(`session.reasons.${mine.hidden.reason}`) })}
        </p>
      )}
      <label htmlFor={`${id}-text`}>{t('report.write.label')}</label>
      <textarea
        id={`${id}-text`}
        rows={5}
        maxLength={max}
        value={text}
        aria-describedby={`${id}-count`}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-count`} className="hint">
        {t('report.write.counter', { count: text.length, max })}
      </p>
      <div className="button-row">
        <button type="submit" disabled={commands.busy || text.trim() === ''}>
          {t('report.write.save')}
        </button>
        {mine && (
          <button type="button" className="secondary" disabled={commands.busy} onClick={() => void save('')}>
            {t('report.write.withdraw')}
          </button>
        )}
      </div>
      {done && (
        <p className="notice" role="status">
          {t(`report.write.${done}`)}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </form>
  );
}

function ModerateStatements({ socket }: { socket: AssemblySocket }) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const [statements, setStatements] = useState<ReportExport['statements']>([]);
  const [reasons, setReasons] = useState<Record<string, ModerationReason>>({});
  const [hidden, setHidden] = useState(false);
  const load = useCallback(async () => {
    const result = await getJson<ReportExport>(HTTP_ROUTES.reportJson);
    if (result.ok) setStatements(result.data.statements);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  async function hide(statementId: string) {
    setHidden(false);
    const reason = reasons[statementId] ?? 'off_topic';
    if (await commands.run('report:hideStatement', { statementId, reason: { code: reason } })) {
      setHidden(true);
      await load();
    }
  }
  return (
    <section className="report-write" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('report.write.moderateHeading')}</h3>
      {statements.length === 0 && <p className="hint">{t('report.write.moderateNone')}</p>}
      <ul className="report-moderate">
        {statements.map((s) => (
          <li key={s.id}>
            <p className="print-paragraph">{s.text}</p>
            <p className="hint">{s.author}</p>
            <div className="button-row">
              <select
                aria-label={t('report.write.hideReason', { author: s.author })}
                value={reasons[s.id] ?? 'off_topic'}
                onChange={(e) => setReasons({ ...reasons, [s.id]: e.target.value as ModerationReason })}
              >
                {MODERATION_REASONS.map((code) => (
                  <option key={code} value={code}>
                    {t(`session.reasons.${code}`)}
                  </option>
                ))}
              </select>
              <button type="button" className="secondary" disabled={commands.busy} onClick={() => void hide(s.id)}>
                {t('report.write.hide')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      {hidden && (
        <p className="notice" role="status">
          {t('report.write.hiddenDone')}
        </p>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
