import Collaboration from '@tiptap/extension-collaboration';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import type { FieldProps } from '../fields.tsx';
import { CollaborationCarets } from './carets.ts';
import { SuggestButton } from './SuggestButton.tsx';
import { showSuggestions, Suggestions } from './suggestions.ts';

function attributes(field: string, label: string, editable: boolean): Record<string, string> {
  return {
    'aria-label': label,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-readonly': String(!editable),
    'data-field': field,
    class: 'editor-surface',
  };
}

/** One rich-text field (an XML fragment) of a shared Y.Doc, with co-editors' carets. */
export function CollaborativeField({ handle, field, label, editable, suggestions }: FieldProps) {
  const editor = useEditor(
    {
      extensions: [
        // Yjs brings its own undo, scoped to this user's changes; ProseMirror's would undo others'.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: handle.doc, field }),
        CollaborationCarets.configure({ awareness: handle.awareness }),
        Suggestions.configure({ initial: suggestions ?? null }),
      ],
      editable,
      editorProps: { attributes: attributes(field, label, editable) },
      // Typing must not re-render React: the text lives in ProseMirror and Yjs.
      shouldRerenderOnTransaction: false,
    },
    [handle.doc, handle.awareness, field],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    editor.setOptions({ editorProps: { attributes: attributes(field, label, editable) } });
  }, [editor, field, label, editable]);

  useEffect(() => {
    if (suggestions) showSuggestions(editor, suggestions);
  }, [editor, suggestions]);

  return (
    <>
      <EditorContent editor={editor} className="editor" />
      {suggestions?.onSuggest && <SuggestButton editor={editor} onSuggest={suggestions.onSuggest} />}
    </>
  );
}
