import { evidenceAnchor } from '@moot/protocol';
import { useEvidence, type EvidenceSocket } from './evidenceStore.ts';
import { useEvidenceStrings } from './strings.ts';
import { citedEntries } from './view.ts';

/**
 * Under a standard or a case: the library entries it cites, each a link to the entry (in the
 * member's library, or further down the watch page). Nothing when it cites none.
 */
export default function CitedEvidence({
  socket,
  standardId,
  caseId,
  libraryPath,
}: {
  socket: EvidenceSocket;
  standardId?: string;
  caseId?: string;
  /** Where the library is: `/assembly/evidence` for members, '' (this page) on the watch page. */
  libraryPath: string;
}) {
  const { t } = useEvidenceStrings();
  const { state } = useEvidence(socket);
  if (!state) return null;
  const ids = standardId ? state.citations.standards[standardId] : caseId ? state.citations.cases[caseId] : undefined;
  const entries = citedEntries(state.entries, ids);
  if (entries.length === 0) return null;
  return (
    <div className="evidence-cites" data-testid="evidence-cites">
      <h4>{t('evidence.cites')}</h4>
      <ul>
        {entries.map((e) => (
          <li key={e.id}>
            <a href={`${libraryPath}#${evidenceAnchor(e.id)}`}>
              {t('evidence.number', { number: e.number })}: {e.title}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
