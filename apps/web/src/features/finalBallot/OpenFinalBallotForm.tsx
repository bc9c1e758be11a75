import { LIMITS, type ReceiptMode, type RecommendationPart, type StandardView } from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { useCommands } from '../session/commands.ts';
import { ReceiptsChoice } from '../votes/ReceiptsChoice.tsx';
import { shareFromPercent } from '../votes/rulesDraft.ts';
import './strings.ts';
import './finalBallot.css';

interface Props {
  socket: AssemblySocket;
  standards: readonly StandardView[];
  live: boolean;
}

type Item = { standardId: string; part: RecommendationPart; title: string };

/** Every recommendation the charter offers: each standard's text, and its ladder where it has one. */
export function recommendationsOf(standards: readonly StandardView[]): Item[] {
  return standards.flatMap((s) => [
    { standardId: s.id, part: 'standard' as const, title: s.title },
    ...(s.ladder.length > 0 ? [{ standardId: s.id, part: 'ladder' as const, title: s.title }] : []),
  ]);
}

const keyOf = (item: { standardId: string; part: RecommendationPart }) => `${item.standardId}:${item.part}`;

/** The moderator's "Open the final ballot": which recommendations, the threshold, the quorum, receipts. */
export function OpenFinalBallotForm({ socket, standards, live }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const commands = useCommands(socket);
  const all = recommendationsOf(standards).slice(0, LIMITS.maxFinalBallotItems);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [share, setShare] = useState('60');
  const [base, setBase] = useState<'answering' | 'ballots'>('answering');
  const [quorum, setQuorum] = useState('50');
  const [receipts, setReceipts] = useState<ReceiptMode>('verifiable');
  const [problem, setProblem] = useState<string | null>(null);
  const chosen = all.filter((item) => !left.has(keyOf(item)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (commands.busy) return;
    const threshold = shareFromPercent(share);
    const quorumShare = shareFromPercent(quorum, true);
    if (chosen.length === 0) return setProblem(t('finalBallot.problemItems'));
    if (threshold === null) return setProblem(t('finalBallot.problemShare'));
    if (quorumShare === null) return setProblem(t('finalBallot.problemQuorum'));
    setProblem(null);
    await commands.run('vote:open', {
      subject: { kind: 'final_ballot', items: chosen.map(({ standardId, part }) => ({ standardId, part })) },
      rules: { method: 'support', threshold: { share: threshold, base }, receipts },
      quorumShare,
    });
  }

  return (
    <section className="console-section" aria-labelledby={`${id}-h`} data-testid="open-final-ballot">
      <h2 id={`${id}-h`}>{t('finalBallot.openHeading')}</h2>
      <p className="hint">{t('finalBallot.openHint')}</p>
      <form className="decision-form" onSubmit={submit} noValidate aria-busy={commands.busy}>
        <fieldset className="checks final-ballot-items">
          <legend>{t('finalBallot.itemsLegend', { count: chosen.length })}</legend>
          {all.map((item) => (
            <div key={keyOf(item)} className="check">
              <input
                type="checkbox"
                id={`${id}-${keyOf(item)}`}
                checked={!left.has(keyOf(item))}
                onChange={(e) =>
                  setLeft((was) => {
                    const next = new Set(was);
                    if (e.target.checked) next.delete(keyOf(item));
                    else next.add(keyOf(item));
                    return next;
                  })
                }
              />
              <label htmlFor={`${id}-${keyOf(item)}`}>
                {t(`finalBallot.parts.${item.part}`)}: {item.title}
              </label>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`${id}-share`}>{t('finalBallot.sharePercent')}</label>
        <input
          id={`${id}-share`}
          type="text"
          inputMode="decimal"
          value={share}
          onChange={(e) => setShare(e.target.value)}
        />
        <label htmlFor={`${id}-base`}>{t('finalBallot.baseLabel')}</label>
        <select id={`${id}-base`} value={base} onChange={(e) => setBase(e.target.value as 'answering' | 'ballots')}>
          <option value="answering">{t('finalBallot.baseOptions.answering')}</option>
          <option value="ballots">{t('finalBallot.baseOptions.ballots')}</option>
        </select>
        <label htmlFor={`${id}-quorum`}>{t('finalBallot.quorumPercent')}</label>
        <input
          id={`${id}-quorum`}
          type="text"
          inputMode="decimal"
          value={quorum}
          onChange={(e) => setQuorum(e.target.value)}
        />
        <ReceiptsChoice value={receipts} onChange={setReceipts} />
        <button type="submit" disabled={!live} aria-disabled={commands.busy}>
          {t('finalBallot.open')}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </form>
      {commands.error && <ErrorNotice error={commands.error} />}
    </section>
  );
}
