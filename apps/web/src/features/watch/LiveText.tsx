import type { StandardView } from '@moot/protocol';
import { useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import type { CollabProvider, DocumentHandle } from '../../collab/CollabProvider.ts';
import { useSharedDocument } from '../../collab/useSharedDocument.ts';
import { baselineOf, insertedSince, keepSnapshots, type Segment, type Snapshot } from './recentText.ts';

/** How long added text stays highlighted. */
export const RECENT_MS = 30_000;

/** Blocks inside a block (list items, quotes) are separated by a space; inline runs by nothing. */
const NESTING = new Set(['bulletList', 'orderedList', 'listItem', 'blockquote']);

function textOf(node: unknown): string {
  if (node instanceof Y.XmlText)
    return (node.toDelta() as { insert?: unknown }[])
      .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
      .join('');
  if (node instanceof Y.XmlElement)
    return node
      .toArray()
      .map(textOf)
      .join(NESTING.has(node.nodeName) ? ' ' : '');
  return '';
}

/** A field's text as plain paragraphs (its top-level blocks), one per line. */
export function fieldText(fragment: Y.XmlFragment): string {
  return fragment.toArray().map(textOf).join('\n');
}

/** Segments cut at line breaks: one array of runs per paragraph. */
function paragraphs(segments: readonly Segment[]): Segment[][] {
  const out: Segment[][] = [[]];
  for (const segment of segments) {
    segment.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part !== '') out.at(-1)!.push({ text: part, recent: segment.recent });
    });
  }
  return out;
}

/**
 * One standard's text, read-only, with the words added in the last 30 seconds highlighted
 * (`<mark>`, followed by "changed recently" for screen readers). Snapshots of the text are
 * kept as it changes; the highlight is the text now against the text as it was 30 s ago.
 */
function LiveStandardText({ handle, standard }: { handle: DocumentHandle; standard: StandardView }) {
  const { t } = useTranslation();
  const snapshots = useRef<Snapshot[]>([]);
  const [synced, setSynced] = useState(false);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const fragment = handle.doc.getXmlFragment('text');
  const now = Date.now();
  const text = fieldText(fragment);
  // Until the server's copy is in, nothing is "new": the text that arrives first is the baseline.
  snapshots.current = synced ? keepSnapshots(snapshots.current, text, now, RECENT_MS) : [{ at: now, text }];
  const segments = insertedSince(baselineOf(snapshots.current, now, RECENT_MS), text);
  const anyRecent = segments.some((s) => s.recent);

  useEffect(() => {
    let alive = true;
    void handle.synced.then(() => {
      if (!alive) return;
      snapshots.current = [{ at: Date.now(), text: fieldText(fragment) }];
      setSynced(true);
    });
    return () => {
      alive = false;
    };
  }, [handle, fragment]);
  useEffect(() => {
    fragment.observeDeep(redraw);
    return () => fragment.unobserveDeep(redraw);
  }, [fragment]);
  // While something is highlighted, look again every second so the highlight ends on time.
  useEffect(() => {
    if (!anyRecent) return;
    const timer = setInterval(redraw, 1000);
    return () => clearInterval(timer);
  }, [anyRecent]);

  return (
    <section className="live-text" aria-labelledby={`live-text-${standard.id}`} data-testid="live-text">
      <h4 id={`live-text-${standard.id}`}>{standard.title}</h4>
      <div className="live-text-body" data-recent={anyRecent || undefined}>
        {paragraphs(segments).map((runs, i) => (
          <p key={i}>
            {runs.map((run, j) =>
              run.recent ? (
                <span key={j}>
                  <mark data-testid="recent-change">{run.text}</mark>
                  <span className="visually-hidden"> ({t('watchLive.changedRecently')})</span>
                </span>
              ) : (
                <span key={j}>{run.text}</span>
              ),
            )}
          </p>
        ))}
      </div>
    </section>
  );
}

export function LiveText({ provider, standard }: { provider: CollabProvider; standard: StandardView }) {
  const handle = useSharedDocument(provider, standard.docId);
  return handle ? <LiveStandardText handle={handle} standard={standard} /> : null;
}
