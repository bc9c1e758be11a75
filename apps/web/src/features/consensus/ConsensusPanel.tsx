import {
  PARAGRAPH_MARKS,
  type OwnMark,
  type ParagraphMark,
  type StandardConsensus,
  type StandardView,
} from '@moot/protocol';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { AssemblySocket } from '../../collab/transport.ts';
import { addEnglish } from '../../i18n/index.ts';
import { enConsensus } from '../../i18n/enConsensus.ts';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';
import { useParagraphs } from './useParagraphs.ts';
import { bridgingPercent, orderedParagraphs, ownMarksOn, paragraphRows } from './view.ts';
import './consensus.css';

addEnglish(enConsensus);

interface Props {
  standard: StandardView;
  map: StandardConsensus | undefined;
  /** The member's own marks; empty for everyone else. */
  mine: readonly OwnMark[];
  /** A member marks paragraphs (as their copy of the text, `doc`, has them); moderators and observers only read the map. */
  marking: { socket: AssemblySocket; doc: Y.Doc } | null;
  /** Moderators may order the paragraphs most divisive first, to put them on the agenda. */
  steering?: boolean;
}

/**
 * The consensus map of one standard: a heat strip of its paragraphs, the same in words as a
 * table, and for a member their own mark on each paragraph (agree, disagree, pass, withdraw).
 */
export function ConsensusPanel(props: Props) {
  return props.marking ? <MarkingPanel {...props} marking={props.marking} /> : <MapPanel {...props} />;
}

/** A member's panel lists the paragraphs of the text as it reads now, marked or not. */
function MarkingPanel(props: Props & { marking: NonNullable<Props['marking']> }) {
  const live = useParagraphs(props.marking.doc);
  return <MapPanel {...props} map={paragraphRows(props.standard.id, props.map, live)} />;
}

function MapPanel({ standard, map, mine, marking, steering = false }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const [divisiveFirst, setDivisiveFirst] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  if (!map || map.paragraphs.length === 0) return null;
  const own = ownMarksOn(map, mine);
  const rows = orderedParagraphs(map, divisiveFirst);

  async function mark(paragraph: string, value: ParagraphMark | null) {
    if (!marking) return;
    setBusy(paragraph);
    const ack = await sendCommand(marking.socket, 'consensus:mark', {
      standardId: standard.id,
      paragraph,
      mark: value,
    });
    setBusy(null);
    setError(ack.ok ? null : describe(ack.error));
  }

  return (
    <section className="consensus" aria-labelledby={`${id}-heading`} data-testid="consensus">
      <h4 id={`${id}-heading`}>{t('consensus.heading')}</h4>
      <p className="hint">{t('consensus.explain')}</p>
      <p>{t('consensus.members', { count: map.members, groups: Math.max(1, map.groupSizes.length) })}</p>
      <ol className="heat-strip" aria-label={t('consensus.stripLabel')} data-testid="heat-strip">
        {map.paragraphs.map((p) => (
          <li
            key={p.paragraph}
            className={`heat heat-${p.reading}`}
            style={{ flexGrow: Math.max(1, p.opening.length) }}
            title={`${p.opening} — ${t(`consensus.readings.${p.reading}`)}`}
          >
            <span className="visually-hidden">
              {p.opening}: {t(`consensus.readings.${p.reading}`)}
            </span>
          </li>
        ))}
      </ol>
      {steering && (
        <label className="consensus-order">
          <input type="checkbox" checked={divisiveFirst} onChange={(e) => setDivisiveFirst(e.target.checked)} />{' '}
          {t('consensus.divisiveFirst')}
          <span className="hint"> {t('consensus.divisiveHint')}</span>
        </label>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {marking && (
        <ol className="own-marks" aria-label={t('consensus.yourMark')}>
          {map.paragraphs.map((p) => {
            const mineHere = own.get(p.paragraph);
            return (
              <li key={p.paragraph} data-testid="consensus-mark" data-paragraph={p.paragraph}>
                <fieldset className="mark-choice" aria-busy={busy === p.paragraph}>
                  <legend>{t('consensus.markLabel', { opening: p.opening })}</legend>
                  {PARAGRAPH_MARKS.map((value) => (
                    <button
                      key={value}
                      type="button"
                      aria-pressed={mineHere?.mark === value && !mineHere.earlier}
                      disabled={busy !== null}
                      onClick={() => void mark(p.paragraph, value)}
                    >
                      {t(`consensus.marks.${value}`)}
                    </button>
                  ))}
                  {mineHere && (
                    <button type="button" disabled={busy !== null} onClick={() => void mark(p.paragraph, null)}>
                      {t('consensus.withdraw')}
                    </button>
                  )}
                </fieldset>
                {mineHere?.earlier && <p className="hint">{t('consensus.earlierWording')}</p>}
              </li>
            );
          })}
        </ol>
      )}
      {/* Focusable, so a keyboard can scroll a table wider than a phone. */}
      <div
        className="table-scroll"
        role="region"
        aria-label={t('consensus.table', { title: standard.title })}
        tabIndex={0}
      >
        <table className="consensus-table">
          <caption>{t('consensus.table', { title: standard.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consensus.paragraph')}</th>
              <th scope="col">{t('consensus.reading')}</th>
              <th scope="col">{t('consensus.agree')}</th>
              <th scope="col">{t('consensus.disagree')}</th>
              <th scope="col">{t('consensus.pass')}</th>
              <th scope="col">{t('consensus.bridging')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.paragraph} data-testid="consensus-row" data-reading={p.reading}>
                <th scope="row">
                  {p.opening}
                  {p.earlier > 0 && <span className="hint"> ({t('consensus.earlier', { count: p.earlier })})</span>}
                </th>
                <td>
                  <span className={`reading reading-${p.reading}`}>{t(`consensus.readings.${p.reading}`)}</span>
                  {p.groups.length > 1 && (
                    <ul className="group-breakdown">
                      {p.groups.map((g, i) => (
                        <li key={i}>{t('consensus.groupsBreakdown', { group: i + 1, ...g })}</li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>{p.agree}</td>
                <td>{p.disagree}</td>
                <td>{p.pass}</td>
                <td>{p.reading === 'too_few' ? '—' : t('consensus.bridgingValue', { percent: bridgingPercent(p) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
