import type { CaseView, StandardView, VoteView } from '@moot/protocol';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider } from '../../collab/CollabProvider.ts';
import type { AssemblySocket } from '../../collab/transport.ts';
import { VoteCard, type VoteActions } from '../votes/VoteCard.tsx';
import { CaseEvidence } from './CaseEvidence.tsx';
import { CaseReasoning } from './CaseReasoning.tsx';
import { CaseSteering } from './CaseSteering.tsx';
import { caseTimeline, citedStandards, votesOfCase } from './view.ts';
import { panelsStoreOf, usePanels } from '../panels/panelsStore.ts';

// The case's panel (recusals, the draw, its check) loads with its own chunk, only where there is one to show.
const CasePanel = lazy(() => import('../panels/CasePanel.tsx'));
import { optionText, usePhraseWording } from '../../i18n/phrases.ts';
import { nameWithRole } from '../../i18n/names.ts';

export interface CaseActions {
  /** Members and moderators co-draft the reasoning. */
  canDraft?: boolean;
  /** Members: their ballot box; moderators: the socket "Close vote" goes on. */
  votes?: VoteActions;
  /** Moderators (console): the socket the case is steered on. */
  steerWith?: AssemblySocket | null;
}

interface Props {
  case: CaseView;
  standards: readonly StandardView[];
  votes: readonly VoteView[] | undefined;
  provider: CollabProvider;
  actions: CaseActions;
  /** The library entries the case cites (the evidence feature's, where the page has it). */
  citedEvidence?: ReactNode;
}

/**
 * One case of the register, the same for every audience: who and what it concerns, the evidence,
 * the leader's reply, the reasoning, its consequence votes (ballot, turnout, result and rounds) and
 * the decision. Moderators steer it from the console.
 */
export function CaseCard({ case: c, standards, votes, provider, actions, citedEvidence }: Props) {
  const { t, i18n } = useTranslation();
  const wording = usePhraseWording();
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const prefix = `case-${c.id}`;
  const { role, name } = c.respondent;
  const cited = citedStandards(c, standards);
  const caseVotes = votesOfCase(c, votes);
  const panelsStore = panelsStoreOf(provider);
  const panels = usePanels(panelsStore);
  const drawn = panels.state.panels.find((p) => p.caseId === c.id) ?? null;
  const showPanel =
    panelsStore !== null &&
    (panels.me !== null || drawn !== null || panels.state.conflicts.some((x) => x.caseId === c.id));
  // With a drawn panel only its members get a ballot; the rest follow the vote (the server refuses them too).
  const offPanel = drawn?.panel != null && !drawn.panel.some((s) => s.participantId === panels.me?.id);
  const voteActions = actions.votes && offPanel ? { ...actions.votes, ballots: null } : actions.votes;

  return (
    <article
      className="case"
      aria-labelledby={`${prefix}-h`}
      data-testid="case"
      data-case-number={c.number}
      data-status={c.status}
    >
      <header className="vote-header">
        <h3 id={`${prefix}-h`} className="vote-question">
          {t('cases.caseTitle', { number: c.number, role })}
        </h3>
        <p className="vote-tags">
          <span className={c.status === 'decided' || c.status === 'dismissed' ? 'tag' : 'tag tag-now'}>
            {t(`cases.statuses.${c.status}`)}
          </span>
        </p>
      </header>
      <dl className="case-facts">
        <dt>{t('cases.respondentLabel')}</dt>
        <dd>{name ? t('cases.respondentNamed', { role, name }) : role}</dd>
        <dt>{t('cases.standardsLabel')}</dt>
        <dd>
          <ul className="case-standards">
            {cited.map((title, index) => (
              <li key={c.standardIds[index]}>{title ?? t('cases.unknownStandard')}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('cases.openedByLabel')}</dt>
        {/* Only a moderator opens a case (`case:open`). */}
        <dd data-testid="case-opened-by">{nameWithRole(t, c.openedBy, 'moderator')}</dd>
        <dt>{t('cases.timelineLabel')}</dt>
        <dd>
          <ol className="case-standards" data-testid="case-timeline">
            {caseTimeline(c).map(({ step, at }) => (
              <li key={step}>
                <time dateTime={new Date(at).toISOString()}>
                  {t(`cases.timeline.${step}`, { date: when.format(at) })}
                </time>
              </li>
            ))}
          </ol>
        </dd>
      </dl>
      <h4>{t('cases.summaryHeading')}</h4>
      <p className="case-text" data-testid="case-summary">
        {c.summary}
      </p>
      <CaseEvidence evidence={c.evidence} headingId={`${prefix}-evidence`} />
      {citedEvidence}
      <h4>{t('cases.replyHeading')}</h4>
      {c.reply ? (
        <p className="case-text" data-testid="case-reply">
          {c.reply.text}
        </p>
      ) : (
        <p className="empty">{t('cases.noReply')}</p>
      )}
      {c.status === 'dismissed' && (
        <p className="notice" data-testid="case-dismissal">
          {t('cases.dismissedBecause', { reason: c.dismissalReason ?? '' })}
        </p>
      )}
      {c.decision && (
        <div className="case-decision" data-testid="case-decision" data-breach-found={c.decision.breachFound}>
          <h4>{t('cases.decisionHeading')}</h4>
          <p>
            <strong data-testid="case-outcome">{optionText(c.decision.outcome, wording)}</strong>
          </p>
          <p>{c.decision.breachFound ? t('cases.breachFound') : t('cases.noBreach')}</p>
        </div>
      )}
      {c.deliberatingAt === null ? (
        <p className="hint">{t('cases.reasoningLater')}</p>
      ) : (
        <CaseReasoning provider={provider} case={c} canDraft={actions.canDraft ?? false} />
      )}
      {showPanel && (
        <Suspense fallback={null}>
          <CasePanel case={c} store={panelsStore!} snapshot={panels} />
        </Suspense>
      )}
      {actions.steerWith && <CaseSteering socket={actions.steerWith} case={c} />}
      {caseVotes.length > 0 && (
        <section className="case-votes" aria-labelledby={`${prefix}-votes`}>
          <h4 id={`${prefix}-votes`}>{t('cases.votesHeading')}</h4>
          <ol className="vote-list">
            {caseVotes.map((vote) => (
              <li key={vote.id}>
                <VoteCard vote={vote} {...(voteActions ? { actions: voteActions } : {})} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}
