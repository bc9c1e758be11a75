import type { SuggestedText, SuggestionView } from '@moot/protocol';
import { createContext, lazy, Suspense, useContext, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../ui/Page.tsx';
import type { DocumentHandle } from './CollabProvider.ts';

/** One rich-text field of a shared document, editable or not. */
export interface FieldProps {
  handle: DocumentHandle;
  /** The XML fragment in the document, e.g. 'text' or 'breach'. */
  field: string;
  /** The accessible name, e.g. "Text of Honesty". */
  label: string;
  editable: boolean;
  /** Suggested amendments drawn as tracked changes in this field (the standard's text), if any. */
  suggestions?: FieldSuggestions;
}

/** A suggested amendment as the field draws it. */
export interface ShownSuggestion extends SuggestionView {
  id: string;
  proposer: string;
  cosigners: readonly string[];
}

/** A member's selection, anchored, with its words and marks as the replacement to start from. */
export interface SuggestionDraft {
  start: string;
  end: string;
  quote: string;
  content: SuggestedText[];
}

export interface FieldSuggestions {
  shown: readonly ShownSuggestion[];
  /** The tracked change in words, for screen readers: "Suggested by Ana: replace … with …". */
  describe: (shown: ShownSuggestion) => string;
  /** The name shown beside the new words. */
  byline: (shown: ShownSuggestion) => string;
  /** Told which suggestions no longer match the text (their words were edited since). */
  onStale?: (ids: readonly string[]) => void;
  /** For those who may suggest: a selection becomes a draft. */
  onSuggest?: (draft: SuggestionDraft) => void;
}

// The editor (TipTap, ProseMirror) is most of the app's JavaScript: it loads with the first
// field that needs it, never on a page that only reads.
const Editor = lazy(() =>
  import('./editor/CollaborativeField.tsx').then((m) => ({
    default: m.CollaborativeField as ComponentType<FieldProps>,
  })),
);

function LazyEditor(props: FieldProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('standard.loadingText')} />}>
      <Editor {...props} />
    </Suspense>
  );
}

const FieldComponent = createContext<ComponentType<FieldProps>>(LazyEditor);

/**
 * Which component draws fields on this page: the editor by default; the watch page provides
 * the read-only renderer so it never loads the editor at all.
 */
export const FieldRenderer = FieldComponent.Provider;

export function useFieldComponent(): ComponentType<FieldProps> {
  return useContext(FieldComponent);
}
