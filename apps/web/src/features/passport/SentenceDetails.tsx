import { useTranslation } from 'react-i18next';
import type { StandardPassport } from '@moot/protocol';
import { resultText, usePhraseWording } from '../../i18n/phrases.ts';
import { useAuthorName } from './names.ts';
import { adoption, sentenceText, wordsOf, type Selected } from './passportWords.ts';

/**
 * What the selected sentence is made of, in words (read out as it changes): each run with the
 * person who wrote it and the amendment that put it there, then the amendments and the vote
 * that decided it.
 */
export function SentenceDetails({
  id,
  passport,
  selected,
}: {
  id: string;
  passport: StandardPassport;
  selected: Selected | null;
}) {
  const { t } = useTranslation();
  const wording = usePhraseWording();
  const nameOf = useAuthorName();
  const sentence = selected ? passport.blocks[selected.block]?.sentences[selected.sentence] : undefined;
  const adopted = adoption(passport.votes);
  return (
    <section id={id} className="passport-details" aria-live="polite" data-testid="passport-details">
      <h2>{t('passport.details')}</h2>
      {!selected || !sentence ? (
        <p className="hint">{t('passport.pick')}</p>
      ) : (
        <>
          <h3>{t('passport.sentence', { paragraph: selected.block + 1, sentence: selected.sentence + 1 })}</h3>
          <blockquote className="passport-quote">{sentenceText(sentence).trim()}</blockquote>
          <h4>{t('passport.wordsBy')}</h4>
          <ul data-testid="passport-words">
            {wordsOf(sentence).map((run, i) => {
              const who = nameOf(passport.authors[run.author]);
              return (
                <li key={i}>
                  {run.amendment === null
                    ? t('passport.run', { who, words: run.text })
                    : t('passport.byAmendment', { who, number: run.amendment, words: run.text })}
                </li>
              );
            })}
          </ul>
          <h4>{t('passport.decisions')}</h4>
          <ul data-testid="passport-decisions">
            {sentence.amendments.length === 0 && <li>{t('passport.noAmendment')}</li>}
            {sentence.amendments.map((number) => {
              const amendment = passport.amendments.find((a) => a.number === number);
              if (!amendment) return null;
              const status = t(`passport.amendmentStatuses.${amendment.status as 'adopted'}`, {
                defaultValue: amendment.status,
              });
              return (
                <li key={number}>
                  {t('passport.amendment', { number, status })}
                  {'. '}
                  {t('passport.proposedBy', { name: amendment.proposer })}
                  {amendment.vote?.explanation &&
                    ` ${t('passport.vote', { result: resultText(amendment.vote, wording) })}`}
                </li>
              );
            })}
            {adopted?.explanation && <li>{t('passport.adoptedWith', { result: resultText(adopted, wording) })}</li>}
          </ul>
        </>
      )}
    </section>
  );
}
