import { useId, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { passportPath, type PassportExport, type StandardPassport } from '@moot/protocol';
import { addEnglish } from '../../i18n/index.ts';
import { enPassport } from '../../i18n/enPassport.ts';
import { RecordPage, useReader } from '../record/RecordPage.tsx';
import { useRecord } from '../record/useRecord.ts';
import { PassportRecord } from './PassportRecord.tsx';
import { SentenceDetails } from './SentenceDetails.tsx';
import { joinNames, useAuthorName } from './names.ts';
import { authorColor, paragraphSummaries, type Selected } from './passportWords.ts';
import './passport.css';

// The passport's strings come with its chunk (the watch page does not carry them).
addEnglish(enPassport);

/**
 * `/passport/<standardId>` (observers: `#<watchKey>` after it): a standard's provenance
 * passport, read from its export (the stored record, with its hash). Each sentence is a button:
 * selecting it says, in words, who wrote each of its runs and which amendments and votes
 * touched it; the paragraph list below says the same for the whole text without selecting.
 */
export function PassportPage() {
  const { t } = useTranslation();
  const reader = useReader();
  const { standardId = '' } = useParams();
  const path = passportPath(standardId);
  const loaded = useRecord<PassportExport>(path, reader);
  const title =
    loaded.status === 'ready'
      ? t('passport.title', { title: loaded.data.passport.standard.title })
      : t('passport.titleLoading');
  return (
    <RecordPage title={title} reader={reader} loaded={loaded} downloads={[{ path, label: t('passport.download') }]}>
      {(file) => <Passport file={file} />}
    </RecordPage>
  );
}

function Passport({ file }: { file: PassportExport }) {
  const { t } = useTranslation();
  const { passport } = file;
  const [selected, setSelected] = useState<Selected | null>(null);
  const nameOf = useAuthorName();
  const ids = { text: useId(), details: useId() };
  const statuses = passport.standard.status as keyof typeof enPassport.passport.statuses;
  return (
    <div className="passport" data-testid="passport">
      <p className="hint">{t('passport.intro')}</p>
      <p>
        {t('passport.status', {
          position: passport.standard.position,
          status: t(`passport.statuses.${statuses}`, { defaultValue: passport.standard.status }),
        })}
      </p>
      <h2>{t('passport.authors')}</h2>
      <ul className="passport-authors" data-testid="passport-authors">
        {passport.authors.map((author, i) => (
          <li key={i}>
            <span className="passport-swatch" aria-hidden="true" style={{ background: authorColor(i) }} />
            {t('passport.characters', { who: nameOf(author), count: author.characters })}
          </li>
        ))}
      </ul>
      <div className="passport-layout">
        <section aria-labelledby={ids.text}>
          <h2 id={ids.text}>{t('passport.text')}</h2>
          <p className="hint">{t('passport.pick')}</p>
          <PassportText passport={passport} selected={selected} onSelect={setSelected} details={ids.details} />
        </section>
        <SentenceDetails id={ids.details} passport={passport} selected={selected} />
      </div>
      <h2>{t('passport.paragraphs')}</h2>
      <ParagraphList passport={passport} />
      <PassportRecord file={file} />
    </div>
  );
}

function PassportText({
  passport,
  selected,
  onSelect,
  details,
}: {
  passport: StandardPassport;
  selected: Selected | null;
  onSelect: (at: Selected) => void;
  details: string;
}) {
  const { t } = useTranslation();
  if (passport.blocks.length === 0) return <p>{t('passport.noText')}</p>;
  return (
    <div className="passport-text" data-testid="passport-text">
      {passport.blocks.map((block, b) => (
        <p key={b} className={`passport-block passport-${block.kind}`}>
          {block.sentences.map((sentence, s) => {
            const pressed = selected?.block === b && selected.sentence === s;
            const select = () => onSelect({ block: b, sentence: s });
            // A span, not a <button>: a button is an inline block, so a sentence could not wrap
            // across lines with the paragraph around it. It takes focus and Enter or Space as one.
            return (
              <span
                key={s}
                role="button"
                tabIndex={0}
                className="passport-sentence"
                aria-pressed={pressed}
                aria-controls={details}
                onClick={select}
                onKeyDown={(event) => {
                  if (event.key !== 'Enter' && event.key !== ' ') return;
                  event.preventDefault();
                  select();
                }}
              >
                {sentence.runs.map((run, r) => (
                  <span
                    key={r}
                    className={run.amendment === null ? 'passport-run' : 'passport-run passport-amended'}
                    style={{ '--author': authorColor(run.author) } as CSSProperties}
                  >
                    {run.text}
                  </span>
                ))}
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}

/** The text equivalent of the colours for the whole text: one line per paragraph. */
function ParagraphList({ passport }: { passport: StandardPassport }) {
  const { t } = useTranslation();
  const nameOf = useAuthorName();
  const join = (names: string[]) => joinNames(names, t('passport.and'), t('passport.comma'));
  return (
    <ul className="passport-paragraphs" data-testid="passport-paragraphs">
      {paragraphSummaries(passport.blocks).map((p, i) => (
        <li key={i}>
          {t('passport.paragraphSummary', {
            number: i + 1,
            names: join(p.authors.map((a) => nameOf(passport.authors[a]))),
          })}
          {p.amendments.length > 0 &&
            t('passport.changedBy', {
              amendments: join(p.amendments.map((number) => t('passport.amendmentRef', { number }))),
            })}
        </li>
      ))}
    </ul>
  );
}
