import type { CaseView, EvidenceEntryView, EvidenceState, StandardView } from '@moot/protocol';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';
import type { MemberRoom } from '../assembly/memberRoom.ts';
import { useCommands } from '../session/commands.ts';
import { EntryCard } from './EntryCard.tsx';
import { EntryForm } from './EntryForm.tsx';
import { useEvidence } from './evidenceStore.ts';
import { ScheduleSession, SessionPanel } from './ExpertSessions.tsx';
import { useEvidenceStrings } from './strings.ts';
import { citersOf, toggledCitation } from './view.ts';
import './evidence.css';

/**
 * `/assembly/evidence`, a chunk of its own: the library at the reader's pace (in easy read on
 * request), the expert sessions with their questions, and, for the lead moderator, the tools to
 * curate the library, hold expert sessions, cite evidence and pick the questions asked.
 */
export default function EvidenceSection({ live }: { live: MemberRoom }) {
  const { t } = useEvidenceStrings();
  const { socket, isModerator, me, room } = live;
  const { state, supported, store } = useEvidence(socket);
  const [easyRead, setEasyRead] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const toggleId = useId();

  return (
    <section className="evidence-section" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">{t('evidence.heading')}</h2>
      <p className="hint">{t('evidence.intro')}</p>
      {!state ? (
        <Loading label={t('evidence.loading')} />
      ) : (
        <>
          <section aria-labelledby="expert-sessions-heading" className="expert-sessions">
            <h2 id="expert-sessions-heading">{t('evidence.sessions.heading')}</h2>
            {state.sessions.length === 0 ? (
              <p className="empty">{t('evidence.sessions.none')}</p>
            ) : (
              state.sessions.map((session) => (
                <SessionPanel
                  key={session.itemId}
                  session={session}
                  state={state}
                  actions={{
                    socket,
                    isModerator,
                    silenced: live.silenced !== null,
                    myName: me.displayName,
                    supported,
                    onSupported: (id) => store.markSupported(id),
                  }}
                />
              ))
            )}
            {isModerator && <ScheduleSession socket={socket} programme={room.programme} entries={state.entries} />}
          </section>
          <h2 id="evidence-library-heading">{t('evidence.libraryHeading')}</h2>
          <div className="evidence-toolbar">
            <input id={toggleId} type="checkbox" checked={easyRead} onChange={(e) => setEasyRead(e.target.checked)} />
            <label htmlFor={toggleId}>{t('evidence.easyReadToggle')}</label>
          </div>
          {state.entries.length === 0 ? (
            <p className="empty">{t('evidence.empty')}</p>
          ) : (
            <div className="evidence-list">
              {state.entries.map((entry) =>
                editing === entry.id ? (
                  <EntryForm key={entry.id} socket={socket} entry={entry} onDone={() => setEditing(null)} />
                ) : (
                  <EntryCard key={entry.id} entry={entry} easyRead={easyRead}>
                    <CitedBy state={state} entry={entry} standards={room.standards} cases={live.cases ?? []} />
                    {isModerator && (
                      <ModeratorTools
                        socket={socket}
                        state={state}
                        entry={entry}
                        standards={room.standards}
                        cases={live.cases ?? []}
                        onEdit={() => setEditing(entry.id)}
                      />
                    )}
                  </EntryCard>
                ),
              )}
            </div>
          )}
          {isModerator && <EntryForm socket={socket} />}
        </>
      )}
    </section>
  );
}

/** The standards and cases citing an entry, each a link to where it is read. */
function CitedBy({
  state,
  entry,
  standards,
  cases,
}: {
  state: EvidenceState;
  entry: EvidenceEntryView;
  standards: readonly StandardView[];
  cases: readonly CaseView[];
}) {
  const { t } = useEvidenceStrings();
  const citers = citersOf(state, entry.id);
  const cited = standards.flatMap((s, index) => (citers.standards.includes(s.id) ? [{ s, position: index + 1 }] : []));
  if (cited.length === 0 && citers.cases.length === 0) return null;
  return (
    <div className="evidence-cited-by" data-testid="evidence-cited-by">
      <h4>{t('evidence.citedBy')}</h4>
      <ul>
        {cited.map(({ s, position }) => (
          <li key={s.id}>
            <Link to="/assembly/charter">{t('evidence.standardCited', { position, title: s.title })}</Link>
          </li>
        ))}
        {cases
          .filter((c) => citers.cases.includes(c.id))
          .map((c) => (
            <li key={c.id}>
              <Link to="/assembly/cases">{t('evidence.caseCited', { number: c.number })}</Link>
            </li>
          ))}
      </ul>
    </div>
  );
}

/** Edit an entry; cite it in a standard (or stop citing it there). */
function ModeratorTools({
  socket,
  state,
  entry,
  standards,
  cases,
  onEdit,
}: {
  socket: AssemblySocket;
  state: EvidenceState;
  entry: EvidenceEntryView;
  standards: readonly StandardView[];
  cases: readonly CaseView[];
  onEdit: () => void;
}) {
  const { t } = useEvidenceStrings();
  const id = useId();
  const commands = useCommands(socket);
  const [standardId, setStandardId] = useState('');
  const chosen = standardId || standards[0]?.id || '';
  const citedThere = state.citations.standards[chosen]?.includes(entry.id) ?? false;
  const [caseId, setCaseId] = useState('');
  const chosenCase = caseId || cases[0]?.id || '';
  const citedInCase = state.citations.cases[chosenCase]?.includes(entry.id) ?? false;
  return (
    <div className="evidence-tools">
      <button type="button" className="secondary" onClick={onEdit}>
        {t('evidence.form.edit')}
      </button>
      {standards.length > 0 && (
        <form
          className="evidence-cite"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run('evidence:cite', {
              on: { standardId: chosen },
              entryIds: toggledCitation(state.citations.standards[chosen], entry.id),
            });
          }}
        >
          <label htmlFor={`${id}-standard`}>{t('evidence.cite.label')}</label>
          <select id={`${id}-standard`} value={chosen} onChange={(e) => setStandardId(e.target.value)}>
            {standards.map((s, index) => (
              <option key={s.id} value={s.id}>
                {t('evidence.standardCited', { position: index + 1, title: s.title })}
              </option>
            ))}
          </select>
          <button type="submit" aria-disabled={commands.busy}>
            {citedThere ? t('evidence.cite.uncite') : t('evidence.cite.button')}
          </button>
        </form>
      )}
      {cases.length > 0 && (
        <form
          className="evidence-cite"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void commands.run('evidence:cite', {
              on: { caseId: chosenCase },
              entryIds: toggledCitation(state.citations.cases[chosenCase], entry.id),
            });
          }}
        >
          <label htmlFor={`${id}-case`}>{t('evidence.cite.caseLabel')}</label>
          <select id={`${id}-case`} value={chosenCase} onChange={(e) => setCaseId(e.target.value)}>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {t('evidence.caseCited', { number: c.number })}
              </option>
            ))}
          </select>
          <button type="submit" aria-disabled={commands.busy}>
            {citedInCase ? t('evidence.cite.uncite') : t('evidence.cite.button')}
          </button>
        </form>
      )}
      {commands.error && <ErrorNotice error={commands.error} />}
    </div>
  );
}
