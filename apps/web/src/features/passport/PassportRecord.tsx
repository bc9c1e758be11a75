import { useTranslation } from 'react-i18next';
import type { PassportExport, PassportVote } from '@moot/protocol';
import { questionText, resultText, usePhraseWording } from '../../i18n/phrases.ts';
import { joinNames } from './names.ts';

/** The decisions and sources behind the text: amendments with their votes, votes, evidence, minority reports, and the hash. */
export function PassportRecord({ file }: { file: PassportExport }) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const { passport } = file;
  const join = (names: string[]) => joinNames(names, t('passport.and'), t('passport.comma'));
  const voteText = (vote: PassportVote | null) => {
    if (!vote) return t('passport.notVoted');
    return t('passport.vote', { result: resultText(vote, wording) ?? t('passport.voteOpen') });
  };
  return (
    <>
      <h2>{t('passport.amendments')}</h2>
      {passport.amendments.length === 0 && <p>{t('passport.noAmendments')}</p>}
      <ol className="passport-list" data-testid="passport-amendments">
        {passport.amendments.map((a) => (
          <li key={a.number} value={a.number}>
            <h3>
              {t('passport.amendment', {
                number: a.number,
                status: t(`passport.amendmentStatuses.${a.status as 'adopted'}`, { defaultValue: a.status }),
              })}
            </h3>
            <p>
              {a.replaced === null
                ? t('passport.wholeText', { text: a.text })
                : t('passport.replaced', { old: a.replaced, text: a.text })}
            </p>
            <p>
              {t('passport.proposedBy', { name: a.proposer })}
              {a.cosigners.length > 0 && ` ${t('passport.cosignedBy', { names: join(a.cosigners) })}`}
            </p>
            {a.reason && <p>{t('passport.reason', { reason: a.reason })}</p>}
            <p>{voteText(a.vote)}</p>
          </li>
        ))}
      </ol>
      <h2>{t('passport.votes')}</h2>
      {passport.votes.length === 0 && <p>{t('passport.noVotes')}</p>}
      <ul className="passport-list" data-testid="passport-votes">
        {passport.votes.map((v, i) => (
          <li key={i}>
            {t('passport.voteLine', {
              question: questionText(v, wording),
              result: resultText(v, wording) ?? t('passport.voteOpen'),
            })}
          </li>
        ))}
      </ul>
      <h2>{t('passport.evidence')}</h2>
      {passport.citations.length === 0 && <p>{t('passport.noEvidence')}</p>}
      <ul className="passport-list" data-testid="passport-evidence">
        {passport.citations.map((c) => (
          <li key={c.number}>{t('passport.evidenceItem', { number: c.number, title: c.title })}</li>
        ))}
      </ul>
      <h2>{t('passport.minority')}</h2>
      {passport.minorityReports.length === 0 && <p>{t('passport.noMinority')}</p>}
      {passport.minorityReports.map((r, i) => (
        <blockquote key={i} className="passport-minority">
          <p>{r.text}</p>
          <p className="hint">{t('passport.signedBy', { names: join(r.signatories) })}</p>
        </blockquote>
      ))}
      <h2>{t('passport.hash')}</h2>
      <p>
        <code className="passport-hash" data-testid="passport-hash">
          {file.hash.value}
        </code>
      </p>
      <p className="hint">{t('passport.hashHint')}</p>
      <p>
        <code className="passport-recipe">{file.hash.recompute}</code>
      </p>
    </>
  );
}
