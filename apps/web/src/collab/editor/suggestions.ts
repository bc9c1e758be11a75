import { Extension, type Editor } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { SuggestedMark, SuggestedText } from '@moot/protocol';
import type { FieldSuggestions, ShownSuggestion, SuggestionDraft } from '../fields.tsx';
import { anchorSelection, suggestionRanges, type BindingMapping } from './suggestionRanges.ts';

/**
 * Suggested amendments drawn as tracked changes: the words a suggestion replaces struck
 * through, its new words right after them with its proposer's name, and a sentence for screen
 * readers. Decorations only: the shared document is not changed until the vote adopts one.
 */
interface State {
  input: FieldSuggestions;
  decorations: DecorationSet;
  stale: string[];
}

const key = new PluginKey<State>('mootSuggestions');
const NONE: FieldSuggestions = { shown: [], describe: () => '', byline: () => '' };

function yjsOf(state: EditorState): {
  doc: Parameters<typeof suggestionRanges>[0];
  type: Parameters<typeof suggestionRanges>[1];
  mapping: BindingMapping;
} | null {
  const ystate = ySyncPluginKey.getState(state) as
    | {
        doc?: Parameters<typeof suggestionRanges>[0];
        type?: Parameters<typeof suggestionRanges>[1];
        binding?: { mapping: BindingMapping } | null;
      }
    | undefined;
  if (!ystate?.doc || !ystate.type || !ystate.binding || ystate.binding.mapping.size === 0) return null;
  return { doc: ystate.doc, type: ystate.type, mapping: ystate.binding.mapping };
}

function compute(state: EditorState, input: FieldSuggestions): State {
  const yjs = yjsOf(state);
  if (!yjs) return { input, decorations: DecorationSet.empty, stale: [] };
  const ranges = suggestionRanges(yjs.doc, yjs.type, yjs.mapping, state.doc, input.shown);
  const byId = new Map(input.shown.map((s) => [s.id, s]));
  const decorations: Decoration[] = [];
  const stale: string[] = [];
  for (const range of ranges) {
    if (range.stale) {
      stale.push(range.id);
      continue;
    }
    const shown = byId.get(range.id)!;
    if (range.to > range.from)
      decorations.push(
        Decoration.inline(range.from, range.to, { class: 'suggestion-deleted', 'data-suggestion-id': shown.id }),
      );
    decorations.push(
      Decoration.widget(range.to, () => widget(shown, input), {
        side: 1,
        ignoreSelection: true,
        key: `${shown.id}:${shown.cosigners.length}`,
      }),
    );
  }
  return { input, decorations: DecorationSet.create(state.doc, decorations), stale };
}

const TAGS: Record<SuggestedMark['type'], string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
  code: 'code',
  link: 'a',
};

/** The new words, each run in its marks (a link is shown, not followed: it is only suggested). */
function widget(shown: ShownSuggestion, input: FieldSuggestions): HTMLElement {
  const root = document.createElement('span');
  root.className = 'suggestion';
  root.dataset.testid = 'tracked-change';
  root.dataset.suggestionId = shown.id;
  const spoken = document.createElement('span');
  spoken.className = 'visually-hidden';
  spoken.textContent = input.describe(shown);
  root.append(spoken);
  if (shown.content.length > 0) {
    const inserted = document.createElement('ins');
    inserted.className = 'suggestion-inserted';
    inserted.setAttribute('aria-hidden', 'true');
    for (const run of shown.content) {
      let node: Node = document.createTextNode(run.text);
      for (const mark of run.marks ?? []) {
        const wrapper = document.createElement(TAGS[mark.type]);
        if (mark.type === 'link') wrapper.title = mark.attrs.href;
        wrapper.append(node);
        node = wrapper;
      }
      inserted.append(node);
    }
    root.append(inserted);
  }
  const author = document.createElement('span');
  author.className = 'suggestion-author';
  author.setAttribute('aria-hidden', 'true');
  author.textContent = input.byline(shown);
  root.append(author);
  return root;
}

export const Suggestions = Extension.create<{ initial: FieldSuggestions | null }>({
  name: 'mootSuggestions',
  addOptions: () => ({ initial: null }),
  addProseMirrorPlugins() {
    // Always installed (drawing nothing until told), so suggestions arriving later are drawn.
    const initial = this.options.initial ?? NONE;
    let reported = '';
    return [
      new Plugin<State>({
        key,
        state: {
          init: (_, state) => compute(state, initial),
          apply(tr, value, _old, state) {
            const next = tr.getMeta(key) as FieldSuggestions | undefined;
            if (next) return compute(state, next);
            if (tr.docChanged || tr.getMeta(ySyncPluginKey)) return compute(state, value.input);
            return value;
          },
        },
        props: { decorations: (state) => key.getState(state)?.decorations },
        view: () => ({
          update(view) {
            const current = key.getState(view.state);
            if (!current) return;
            const now = current.stale.join(' ');
            if (now !== reported) {
              reported = now;
              current.input.onStale?.(current.stale);
            }
          },
        }),
      }),
    ];
  },
});

/** Hands the plugin a new list (new suggestions, co-signers, names) without touching the document. */
export function showSuggestions(editor: Editor, input: FieldSuggestions): void {
  if (!key.getState(editor.state)) return;
  editor.view.dispatch(editor.state.tr.setMeta(key, input).setMeta('addToHistory', false));
}

/** The words selected in the field: ProseMirror's selection, else the page's (a read-only field's). */
function selectedRange(editor: Editor): { from: number; to: number } | null {
  const { from, to } = editor.state.selection;
  if (from < to) return { from, to };
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const dom = editor.view.dom;
  if (!dom.contains(range.startContainer) || !dom.contains(range.endContainer)) return null;
  try {
    const start = editor.view.posAtDOM(range.startContainer, range.startOffset);
    const end = editor.view.posAtDOM(range.endContainer, range.endOffset);
    return start < end ? { from: start, to: end } : null;
  } catch {
    return null;
  }
}

const markOf = (mark: Mark): SuggestedMark | null => {
  const type = mark.type.name;
  if (type === 'link') {
    const href = String(mark.attrs.href ?? '');
    return /^https?:\/\//i.test(href) ? { type: 'link', attrs: { href } } : null;
  }
  return type === 'bold' || type === 'italic' || type === 'strike' || type === 'underline' || type === 'code'
    ? { type }
    : null;
};

/** Inline ProseMirror content as a suggestion's runs: text with the marks the protocol takes. */
export function runsOf(nodes: readonly ProseMirrorNode[]): SuggestedText[] {
  const runs: SuggestedText[] = [];
  for (const node of nodes) {
    if (!node.isText || !node.text) continue;
    const marks = node.marks.map(markOf).filter((m): m is SuggestedMark => m !== null);
    runs.push(marks.length > 0 ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
  }
  return runs;
}

/** The member's selection as a draft suggestion, or why not: nothing selected, or more than one paragraph. */
export function draftFromSelection(editor: Editor): SuggestionDraft | 'nothing' | 'oneParagraph' {
  const range = selectedRange(editor);
  if (!range) return 'nothing';
  const yjs = yjsOf(editor.state);
  const anchors = yjs && anchorSelection(yjs.type, yjs.mapping, editor.state.doc, range.from, range.to);
  if (!anchors) return 'oneParagraph';
  const nodes: ProseMirrorNode[] = [];
  editor.state.doc.slice(range.from, range.to).content.descendants((node) => {
    if (node.isText) nodes.push(node);
  });
  return { ...anchors, content: runsOf(nodes) };
}
