import type { CaseView, StandardView, VoteView } from '@moot/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import { CaseCard, type CaseActions } from './CaseCard.tsx';
import { CaseRegisterExports } from './CaseRegisterExports.tsx';
import { CasesAnnouncer } from './CasesAnnouncer.tsx';
import { casesInOrder } from './view.ts';
import './cases.css';

interface Props {
  cases: readonly CaseView[] | undefined;
  standards: readonly StandardView[];
  votes: readonly VoteView[] | undefined;
  provider: CollabProvider;
  actions?: CaseActions;
  /** Observers download the register with the watch key. */
  watchKey?: string | null;
  /** Under each case: the library entries it cites. */
  citedOf?: (caseId: string) => ReactNode;
}

/** "Breach cases": the public register, live, on every page; cases in progress first. */
export function CasesPanel({ cases, standards, votes, provider, actions = {}, watchKey = null, citedOf }: Props) {
  const { t } = useTranslation();
  const ordered = casesInOrder(cases ?? []);
  return (
    <section className="cases" aria-labelledby="cases-heading" data-testid="cases">
      <h2 id="cases-heading">{t('cases.heading')}</h2>
      <CasesAnnouncer cases={cases} />
      {ordered.length === 0 ? (
        <p className="empty">{t('cases.none')}</p>
      ) : (
        <ol className="case-list">
          {ordered.map((c) => (
            <li key={c.id}>
              <CaseCard
                case={c}
                standards={standards}
                votes={votes}
                provider={provider}
                actions={actions}
                citedEvidence={citedOf?.(c.id)}
              />
            </li>
          ))}
        </ol>
      )}
      <CaseRegisterExports watchKey={watchKey} />
    </section>
  );
}
