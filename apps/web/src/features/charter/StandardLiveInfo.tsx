import type { StandardView } from '@moot/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CollabProvider, DocumentHandle } from '../../collab/CollabProvider.ts';
import { useCoEditors, useRemoteEdits } from '../../collab/coEditors.ts';
import { fragmentWords } from '../../collab/reader/readModel.ts';
import { useFormat } from '../../i18n/format.ts';
import { useAnnounce } from '../../ui/LiveAnnouncer.tsx';
import { lastSeen, rememberSeen, wordChanges, type WordChanges } from './sinceLastLooked.ts';

interface Props {
  provider: CollabProvider;
  /** The standard's document, or its easy-read version's. */
  handle: DocumentHandle | null;
  standard: StandardView;
  /** Which of the standard's documents this is, for the announcement. */
  easyRead?: boolean;
  fields: readonly string[];
}

const storage = () => (typeof localStorage === 'undefined' ? null : localStorage);

/**
 * What happens in a standard's text besides the text itself, said in words: who is editing it
 * now (not only a caret colour), a live-region sentence when someone else edits it, and how
 * much it changed since this device last showed it.
 */
export function StandardLiveInfo({ provider, handle, standard, easyRead = false, fields }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const announce = useAnnounce();
  const coEditors = useCoEditors(handle);
  const position = standard.position + 1;

  const onEdit = useCallback(
    (names: string[]) =>
      announce(
        `edit:${handle?.docId}`,
        t(easyRead ? 'live.editedEasyRead' : 'live.edited', {
          position,
          name: names.length > 0 ? format.list(names) : t('live.someone'),
        }),
      ),
    [announce, t, easyRead, position, format, handle],
  );
  useRemoteEdits(provider, handle, onEdit);
  const changes = useSinceLastLooked(handle, fields);

  return (
    <>
      {coEditors.length > 0 && (
        <p className="co-editors" data-testid="co-editors">
          {t('live.editingNow', { names: format.list(coEditors) })}
        </p>
      )}
      {changes.summary && (
        <div className="since-last-looked" data-testid="since-last-looked">
          <p>
            {t('sinceLastLooked.summary', {
              changes: format.list([
                ...(changes.summary.added > 0 ? [t('sinceLastLooked.added', { count: changes.summary.added })] : []),
                ...(changes.summary.removed > 0
                  ? [t('sinceLastLooked.removed', { count: changes.summary.removed })]
                  : []),
              ]),
            })}
          </p>
          <button type="button" className="secondary" onClick={changes.markSeen}>
            {t('sinceLastLooked.markSeen')}
          </button>
        </div>
      )}
    </>
  );
}

/**
 * Compares the document, once the server's copy is in, with the words this device last showed;
 * remembers what is shown when the person leaves (or marks it seen).
 */
function useSinceLastLooked(handle: DocumentHandle | null, fields: readonly string[]) {
  const [summary, setSummary] = useState<WordChanges | null>(null);
  const ready = useRef(false);
  const key = fields.join();
  const words = useCallback(
    () => (handle ? key.split(',').flatMap((field) => fragmentWords(handle.doc.getXmlFragment(field))) : []),
    [handle, key],
  );
  const remember = useCallback(() => {
    const store = storage();
    if (handle && ready.current && store) rememberSeen(store, handle.docId, words());
  }, [handle, words]);

  useEffect(() => {
    const store = storage();
    if (!handle || !store) return;
    let live = true;
    ready.current = false;
    void handle.synced.then(() => {
      if (!live) return;
      ready.current = true;
      const before = lastSeen(store, handle.docId);
      const changes = before ? wordChanges(before, words()) : null;
      if (changes && changes.added + changes.removed > 0) setSummary(changes);
      else remember();
    });
    window.addEventListener('pagehide', remember);
    return () => {
      live = false;
      window.removeEventListener('pagehide', remember);
      remember();
    };
  }, [handle, words, remember]);

  const markSeen = useCallback(() => {
    remember();
    setSummary(null);
  }, [remember]);
  return { summary, markSeen };
}
