import type { AmendmentView, StandardView } from '@moot/protocol';
import { lazy, Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldSuggestions, ShownSuggestion, SuggestionDraft } from '../../collab/fields.tsx';
import { shownSuggestions } from './view.ts';
import type { DecisionActions } from './StandardDecisions.tsx';
import './suggestionStrings.ts';
import './suggestions.css';

// The draft's small editor is TipTap: it loads when a member first suggests, not with the page.
const SuggestForm = lazy(() => import('./SuggestForm.tsx').then((m) => ({ default: m.SuggestForm })));

export interface Suggesting {
  /** For the standard's text field: the tracked changes to draw, and the selection to suggest from. */
  field: FieldSuggestions;
  /** The form for the member's draft, while one is open. */
  form: ReactNode;
  /** Suggestions whose words were edited since (the field found them no longer matching). */
  stale: ReadonlySet<string>;
}

/**
 * Suggested amendments on one standard, as the member's page shows them: tracked changes in
 * the text (open ones: proposed or tabled), and a draft form for the member's selection while
 * the standard may be amended (locked or adopted).
 */
export function useSuggestions(
  standard: StandardView,
  amendments: readonly AmendmentView[],
  actions: DecisionActions | undefined,
): Suggesting {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<SuggestionDraft | null>(null);
  const [stale, setStale] = useState<ReadonlySet<string>>(() => new Set());
  const amendable = standard.status === 'locked' || standard.status === 'adopted';
  const canSuggest = Boolean(actions) && amendable;
  const lastStale = useRef('');
  const onStale = useCallback((ids: readonly string[]) => {
    const key = [...ids].sort().join(' ');
    if (key === lastStale.current) return;
    lastStale.current = key;
    setStale(new Set(ids));
  }, []);

  const field = useMemo<FieldSuggestions>(() => {
    const describe = (s: ShownSuggestion) => {
      const text = s.content.map((run) => run.text).join('');
      const said = !s.quote
        ? t('suggestions.spokenInsert', { name: s.proposer, text })
        : !text
          ? t('suggestions.spokenDelete', { name: s.proposer, quote: s.quote })
          : t('suggestions.spoken', { name: s.proposer, quote: s.quote, text });
      return s.cosigners.length > 0
        ? `${said} ${t('suggestions.spokenCosigned', { names: s.cosigners.join(', ') })}`
        : said;
    };
    const byline = (s: ShownSuggestion) =>
      s.cosigners.length > 0
        ? t('suggestions.bylineCosigned', { name: s.proposer, count: s.cosigners.length })
        : t('suggestions.byline', { name: s.proposer });
    return {
      shown: shownSuggestions(amendments),
      describe,
      byline,
      onStale,
      ...(canSuggest ? { onSuggest: setDraft } : {}),
    };
  }, [amendments, t, onStale, canSuggest]);

  const form =
    draft && actions && canSuggest ? (
      <Suspense fallback={null}>
        <SuggestForm
          key={`${draft.start}:${draft.end}`}
          socket={actions.socket}
          standardId={standard.id}
          draft={draft}
          onClose={() => setDraft(null)}
        />
      </Suspense>
    ) : null;
  return { field, form, stale };
}
