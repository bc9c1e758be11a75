import type { HistoryAuthor, HistoryDiff, HistoryMoment, HistoryPointView } from '@moot/protocol';
import { useEffect, useId, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { addEnglish } from '../../i18n/index.ts';
import { enHistory } from '../../i18n/enHistory.ts';
import { ErrorNotice, type ShownError } from '../../ui/ErrorNotice.tsx';
import { Loading } from '../../ui/Page.tsx';
import type { MemberRoom } from '../assembly/memberRoom.ts';
import { colourOf, joinNames, pickablePoints, shownRole, summarise } from './authorship.ts';
import { diffHistory, listHistory, listMoments } from './commands.ts';
import './history.css';

// The history's strings come with its chunk, not with every page.
addEnglish(enHistory);

/**
 * `/assembly/history/:standardId`: a standard's text between any two points in its history
 * (saved points, and each edit since the last save, a page of them at a time), inserted and
 * deleted text marked, each stretch coloured by who wrote it (deleted text by who deleted it,
 * when known), and the same said in words, paragraph by paragraph, for screen readers and for
 * anyone who does not see colour.
 */
export default function HistorySection({ live }: { live: MemberRoom }) {
  const { t } = useTranslation();
  const { standardId = '' } = useParams();
  const standard = live.room.standards.find((s) => s.id === standardId);
  const [points, setPoints] = useState<HistoryPointView[] | null>(null);
  const [moments, setMoments] = useState<{ list: HistoryMoment[]; more: boolean }>({ list: [], more: false });
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [diff, setDiff] = useState<HistoryDiff | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const [colours, setColours] = useState(true);
  const ids = { heading: useId(), from: useId(), to: useId(), words: useId() };

  useEffect(() => {
    if (!standard) return;
    let current = true;
    void Promise.all([listHistory(live.socket, standard.id), listMoments(live.socket, standard.id)]).then(
      ([ack, edits]) => {
        if (!current) return;
        if (!ack.ok) return setError(ack.error);
        if (!edits.ok) return setError(edits.error);
        setPoints(ack.data.points);
        setMoments({ list: edits.data.moments, more: edits.data.more });
        setRange(defaultRange(ack.data.points));
      },
    );
    return () => {
      current = false;
    };
  }, [live.socket, standard?.id]);

  useEffect(() => {
    if (!standard || !range) return;
    let current = true;
    void diffHistory(live.socket, { standardId: standard.id, ...range }).then((ack) => {
      if (!current) return;
      if (!ack.ok) return setError(ack.error);
      setError(null);
      setDiff(ack.data);
    });
    return () => {
      current = false;
    };
  }, [live.socket, standard?.id, range?.from, range?.to]);

  if (!standard) {
    return (
      <section>
        <p>{t('history.notFound')}</p>
        <Link to="/assembly/charter">{t('history.back')}</Link>
      </section>
    );
  }

  const pointLabel = (p: HistoryPointView) =>
    t(`history.points.${p.kind}`, {
      at: new Date(p.at).toLocaleString(undefined, p.kind === 'moment' ? MOMENT_FORMAT : undefined),
      label: p.label ?? '',
    });
  const authorName = (author: HistoryAuthor | undefined) => {
    if (!author || author.kind === 'unknown') return t('history.unknown');
    if (author.kind === 'decision') return t('history.decision');
    const role = shownRole(author);
    return role ? t('history.roleName', { name: author.name, role: t(`history.roles.${role}`) }) : (author.name ?? '');
  };
  const names = (authors: number[]) =>
    joinNames(
      authors.map((a) => authorName(diff?.authors[a])),
      t('history.and'),
      t('history.list'),
    );
  const pickable = points ? pickablePoints(points, moments.list, authorName) : [];
  const earlierMoments = async () => {
    const ack = await listMoments(live.socket, standard.id, moments.list.at(-1)?.at);
    if (!ack.ok) return setError(ack.error);
    setMoments((m) => ({ list: [...m.list, ...ack.data.moments], more: ack.data.more }));
  };
  const pointSelect = (which: 'from' | 'to') => (
    <div className="history-point">
      <label htmlFor={ids[which]}>{t(`history.${which}`)}</label>
      <select
        id={ids[which]}
        value={range?.[which] ?? ''}
        onChange={(e) => setRange((r) => r && { ...r, [which]: e.target.value })}
      >
        {pickable.map((p) => (
          <option key={p.id} value={p.id}>
            {pointLabel(p)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <section className="history" aria-labelledby={ids.heading} data-testid="history">
      <p>
        <Link to="/assembly/charter">{t('history.back')}</Link>
      </p>
      <h2 id={ids.heading}>{t('history.heading', { title: standard.title })}</h2>
      <p className="hint">{t('history.intro')}</p>
      {error && <ErrorNotice error={error} />}
      {!points || !diff ? (
        !error && <Loading label={t('history.loading')} />
      ) : (
        <>
          <div className="history-range">
            {pointSelect('from')}
            {pointSelect('to')}
          </div>
          <p className="hint">{t('history.momentsHint')}</p>
          {moments.more && (
            <button type="button" className="secondary" onClick={() => void earlierMoments()}>
              {t('history.moments')}
            </button>
          )}
          <label className="history-colours">
            <input type="checkbox" checked={colours} onChange={(e) => setColours(e.target.checked)} />
            {t('history.colours')}
          </label>
          <ul className="history-legend" aria-label={t('history.legend')}>
            {diff.authors.map((author, i) => (
              <li key={i}>
                <span
                  className="history-swatch"
                  aria-hidden="true"
                  style={{ background: author.color ?? 'transparent' }}
                />
                {authorName(author)}
              </li>
            ))}
          </ul>
          <h3>{t('history.text')}</h3>
          <div
            className={colours ? 'history-text with-colours' : 'history-text'}
            data-testid="history-text"
            aria-describedby={ids.words}
          >
            {diff.blocks.length === 0 && <p>{t('history.empty')}</p>}
            {diff.blocks.map((block, b) => (
              <p key={b} className={`history-block history-${block.kind}`}>
                {block.runs.map((run, r) => {
                  const author = diff.authors[run.author];
                  const colour = diff.authors[colourOf(run)]?.color;
                  const style = { '--author': colour ?? 'currentColor' } as CSSProperties;
                  const by = authorName(author);
                  if (run.change === 'inserted') {
                    return (
                      <ins key={r} style={style} data-author={by} title={`${t('history.inserted')}: ${by}`}>
                        {run.text}
                      </ins>
                    );
                  }
                  if (run.change === 'deleted') {
                    const deleter = run.deletedBy === undefined ? null : authorName(diff.authors[run.deletedBy]);
                    return (
                      <del
                        key={r}
                        style={style}
                        data-author={by}
                        data-deleter={deleter ?? undefined}
                        title={
                          deleter === null
                            ? `${t('history.deleted')}: ${by}`
                            : t('history.deletedByWriter', { deleter, writer: by })
                        }
                      >
                        {run.text}
                      </del>
                    );
                  }
                  return (
                    <span key={r} className="history-kept" style={style} data-author={by} title={by}>
                      {run.text}
                    </span>
                  );
                })}
              </p>
            ))}
          </div>
          <h3 id={ids.words}>{t('history.authorsHeading')}</h3>
          {diff.blocks.every((b) => b.runs.every((r) => r.change === 'kept')) && <p>{t('history.unchanged')}</p>}
          <ul className="history-summary" data-testid="history-summary">
            {summarise(diff.blocks).map((s) => (
              <li key={s.number}>
                {`${t('history.paragraph', { number: s.number })}: ${[
                  s.written.length > 0 && t('history.writtenBy', { names: names(s.written) }),
                  s.inserted.length > 0 && t('history.insertedBy', { names: names(s.inserted) }),
                  s.deleted.length > 0 && t('history.deletedFrom', { names: names(s.deleted) }),
                  s.deletedBy.length > 0 && t('history.deletedBy', { names: names(s.deletedBy) }),
                ]
                  .filter(Boolean)
                  .join('; ')}`}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** An edit's moment to the second, with milliseconds (edits come close together). */
const MOMENT_FORMAT: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
};

/** What changed up to the latest milestone (locked, adopted, amended), else from the first point to now. */
function defaultRange(points: readonly HistoryPointView[]): { from: string; to: string } {
  const last = points.findLastIndex((p) => p.kind !== 'saved' && p.kind !== 'now');
  if (last > 0) return { from: points[last - 1]!.id, to: points[last]!.id };
  return { from: points[0]!.id, to: 'now' };
}
