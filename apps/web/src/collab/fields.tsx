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
