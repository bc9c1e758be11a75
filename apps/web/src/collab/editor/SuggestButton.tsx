import type { Editor } from '@tiptap/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SuggestionDraft } from '../fields.tsx';
import { draftFromSelection } from './suggestions.ts';

/**
 * "Suggest a change to the selected words", under a read-only standard's text. Pressing it keeps
 * the page's selection (the press does not take it away), anchors it and opens the draft.
 */
export function SuggestButton({ editor, onSuggest }: { editor: Editor; onSuggest: (draft: SuggestionDraft) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<'nothing' | 'oneParagraph' | null>(null);
  return (
    <div className="suggest-row">
      <button
        type="button"
        className="secondary"
        data-testid="suggest-change"
        onPointerDown={(event) => event.preventDefault()}
        onClick={() => {
          const draft = draftFromSelection(editor);
          if (typeof draft === 'string') return setProblem(draft);
          setProblem(null);
          onSuggest(draft);
        }}
      >
        {t('suggestions.suggest')}
      </button>
      {problem ? (
        <p className="field-error" role="alert">
          {t(problem === 'nothing' ? 'suggestions.selectFirst' : 'suggestions.oneParagraph')}
        </p>
      ) : (
        <p className="hint">{t('suggestions.how')}</p>
      )}
    </div>
  );
}
