import { useId, useState } from 'react';
import type { WatchSocket } from '../../collab/transport.ts';
import { EntryCard } from './EntryCard.tsx';
import { useEvidence, type EvidenceSocket } from './evidenceStore.ts';
import { SessionPanel } from './ExpertSessions.tsx';
import { useEvidenceStrings } from './strings.ts';
import './evidence.css';

/**
 * The watch page's library, loaded lazily: every entry, and each expert session's questions that
 * were asked, with the answers (the server sends observers nothing else of the questions).
 */
export default function WatchEvidence({ socket }: { socket: WatchSocket }) {
  const { t } = useEvidenceStrings();
  const { state } = useEvidence(socket as unknown as EvidenceSocket);
  const [easyRead, setEasyRead] = useState(false);
  const toggleId = useId();
  if (!state || (state.entries.length === 0 && state.sessions.length === 0)) return null;
  return (
    <section
      className="evidence-section watch-evidence"
      aria-labelledby="watch-evidence-heading"
      data-testid="watch-evidence"
    >
      <h2 id="watch-evidence-heading">{t('evidence.watchHeading')}</h2>
      {state.sessions.map((session) => (
        <SessionPanel key={session.itemId} session={session} state={state} />
      ))}
      <div className="evidence-toolbar">
        <input id={toggleId} type="checkbox" checked={easyRead} onChange={(e) => setEasyRead(e.target.checked)} />
        <label htmlFor={toggleId}>{t('evidence.easyReadToggle')}</label>
      </div>
      <div className="evidence-list">
        {state.entries.map((entry) => (
          <EntryCard key={entry.id} entry={entry} easyRead={easyRead} />
        ))}
      </div>
    </section>
  );
}
