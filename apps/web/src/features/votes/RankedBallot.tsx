import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moveItem, rankOption, unrankedOptions, unrankOption } from './ranking.ts';

interface Props {
  options: readonly string[];
  ranking: readonly number[];
  onChange: (ranking: number[]) => void;
}

type Focus = { action: 'up' | 'down' | 'unrank' | 'rank'; option: number } | null;

/**
 * A ranked ballot built with buttons — rank, up, down, remove — so it works the same by keyboard,
 * touch and screen reader (no dragging). Each change is said in a polite live region, and focus
 * follows the option that moved.
 */
export function RankedBallot({ options, ranking, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const [focus, setFocus] = useState<Focus>(null);
  const [said, setSaid] = useState('');
  const rest = unrankedOptions(ranking, options.length);
  const ref = (action: string, option: number) => (el: HTMLButtonElement | null) => {
    if (el) buttons.current.set(`${action}-${option}`, el);
    else buttons.current.delete(`${action}-${option}`);
  };

  useEffect(() => {
    if (!focus) return;
    const { action, option } = focus;
    const fallbacks =
      action === 'up' ? ['up', 'down', 'unrank'] : action === 'down' ? ['down', 'up', 'unrank'] : [action];
    for (const candidate of fallbacks) {
      const el = buttons.current.get(`${candidate}-${option}`);
      if (el && !el.disabled) {
        el.focus();
        break;
      }
    }
    setFocus(null);
  }, [focus]);

  const change = (next: number[], moved: Focus) => {
    onChange(next);
    setFocus(moved);
    if (!moved) return;
    const option = options[moved.option] ?? '';
    const place = next.indexOf(moved.option);
    setSaid(place < 0 ? t('votes.unrankedNow', { option }) : t('votes.rankedNow', { option, place: place + 1 }));
  };

  return (
    <div className="ranked-ballot">
      <fieldset>
        <legend>{t('votes.rankedLegend')}</legend>
        <p className="hint" id={`${id}-hint`}>
          {t('votes.rankedHint')}
        </p>
        {ranking.length === 0 ? (
          <p className="empty">{t('votes.rankedEmpty')}</p>
        ) : (
          <ol className="ranking" data-testid="ranking" aria-describedby={`${id}-hint`}>
            {ranking.map((option, place) => {
              const text = options[option] ?? '';
              return (
                <li key={option} data-testid="ranked-option" data-option={option}>
                  <span className="ranking-text">{text}</span>
                  <span className="ranking-tools">
                    <button
                      ref={ref('up', option)}
                      type="button"
                      className="secondary"
                      aria-label={t('votes.moveUpLabel', { option: text })}
                      disabled={place === 0}
                      onClick={() => change(moveItem(ranking, place, place - 1), { action: 'up', option })}
                    >
                      {t('votes.moveUp')}
                    </button>
                    <button
                      ref={ref('down', option)}
                      type="button"
                      className="secondary"
                      aria-label={t('votes.moveDownLabel', { option: text })}
                      disabled={place === ranking.length - 1}
                      onClick={() => change(moveItem(ranking, place, place + 1), { action: 'down', option })}
                    >
                      {t('votes.moveDown')}
                    </button>
                    <button
                      ref={ref('unrank', option)}
                      type="button"
                      className="secondary"
                      aria-label={t('votes.unrankLabel', { option: text })}
                      onClick={() => change(unrankOption(ranking, option), { action: 'rank', option })}
                    >
                      {t('votes.unrank')}
                    </button>
                  </span>
                </li>
              );
            })}
          </ol>
        )}
      </fieldset>
      {rest.length > 0 && (
        <div className="unranked">
          <h5>{t('votes.unrankedHeading')}</h5>
          <ul>
            {rest.map((option) => {
              const text = options[option] ?? '';
              return (
                <li key={option}>
                  <span className="ranking-text">{text}</span>
                  <button
                    ref={ref('rank', option)}
                    type="button"
                    className="secondary"
                    aria-label={t('votes.rankLabel', { option: text })}
                    onClick={() => change(rankOption(ranking, option), { action: 'unrank', option })}
                  >
                    {t('votes.rank')}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {said}
      </p>
    </div>
  );
}
