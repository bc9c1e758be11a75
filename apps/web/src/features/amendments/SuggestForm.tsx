import { Node as TiptapNode } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { LIMITS } from '@moot/protocol';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblySocket } from '../../collab/transport.ts';
import type { SuggestionDraft } from '../../collab/fields.tsx';
import { runsOf } from '../../collab/editor/suggestions.ts';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useErrorText } from '../../ui/ErrorNotice.tsx';
import { sendCommand } from '../session/commands.ts';
import './suggestionStrings.ts';

/** The replacement is one run of inline text: a document of exactly one paragraph, no line breaks. */
const OneParagraph = TiptapNode.create({ name: 'doc', topNode: true, content: 'paragraph' });

const EXTENSIONS = [
  OneParagraph,
  StarterKit.configure({
    document: false,
    heading: false,
    blockquote: false,
    bulletList: false,
    orderedList: false,
    listItem: false,
    listKeymap: false,
    codeBlock: false,
    horizontalRule: false,
    hardBreak: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    link: { openOnClick: false, autolink: false, protocols: [] },
  }),
];

interface Props {
  socket: AssemblySocket;
  standardId: string;
  draft: SuggestionDraft;
  /** Closes the form: after the suggestion was accepted, or on cancel. */
  onClose: (sent: boolean) => void;
}

/**
 * The member's suggestion for the words they selected: the words, formatting and all, in a
 * small editor to change in place; sent as runs of marked text anchored to the selection.
 */
export function SuggestForm({ socket, standardId, draft, onClose }: Props) {
  const { t } = useTranslation();
  const describe = useErrorText();
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: { type: 'doc', content: [{ type: 'paragraph', content: draft.content }] },
    autofocus: 'end',
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'false',
        'aria-labelledby': `${id}-label`,
        'aria-describedby': `${id}-hint`,
        'data-testid': 'suggestion-wording',
        class: 'editor-surface suggestion-editor',
      },
    },
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const nodes: ProseMirrorNode[] = [];
    editor.state.doc.descendants((node) => {
      if (node.isText) nodes.push(node);
    });
    const content = runsOf(nodes);
    if (JSON.stringify(content) === JSON.stringify(draft.content)) return setError(t('suggestions.unchanged'));
    if (content.reduce((sum, run) => sum + run.text.length, 0) > LIMITS.maxAmendmentLength)
      return setError(t('suggestions.tooLong', { max: LIMITS.maxAmendmentLength }));
    setBusy(true);
    const ack = await sendCommand(socket, 'amendment:suggest', {
      standardId,
      start: draft.start,
      end: draft.end,
      quote: draft.quote,
      content,
      reason: reason.trim(),
    });
    setBusy(false);
    if (ack.ok) return onClose(true);
    setError(describe(ack.error));
    editor.commands.focus();
  }

  return (
    <form
      className="decision-form suggest-form"
      onSubmit={submit}
      aria-labelledby={`${id}-h`}
      aria-busy={busy}
      noValidate
      data-testid="suggest-form"
    >
      <h5 id={`${id}-h`}>{t('suggestions.heading')}</h5>
      {draft.quote ? (
        <p>
          {t('suggestions.replacing')} <del className="suggestion-quote">{draft.quote}</del>
        </p>
      ) : (
        <p>{t('suggestions.inserting')}</p>
      )}
      <p id={`${id}-label`} className="label">
        {t('suggestions.wordingLabel')}
      </p>
      <p id={`${id}-hint`} className="hint">
        {t('suggestions.wordingHint')}
      </p>
      <EditorContent editor={editor} className="editor" />
      <label htmlFor={`${id}-reason`}>{t('suggestions.reasonLabel')}</label>
      <input
        id={`${id}-reason`}
        type="text"
        value={reason}
        maxLength={LIMITS.maxNoteLength}
        autoComplete="off"
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="button-row">
        <button type="submit" aria-disabled={busy}>
          {t('suggestions.submit')}
        </button>
        <button type="button" className="secondary" onClick={() => onClose(false)}>
          {t('suggestions.cancel')}
        </button>
      </div>
      {busy && (
        <p className="hint" role="status">
          {t('suggestions.sending')}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
